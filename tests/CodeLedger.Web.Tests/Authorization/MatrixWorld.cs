using CodeLedger.Core.Agreements;
using CodeLedger.Core.Coders;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Contracts;
using CodeLedger.Core.Encounters;
using CodeLedger.Core.Intake;
using CodeLedger.Core.Ledger.Events;
using CodeLedger.Core.Organizations;
using CodeLedger.Core.Physicians;
using CodeLedger.Core.Queries;
using CodeLedger.Core.Workflow;
using CodeLedger.Storage;
using CodeLedger.Storage.Workflow;

namespace CodeLedger.Web.Tests.Authorization;

/// <summary>
/// One side of the matrix's world: a vendor, the practice bound to it by a BAA and an SLA contract,
/// the practice's physician, the vendor's coder, its encounters (one unless asked for more) and one open query on each.
/// </summary>
public sealed record MatrixTenant(string Name, Organization Vendor, Organization Practice, Physician Physician, Coder Coder, IReadOnlyList<string> EncounterIds, IReadOnlyList<Guid> QueryIds)
{
    public string EncounterId => EncounterIds[0];

    public Guid QueryId => QueryIds[0];

    /// <summary>The tenant's audit engagement (<see cref="MatrixAudit"/>): an internal audit of its practice sampling its encounters.</summary>
    public Guid AuditId { get; init; }
}

/// <summary>
/// The world the authorization matrix runs in: two tenants that share nothing (two vendors, each
/// with its own practice, and an audit of it), written through the same store and desks as production, so every row
/// has its ledger event. A request made as a user of <see cref="A"/> about a record of <see cref="B"/>
/// is the cross-tenant case.
/// </summary>
public sealed class MatrixWorld
{
    private MatrixWorld(MatrixTenant a, MatrixTenant b)
    {
        A = a;
        B = b;
    }

    public MatrixTenant A { get; }

    public MatrixTenant B { get; }

    public MatrixTenant Other(MatrixTenant tenant) => tenant == A ? B : A;

    public static async Task<MatrixWorld> CreateAsync(string database, CancellationToken ct)
    {
        var store = await CodeLedgerStore.OpenAsync(database, TimeProvider.System, ct);
        var a = await TenantAsync(store, "A", "1234567893", ct);
        var b = await TenantAsync(store, "B", "1987654328", ct);
        a = a with { AuditId = await MatrixAudit.CreateAsync(store, a, ct) };
        b = b with { AuditId = await MatrixAudit.CreateAsync(store, b, ct) };
        return new MatrixWorld(a, b);
    }

    /// <summary>Writes one tenant with <paramref name="encounters"/> encounters, each with an open query raised now (due after the contract's 72-hour window).</summary>
    public static async Task<MatrixTenant> TenantAsync(CodeLedgerStore store, string name, string npi, CancellationToken ct, int encounters = 1)
    {
        var vendor = new Organization(Guid.NewGuid(), "VENDOR-" + name, "Vendor " + name, OrganizationKind.CodingVendor);
        var practice = new Organization(Guid.NewGuid(), "PRACTICE-" + name, "Practice " + name, OrganizationKind.Practice);
        var baa = new BusinessAssociateAgreement(Guid.NewGuid(), practice.Id, vendor.Id, "Practice signatory", "Vendor signatory",
            new DateOnly(2020, 1, 1), new DateOnly(2020, 1, 1), new DateOnly(2099, 12, 31), new string('b', 64));
        var physician = new Physician(Guid.NewGuid(), practice.Id, "Physician " + name, Npi.Parse(npi), TaxonomyCode.Parse("207Q00000X"), Specialty.Parse("family-medicine"));
        var contract = new SlaContract(Guid.NewGuid(), practice.Id, vendor.Id, new DateOnly(2020, 1, 1), 48, TurnaroundClockKind.BusinessHours,
            "America/Chicago", WorkingHours.MondayToFriday(new TimeOnly(8, 0), new TimeOnly(17, 0)), [],
            95m, 72, openQueryPausesClock: true, false, new ServiceCreditSchedule(95m, 2m, 20m), Money.Parse("12500.00"), 3);
        var coder = new Coder(Guid.NewGuid(), vendor.Id, "coder-" + name.ToLowerInvariant(), "Coder " + name,
            [new Credential(CredentialKind.Cpc, "CPC-" + name, new DateOnly(2020, 1, 1), new DateOnly(2099, 1, 1))], [Specialty.Parse("family-medicine")], null, false);
        await store.WriteAsync("matrix-setup", (db, ledger) =>
        {
            db.AddRange(vendor, practice, baa, physician, contract, coder);
            foreach (var organization in new[] { vendor, practice })
            {
                ledger.Append(organization.Code, new OrganizationRegistered(organization.Id, organization.Name, organization.Kind));
            }

            ledger.Append(practice.Code, new BaaSigned(baa.Id, practice.Code, vendor.Code, baa.PracticeSignatory, baa.VendorSignatory, baa.SignedOn, baa.EffectiveOn, baa.ExpiresOn, baa.DocumentSha256));
            ledger.Append(physician.Npi.Value, new PhysicianEnrolled(physician.Id, practice.Code, physician.Name, physician.Npi.Value, physician.Taxonomy.Value, physician.Specialty.Value));
            ledger.Append(practice.Code, SlaContractSigned.Of(contract, practice.Code, vendor.Code));
            ledger.Append(coder.UserName, CoderEnrolled.Of(coder, vendor.Code));
            return Task.CompletedTask;
        }, ct);

        var ids = Enumerable.Range(1, encounters).Select(i => $"ENC-{name}-{i}").ToList();
        var documented = store.Time.GetUtcNow().AddHours(-1);
        await new EncounterIntake(store).ImportAsync(practice.Code, vendor.Code, () => ids.Select(id =>
            new EncounterSubmission($"matrix {id}", id, physician.Npi,
                new PatientDemographics("Quillfeather", "Ada", new DateOnly(1960, 1, 1), PatientSex.Female, "MBR-" + id),
                DateOnly.FromDateTime(documented.UtcDateTime), PlaceOfService.Office, "Knee pain after a fall; side not documented.", documented)),
            "matrix-setup", ct: ct);
        var queries = new List<Guid>();
        foreach (var id in ids)
        {
            queries.Add((await new QueryDesk(store).RaiseAsync(id, coder.UserName, QueryCategory.Laterality, "Which knee was examined?", [], ct)).Id);
        }

        return new MatrixTenant(name, vendor, practice, physician, coder, ids, queries);
    }
}
