using CodeLedger.Core.Agreements;
using CodeLedger.Core.Coders;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Coding;
using CodeLedger.Core.Contracts;
using CodeLedger.Core.Encounters;
using CodeLedger.Core.Organizations;
using CodeLedger.Core.Physicians;

namespace CodeLedger.Storage.Tests;

/// <summary>One of every entity, linked the way a real practice and vendor are.</summary>
internal sealed class SampleData
{
    public Organization Practice { get; } = new(Guid.NewGuid(), "FM-NORTH", "Northside Family Medicine", OrganizationKind.Practice);

    public Organization Vendor { get; } = new(Guid.NewGuid(), "ACME-CODING", "Acme Coding Partners", OrganizationKind.CodingVendor);

    public Organization Auditor { get; } = new(Guid.NewGuid(), "TRUE-AUDIT", "True Audit LLP", OrganizationKind.AuditFirm);

    public BusinessAssociateAgreement Baa { get; }

    public Physician Physician { get; }

    public Coder Coder { get; }

    public Encounter Encounter { get; }

    public CodingResult Coding { get; }

    public SlaContract Contract { get; }

    public SampleData()
    {
        Baa = new BusinessAssociateAgreement(Guid.NewGuid(), Practice.Id, Vendor.Id, "Dr. Ana Ruiz, Managing Partner", "Sam Lee, CEO",
            new DateOnly(2025, 12, 15), new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31), new string('a', 64));
        Physician = new Physician(Guid.NewGuid(), Practice.Id, "Dr. Maya Chen", Npi.Parse("1234567893"), TaxonomyCode.Parse("207Q00000X"), Specialty.Parse("family-medicine"));
        Coder = new Coder(Guid.NewGuid(), Vendor.Id, "jdoe", "Jane Doe",
            [new Credential(CredentialKind.Cpc, "CPC-01234567", new DateOnly(2020, 5, 1), new DateOnly(2027, 4, 30)),
             new Credential(CredentialKind.Cemc, "CEMC-0042", new DateOnly(2023, 1, 10), new DateOnly(2026, 12, 31))],
            [Specialty.Parse("family-medicine"), Specialty.Parse("internal-medicine")],
            [new Absence(new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 13), "annual leave")]);
        Encounter = new Encounter(Guid.NewGuid(), Practice.Id, Physician.Id, "EHR-000123",
            new PatientDemographics("Garcia", "Luis", new DateOnly(1958, 7, 4), PatientSex.Male, "MBR99887766"),
            new DateOnly(2026, 3, 2), PlaceOfService.Office, Specialty.Parse("family-medicine"),
            "Follow-up of type 2 diabetes without complications; A1c reviewed; metformin continued.",
            new DateTimeOffset(2026, 3, 2, 17, 31, 12, 345, TimeSpan.Zero).AddTicks(6789),
            new DateTimeOffset(2026, 3, 2, 17, 35, 0, TimeSpan.Zero));
        Coding = new CodingResult(Guid.NewGuid(), Encounter.Id, 1, Coder.Id, new DateTimeOffset(2026, 3, 3, 9, 15, 0, TimeSpan.Zero),
            [IcdCode.Parse("E11.9"), IcdCode.Parse("I10")],
            [new ServiceLine(ProcedureCode.Parse("99214"), [Modifier.Parse("25")], 1, Money.Parse("185.00"), [1, 2]),
             new ServiceLine(ProcedureCode.Parse("83036"), [], 1, Money.Parse("42.50"), [1])]);
        Contract = new SlaContract(Guid.NewGuid(), Practice.Id, Vendor.Id, new DateOnly(2026, 1, 1), 48, TurnaroundClockKind.BusinessHours,
            "America/Chicago", WorkingHours.MondayToFriday(new TimeOnly(8, 0), new TimeOnly(17, 0)),
            [new DateOnly(2026, 1, 1), new DateOnly(2026, 5, 25), new DateOnly(2026, 7, 3)],
            95m, 72, openQueryPausesClock: true, correctedDocumentationRestartsClock: false,
            new ServiceCreditSchedule(95m, 2m, 20m), Money.Parse("12500.00"), 3);
    }
}
