using CodeLedger.Core.Agreements;
using CodeLedger.Core.Coders;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Coding;
using CodeLedger.Core.Contracts;
using CodeLedger.Core.Encounters;
using CodeLedger.Core.Intake;
using CodeLedger.Core.Organizations;
using CodeLedger.Core.Physicians;
using CodeLedger.Core.Workflow;
using CodeLedger.Core.Ledger.Events;

namespace CodeLedger.Storage.Tests.Workflow;

/// <summary>
/// A practice in Chicago with a BAA and a 48-business-hour contract with its vendor, one family
/// physician, two family-medicine coders and a lead; a second practice without any agreement.
/// The test clock starts Monday 2 March 2026, 08:00 in Chicago (14:00Z).
/// </summary>
internal sealed class WorkflowWorld
{
    public const string Npi = "1234567893";

    public WorkflowWorld(bool correctionRestartsClock = false)
    {
        Baa = new BusinessAssociateAgreement(Guid.NewGuid(), Practice.Id, Vendor.Id, "Dr. Ana Ruiz", "Sam Lee",
            new DateOnly(2025, 12, 15), new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31), new string('b', 64));
        Physician = new Physician(Guid.NewGuid(), Practice.Id, "Dr. Maya Chen", Core.Codes.Npi.Parse(Npi), TaxonomyCode.Parse("207Q00000X"), Specialty.Parse("family-medicine"));
        Contract = new SlaContract(Guid.NewGuid(), Practice.Id, Vendor.Id, new DateOnly(2026, 1, 1), 48, TurnaroundClockKind.BusinessHours,
            "America/Chicago", WorkingHours.MondayToFriday(new TimeOnly(8, 0), new TimeOnly(17, 0)), [new DateOnly(2026, 5, 25)],
            95m, 72, openQueryPausesClock: true, correctionRestartsClock, new ServiceCreditSchedule(95m, 2m, 20m), Money.Parse("12500.00"), 3);
        Jdoe = CoderFor("jdoe");
        Asmith = CoderFor("asmith");
        Lead = CoderFor("lead", isLead: true);
    }

    public Organization Practice { get; } = new(Guid.NewGuid(), "FM-NORTH", "Northside Family Medicine", OrganizationKind.Practice);

    public Organization Unbound { get; } = new(Guid.NewGuid(), "NO-BAA", "Practice Without Agreement", OrganizationKind.Practice);

    public Organization Vendor { get; } = new(Guid.NewGuid(), "ACME", "Acme Coding Partners", OrganizationKind.CodingVendor);

    public BusinessAssociateAgreement Baa { get; }

    public Physician Physician { get; }

    public SlaContract Contract { get; }

    public Coder Jdoe { get; }

    public Coder Asmith { get; }

    public Coder Lead { get; }

    private Coder CoderFor(string user, bool isLead = false) =>
        new(Guid.NewGuid(), Vendor.Id, user, user, [new Credential(CredentialKind.Cpc, "CPC-" + user, new DateOnly(2020, 1, 1), new DateOnly(2028, 1, 1))],
            [Specialty.Parse("family-medicine")], null, isLead);

    public async Task SaveAsync(CodeLedgerStore store)
    {
        await store.WriteAsync("setup", (db, ledger) =>
        {
            db.AddRange(Practice, Unbound, Vendor);
            db.AddRange(Baa, Physician, Contract, Jdoe, Asmith, Lead);
            // Every row written here has its event, so replay verification of a test database is clean.
            foreach (var organization in new[] { Practice, Unbound, Vendor })
            {
                ledger.Append(organization.Code, new OrganizationRegistered(organization.Id, organization.Name, organization.Kind));
            }

            ledger.Append(Practice.Code, new BaaSigned(Baa.Id, Practice.Code, Vendor.Code, Baa.PracticeSignatory, Baa.VendorSignatory, Baa.SignedOn, Baa.EffectiveOn, Baa.ExpiresOn, Baa.DocumentSha256));
            ledger.Append(Physician.Npi.Value, new PhysicianEnrolled(Physician.Id, Practice.Code, Physician.Name, Physician.Npi.Value, Physician.Taxonomy.Value, Physician.Specialty.Value));
            ledger.Append(Practice.Code, SlaContractSigned.Of(Contract, Practice.Code, Vendor.Code));
            foreach (var coder in new[] { Jdoe, Asmith, Lead })
            {
                ledger.Append(coder.UserName, CoderEnrolled.Of(coder, Vendor.Code));
            }

            return Task.CompletedTask;
        });
    }

    public static EncounterSubmission Visit(string externalId, DateTimeOffset documented, string note = "Type 2 diabetes without complications; metformin continued.", string npi = Npi) =>
        new($"test {externalId}", externalId, Core.Codes.Npi.Parse(npi),
            new PatientDemographics("Garcia", "Luis", new DateOnly(1958, 7, 4), PatientSex.Male, "MBR99887766"),
            DateOnly.FromDateTime(documented.UtcDateTime), PlaceOfService.Office, note, documented);

    public static CodingSubmission Coding(params int[] pointers) =>
        new([IcdCode.Parse("E11.9"), IcdCode.Parse("I10")],
            [new ServiceLine(ProcedureCode.Parse("99213"), [], 1, Money.Parse("120.00"), pointers.Length == 0 ? [1, 2] : pointers)]);
}
