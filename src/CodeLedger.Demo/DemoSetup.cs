using CodeLedger.Core.Accounts;
using CodeLedger.Core.Agreements;
using CodeLedger.Core.Coders;
using CodeLedger.Core.Contracts;
using CodeLedger.Core.Physicians;
using CodeLedger.Core.Setup;
using CodeLedger.Storage.Setup;

namespace CodeLedger.Demo;

/// <summary>
/// The demo's world as a setup document: what <c>setup export</c> writes for a demo database, and
/// what docs/examples/demo-setup.yaml holds (a test keeps the two equal).
/// </summary>
public static class DemoSetup
{
    /// <summary>A physician's user name in the demo: <c>dr-</c> and the NPI.</summary>
    public static string PhysicianUserName(string npi) => "dr-" + npi;

    /// <summary>The whole setup of the demo of <paramref name="seed"/>: its organizations, agreements, contracts, physicians, coders with the lead, and users.</summary>
    public static SetupDocument Of(int seed, int encounters, DateOnly month, bool billing = true)
    {
        var world = DemoGenerator.Generate(seed, encounters, month);
        var lead = DemoWorldWriter.Lead(world, DemoWorkflow.RandomFor(seed));
        return Stage(world, lead, world.Practices.Count, coders: true, withLead: true, billing);
    }

    /// <summary>
    /// The setup after the first <paramref name="practicesSigned"/> practices (in signing order)
    /// signed their BAA and contract and enrolled their physicians, with or without the coders and
    /// their lead. With the lead come the accounts: the vendor's admin (<see cref="DemoWorldWriter.Admin"/>),
    /// a user for each coder and for the lead (linked to their coder records), and a physician user
    /// for each physician (<see cref="PhysicianUserName"/>), so every actor the demo's ledger names
    /// is a real user. No passwords: an operator sets one with <c>codeledger users reset-password</c>.
    /// Lists are in the world's order, which is the order the desk records them in.
    /// </summary>
    internal static SetupDocument Stage(DemoWorld world, Coder lead, int practicesSigned, bool coders, bool withLead, bool billing)
    {
        var signed = world.Practices.OrderBy(p => p.Baa.SignedOn).Take(practicesSigned).Select(p => p.Practice.Code).ToHashSet(StringComparer.Ordinal);
        IEnumerable<Coder> staff = coders ? withLead ? [.. world.Coders, lead] : world.Coders : [];
        var vendor = world.Vendor.Code;
        return new SetupDocument(
            [new OrganizationSetup(vendor, world.Vendor.Name, [.. staff.Select(Coder)])],
            [.. world.Practices.Select(p => Practice(p, signed.Contains(p.Practice.Code), billing))],
            // The audit firm arrives with the lead, the last stage before the month: it audits the month after it.
            withLead ? [new OrganizationSetup(DemoAudits.Firm, DemoAudits.FirmName, [])] : [],
            [.. world.Practices.OrderBy(p => p.Baa.SignedOn).Where(p => signed.Contains(p.Practice.Code)).Select(p => Agreement(p.Practice.Code, vendor, p.Baa))],
            [.. world.Practices.OrderBy(p => p.Baa.SignedOn).Where(p => signed.Contains(p.Practice.Code)).Select(p => Contract(p.Practice.Code, vendor, p.Contract))],
            withLead ? Users(world, billing) : null);
    }

    /// <summary>A practice's entry: its physicians, payers and billing profile once it signed (billing is set up with the contract), else its name alone.</summary>
    private static PracticeSetup Practice(DemoPractice p, bool signed, bool billing)
    {
        if (!signed || !billing)
        {
            return new PracticeSetup(p.Practice.Code, p.Practice.Name, signed ? [.. p.Physicians.Select(Physician)] : []);
        }

        var (payers, profile) = DemoBilling.Setup(p.Practice.Code);
        return new PracticeSetup(p.Practice.Code, p.Practice.Name, [.. p.Physicians.Select(Physician)], payers, profile);
    }

