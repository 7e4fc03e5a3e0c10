using CodeLedger.Core.Coders;
using CodeLedger.Core.Coding;
using CodeLedger.Core.Common;
using CodeLedger.Core.Encounters;

namespace CodeLedger.Core.Workflow;

/// <summary>What a person asks to do with an encounter.</summary>
public enum EncounterAction
{
    /// <summary>See the patient and the note (PHI).</summary>
    Read,

    /// <summary>Submit a coding version.</summary>
    Code,

    /// <summary>Raise a documentation query to the physician.</summary>
    RaiseQuery,

    /// <summary>Finalize a coding version despite edit errors, with a recorded reason.</summary>
    Override,
}

/// <summary>Why a person was refused an encounter.</summary>
public enum AccessRefusal
{
    /// <summary>The user name is not a coder's.</summary>
    NotACoder,

    /// <summary>The person codes for another vendor than the one the practice sent the encounter to.</summary>
    AnotherVendor,

    /// <summary>The person is the vendor's, but neither the assigned coder nor a lead.</summary>
    NotAssigned,

    /// <summary>Only a lead may override edit errors.</summary>
    NotALead,

    /// <summary>Outside the person's tenant (<see cref="Tenancy.AccessPolicy"/>): told "not found", exactly like a missing encounter.</summary>
    OutsideTenant,

    /// <summary>The person reaches the encounter, but their role does not do this (<see cref="Tenancy.AccessPolicy"/>).</summary>
    RoleMayNot,
}

/// <summary>The person asking, as far as access is concerned: their coder record, or none.</summary>
public readonly record struct AccessPerson(Guid CoderId, Guid VendorId, bool IsLead)
{
    public static AccessPerson? Of(Coder? coder) => coder is null ? null : new AccessPerson(coder.Id, coder.VendorId, coder.IsLead);
}

/// <summary>
/// The one rule for who may read, code, raise a query on, or override the edits of an encounter.
/// Minimum necessary (45 CFR 164.502(b), 164.514(d)): the PHI a vendor receives under its business
/// associate agreement is for the coders doing that work, so a person may act on an encounter only
/// when they code for the vendor the encounter was sent to, and then only as the coder it is
/// assigned to or as a lead of that vendor (who also takes uncovered work). Overriding edit errors
/// is a lead's alone. A lead of another vendor is no lead here: their agreement covers other PHI.
/// </summary>
public static class EncounterAccess
{
    /// <param name="assignedCoderId">The work item's coder; null when the encounter is uncovered.</param>
    /// <param name="vendorId">The vendor the encounter was sent to (the work item's).</param>
    /// <returns>Null when allowed; otherwise why not.</returns>
    public static AccessRefusal? Refusal(EncounterAction action, AccessPerson? person, Guid? assignedCoderId, Guid vendorId)
    {
        if (person is not { } p)
        {
            return AccessRefusal.NotACoder;
        }

        if (p.VendorId != vendorId)
        {
            return AccessRefusal.AnotherVendor;
        }

        if (action == EncounterAction.Override)
        {
            return p.IsLead ? null : AccessRefusal.NotALead;
        }

        return p.IsLead || assignedCoderId == p.CoderId ? null : AccessRefusal.NotAssigned;
    }

    public static AccessRefusal? Refusal(EncounterAction action, Coder? person, WorkItem work) =>
        Refusal(action, AccessPerson.Of(person), work.CoderId, work.VendorId);

    /// <summary>
    /// Refuses with the code each action has always carried: reading is <c>PHI-ACCESS-DENIED</c>;
    /// coding and querying are <c>CODER-UNKNOWN</c> for a user who is not a coder and
    /// <c>CODING-NOT-ASSIGNED</c> otherwise; overriding is <c>CODING-OVERRIDE-NOT-LEAD</c>.
    /// </summary>
    /// <returns>The person, who is then known to be a coder.</returns>
    public static Coder Require(EncounterAction action, Coder? person, string userName, WorkItem work, string encounterExternalId) =>
        Refusal(action, person, work) is { } refusal ? throw Refused(action, refusal, userName, encounterExternalId) : person!;

    public static DomainException Refused(EncounterAction action, AccessRefusal refusal, string userName, string encounter)
    {
        var verb = action switch
        {
            EncounterAction.Read => "read its patient and note",
            EncounterAction.Code => "code it",
            EncounterAction.RaiseQuery => "query it",
            _ => "override its edit errors",
        };
        if (refusal == AccessRefusal.OutsideTenant)
        {
            // The same code and words as an encounter that does not exist: existence does not leak.
            return new DomainException(EncounterErrors.Unknown, $"no encounter '{encounter}'");
        }

        var message = refusal switch
        {
            AccessRefusal.RoleMayNot => $"{userName} reaches encounter {encounter} but their role may not {verb}",
            AccessRefusal.NotACoder => $"no coder '{userName}': only the coder encounter {encounter} is assigned to, or a lead of its vendor, may {verb}",
            AccessRefusal.AnotherVendor => $"encounter {encounter} was sent to another vendor; {userName} may not {verb}",
            AccessRefusal.NotAssigned => $"encounter {encounter} is assigned to someone else; {userName} may not {verb}",
            _ => $"only a lead coder may override edit errors; {userName} is not a lead",
        };
        var code = (action, refusal) switch
        {
            (_, AccessRefusal.RoleMayNot) => Tenancy.TenancyErrors.RoleRefused,
            (EncounterAction.Read, _) => EncounterErrors.PhiAccessDenied,
            (_, AccessRefusal.NotACoder) => CoderErrors.Unknown,
            (EncounterAction.Override, AccessRefusal.NotALead) => CodingErrors.OverrideNotLead,
            _ => CodingErrors.NotAssigned,
        };
        return new DomainException(code, message);
    }

    /// <summary>The reason written to the ledger's <c>phi.read-refused</c> event (no PHI, no free text).</summary>
    public static string LedgerReason(AccessRefusal refusal) => refusal switch
    {
        AccessRefusal.NotACoder => "not a coder",
        AccessRefusal.AnotherVendor => "another vendor",
        AccessRefusal.NotALead => "not a lead",
        AccessRefusal.OutsideTenant => "outside tenant",
        AccessRefusal.RoleMayNot => "role may not",
        _ => "not assigned",
    };
}
