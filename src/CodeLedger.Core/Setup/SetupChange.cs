using CodeLedger.Core.Organizations;

namespace CodeLedger.Core.Setup;

/// <summary>One change a setup makes; each is one ledger event when applied (docs/SETUP.md lists which).</summary>
public abstract record SetupChange
{
    /// <summary>One line for people: what changes, never a patient's data (a setup holds none).</summary>
    public abstract string Describe();
}

public sealed record OrganizationAdded(OrganizationKind Kind, string Code, string Name) : SetupChange
{
    public override string Describe() => $"register {Kind switch { OrganizationKind.Practice => "practice", OrganizationKind.CodingVendor => "vendor", _ => "audit firm" }} {Code}";
}

public sealed record AgreementSigned(AgreementSetup Agreement) : SetupChange
{
    public override string Describe() => $"sign BAA {Agreement.Key}";
}

public sealed record AgreementTerminated(AgreementSetup Agreement, DateOnly LastDay) : SetupChange
{
    public override string Describe() => $"terminate BAA {Agreement.Key} after {LastDay:yyyy-MM-dd}";
}

public sealed record ContractSigned(ContractSetup Contract) : SetupChange
{
    public override string Describe() => $"sign SLA contract {Contract.Key}";
}

public sealed record PhysicianAdded(string Practice, PhysicianSetup Physician) : SetupChange
{
    public override string Describe() => $"enrol physician {Physician.Npi} at {Practice}";
}

/// <param name="Changed">The fields that changed: name, taxonomy, specialty, active.</param>
public sealed record PhysicianChanged(string Practice, PhysicianSetup Physician, IReadOnlyList<string> Changed) : SetupChange
{
    public override string Describe() => Changed is ["active"]
        ? $"{(Physician.Active ? "reactivate" : "deactivate")} physician {Physician.Npi} at {Practice}"
        : $"update physician {Physician.Npi} at {Practice} ({string.Join(", ", Changed)})";
}

public sealed record CoderAdded(string Vendor, CoderSetup Coder) : SetupChange
{
    public override string Describe() => $"enrol coder {Coder.UserName} at {Vendor}";
}

/// <param name="Changed">The fields that changed: name, lead, active, specialties, credentials, absences.</param>
public sealed record CoderChanged(string Vendor, CoderSetup Coder, IReadOnlyList<string> Changed) : SetupChange
{
    public override string Describe() => Changed is ["active"]
        ? $"{(Coder.Active ? "reactivate" : "deactivate")} coder {Coder.UserName} at {Vendor}"
        : $"update coder {Coder.UserName} at {Vendor} ({string.Join(", ", Changed)})";
}

public sealed record UserAccountAdded(UserSetup User) : SetupChange
{
    public override string Describe() => $"add user {User.UserName} ({User.Role}) at {User.Organization}";
}

/// <param name="Changed">The fields that changed: displayName, email, role, coder, physicianNpi.</param>
public sealed record UserAccountChanged(UserSetup User, IReadOnlyList<string> Changed) : SetupChange
{
    public override string Describe() => $"update user {User.UserName} at {User.Organization} ({string.Join(", ", Changed)})";
}

/// <summary>A user the file lists as inactive, or no longer lists: disabled, never deleted.</summary>
public sealed record UserAccountDisabled(UserSetup User) : SetupChange
{
    public override string Describe() => $"disable user {User.UserName} at {User.Organization}";
}

public sealed record PayerAdded(string Practice, PayerSetup Payer) : SetupChange
{
    public override string Describe() => $"register payer {Payer.Code} at {Practice}";
}

/// <param name="Changed">The fields that changed: name, payerId, claimFilingIndicator, receiver, active.</param>
public sealed record PayerChanged(string Practice, PayerSetup Payer, IReadOnlyList<string> Changed) : SetupChange
{
    public override string Describe() => Changed is ["active"]
        ? $"{(Payer.Active ? "reactivate" : "deactivate")} payer {Payer.Code} at {Practice}"
        : $"update payer {Payer.Code} at {Practice} ({string.Join(", ", Changed)})";
}

/// <param name="Changed">Empty when the practice had no billing profile; else the fields that changed: npi, ein, address, submitter, production.</param>
public sealed record BillingProfileChanged(string Practice, BillingSetup Billing, IReadOnlyList<string> Changed) : SetupChange
{
    public override string Describe() => Changed.Count == 0
        ? $"set billing profile of {Practice}"
        : $"change billing profile of {Practice} ({string.Join(", ", Changed)})";
}

/// <summary>What applying a file would do: the changes in the order they are applied, or the conflicts that refuse it.</summary>
public sealed record SetupPlan(IReadOnlyList<SetupChange> Changes, IReadOnlyList<string> Conflicts)
{
    public bool NothingChanged => Changes.Count == 0 && Conflicts.Count == 0;
}