    private static List<UserSetup> Users(DemoWorld world, bool billing)
    {
        var vendor = world.Vendor.Code;
        var users = new List<UserSetup> { new(DemoWorldWriter.Admin, "Demo Administrator", null, vendor, UserRole.VendorAdmin.Name(), null, null) };
        users.AddRange(world.Coders.Select(c => new UserSetup(c.UserName, c.DisplayName, null, vendor, UserRole.Coder.Name(), c.UserName, null)));
        users.Add(new UserSetup(DemoWorldWriter.LeadUserName, "Marisol Reyes", null, vendor, UserRole.CodingLead.Name(), DemoWorldWriter.LeadUserName, null));
        users.AddRange(world.Practices.SelectMany(p => p.Physicians.Select(d =>
            new UserSetup(PhysicianUserName(d.Npi.Value), d.Name, null, p.Practice.Code, UserRole.Physician.Name(), null, d.Npi.Value))));
        if (billing)
        {
            users.AddRange(world.Practices.Select(p => DemoBilling.Admin(p.Practice.Code)));
        }

        users.Add(new UserSetup(DemoAudits.AdjudicatorUserName, "Luis Ortiz", null, DemoAudits.Firm, UserRole.Auditor.Name(), null, null));
        users.Add(new UserSetup(DemoAudits.AuditorUserName, "Dana Kim", null, DemoAudits.Firm, UserRole.Auditor.Name(), null, null));
        return users;
    }

    /// <summary>The world's own ids, by the setup's natural keys, so the encounters the month generates name the rows the setup wrote.</summary>
    internal static SetupIdSource Ids(DemoWorld world, Coder lead)
    {
        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal)
        {
            [$"organization/{world.Vendor.Code}"] = world.Vendor.Id,
            [$"organization/{DemoAudits.Firm}"] = DemoAudits.FirmId,
        };
        foreach (var p in world.Practices)
        {
            ids[$"organization/{p.Practice.Code}"] = p.Practice.Id;
            ids[$"agreement/{Agreement(p.Practice.Code, world.Vendor.Code, p.Baa).Key}"] = p.Baa.Id;
            ids[$"contract/{Contract(p.Practice.Code, world.Vendor.Code, p.Contract).Key}"] = p.Contract.Id;
            foreach (var d in p.Physicians)
            {
                ids[$"physician/{d.Npi.Value}"] = d.Id;
            }
        }

        foreach (var c in world.Coders.Append(lead))
        {
            ids[$"coder/{c.UserName}"] = c.Id;
        }

        // Payers are not part of the generated world: their ids derive from their keys, as `setup apply` derives them.
        return (kind, key) => ids.TryGetValue($"{kind}/{key}", out var id) ? id
            : kind == "payer" ? SetupDesk.DerivedIds(kind, key)
            : throw new InvalidOperationException($"the demo world has no {kind} {key}");
    }

    private static PhysicianSetup Physician(Physician d) => new(d.Npi.Value, d.Name, d.Taxonomy.Value, d.Specialty.Value);

    private static CoderSetup Coder(Coder c) =>
        new(c.UserName, c.DisplayName, c.IsLead, Active: true, [.. c.Specialties.Select(s => s.Value)],
            [.. c.Credentials.Select(k => new CredentialSetup(CredentialNames.Name(k.Kind), k.CertificateNumber, k.IssuedOn, k.ExpiresOn))],
            [.. c.Absences.Select(a => new AbsenceSetup(a.From, a.Through, a.Reason))]);

    private static AgreementSetup Agreement(string practice, string vendor, BusinessAssociateAgreement a) =>
        new(practice, vendor, a.PracticeSignatory, a.VendorSignatory, a.SignedOn, a.EffectiveOn, a.ExpiresOn, a.DocumentSha256);

    private static ContractSetup Contract(string practice, string vendor, SlaContract c) =>
        new(practice, vendor, c.EffectiveOn, c.TurnaroundTargetHours, c.Clock, c.TimeZoneId, c.WorkingHours.Opens, c.WorkingHours.Closes, [.. c.WorkingHours.Days],
            [.. c.Holidays], c.AccuracyFloorPercent, c.QueryResponseWindowHours, c.OpenQueryPausesClock, c.CorrectedDocumentationRestartsClock,
            c.MonthlyFee.ToString(), c.CreditSchedule.ComplianceThresholdPercent, c.CreditSchedule.PercentOfFeePerPoint, c.CreditSchedule.CapPercentOfFee,
            c.RemediationAfterConsecutiveBreachMonths);
}
