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
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Load;

/// <summary>
/// The load's world, written through the store and desks as production writes it (every row with
/// its ledger event): one vendor with five coders, two practices bound to it (BAA, SLA contract with
/// a 72-hour query window), the physicians split between them, and for each physician
/// <c>queries</c> encounters with one open query each, for the clients to list and answer.
/// </summary>
internal static class LoadWorld
{
    public static async Task<IReadOnlyList<string>> WriteAsync(string database, int physicians, int queries, TextWriter progress, CancellationToken ct)
    {
        var store = await CodeLedgerStore.OpenAsync(database, TimeProvider.System, ct);
        await store.MigrateAsync(ct);
        var vendor = new Organization(Guid.NewGuid(), "LOAD-VENDOR", "Load Vendor", OrganizationKind.CodingVendor);
        var practices = new[] { "LOAD-P1", "LOAD-P2" }.Select(code => new Organization(Guid.NewGuid(), code, "Load practice " + code, OrganizationKind.Practice)).ToList();
        var coders = Enumerable.Range(1, 5).Select(i => new Coder(Guid.NewGuid(), vendor.Id, $"load-coder-{i}", $"Load Coder {i}",
            [new Credential(CredentialKind.Cpc, $"CPC-LOAD-{i}", new DateOnly(2020, 1, 1), new DateOnly(2099, 1, 1))], [Specialty.Parse("family-medicine")], null, false)).ToList();
        var doctors = Enumerable.Range(0, physicians).Select(i => new Physician(Guid.NewGuid(), practices[i % 2].Id, $"Load Physician {i}",
            Npi.Parse(NpiFor(i)), TaxonomyCode.Parse("207Q00000X"), Specialty.Parse("family-medicine"))).ToList();
        await store.WriteAsync("load-setup", (db, ledger) =>
        {
            db.Add(vendor);
            ledger.Append(vendor.Code, new OrganizationRegistered(vendor.Id, vendor.Name, vendor.Kind));
            foreach (var practice in practices)
            {
                var baa = new BusinessAssociateAgreement(Guid.NewGuid(), practice.Id, vendor.Id, "Practice signatory", "Vendor signatory",
                    new DateOnly(2020, 1, 1), new DateOnly(2020, 1, 1), new DateOnly(2099, 12, 31), new string('b', 64));
                var contract = new SlaContract(Guid.NewGuid(), practice.Id, vendor.Id, new DateOnly(2020, 1, 1), 48, TurnaroundClockKind.BusinessHours,
                    "America/Chicago", WorkingHours.MondayToFriday(new TimeOnly(8, 0), new TimeOnly(17, 0)), [],
                    95m, 72, true, false, new ServiceCreditSchedule(95m, 2m, 20m), Money.Parse("12500.00"), 3);
                db.AddRange(practice, baa, contract);
                ledger.Append(practice.Code, new OrganizationRegistered(practice.Id, practice.Name, practice.Kind));
                ledger.Append(practice.Code, new BaaSigned(baa.Id, practice.Code, vendor.Code, baa.PracticeSignatory, baa.VendorSignatory, baa.SignedOn, baa.EffectiveOn, baa.ExpiresOn, baa.DocumentSha256));
                ledger.Append(practice.Code, SlaContractSigned.Of(contract, practice.Code, vendor.Code));
            }

            foreach (var physician in doctors)
            {
                db.Add(physician);
                ledger.Append(physician.Npi.Value, new PhysicianEnrolled(physician.Id, practices.Single(p => p.Id == physician.PracticeId).Code,
                    physician.Name, physician.Npi.Value, physician.Taxonomy.Value, physician.Specialty.Value));
            }

            foreach (var coder in coders)
            {
                db.Add(coder);
                ledger.Append(coder.UserName, CoderEnrolled.Of(coder, vendor.Code));
            }

            return Task.CompletedTask;
        }, ct);

        var documented = store.Time.GetUtcNow().AddHours(-1);
        foreach (var practice in practices)
        {
            var visits = doctors.Where(d => d.PracticeId == practice.Id)
                .SelectMany(d => Enumerable.Range(1, queries).Select(q => new EncounterSubmission($"load {d.Npi.Value}-{q}", $"L-{d.Npi.Value}-{q}", d.Npi,
                    new PatientDemographics("Loadpatient", "Ada", new DateOnly(1960, 1, 1), PatientSex.Female, $"MBR-{d.Npi.Value}-{q}"),
                    DateOnly.FromDateTime(documented.UtcDateTime), PlaceOfService.Office, "Knee pain after a fall; side not documented.", documented)))
                .ToList();
            await new EncounterIntake(store).ImportAsync(practice.Code, vendor.Code, () => visits, "load-setup", ct: ct);
            await progress.WriteLineAsync($"{practice.Code}: {visits.Count} encounters imported");
        }

        List<(string ExternalId, string Coder)> assigned;
        await using (var db = store.CreateContext())
        {
            assigned = (await (from w in db.Set<WorkItem>()
                               join e in db.Encounters on w.EncounterId equals e.Id
                               join c in db.Coders on w.CoderId equals c.Id
                               select new { e.ExternalId, c.UserName }).ToListAsync(ct))
                .Select(r => (r.ExternalId, r.UserName)).Order().ToList();
        }

        var desk = new QueryDesk(store);
        var raised = 0;
        foreach (var (externalId, coder) in assigned)
        {
            await desk.RaiseAsync(externalId, coder, QueryCategory.Laterality, "Which knee was examined?", [], ct);
            if (++raised % 1000 == 0)
            {
                await progress.WriteLineAsync($"{raised} queries raised");
            }
        }

        return [.. doctors.Select(d => d.Npi.Value)];
    }

    /// <summary>The i-th NPI of the load: nine digits from 1 500 000 000 up and the Luhn check digit over the 80840 prefix (CMS NPI standard).</summary>
    private static string NpiFor(int i)
    {
        var body = (150000000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (var check = 0; check <= 9; check++)
        {
            var candidate = body + check;
            if (Npi.TryParse(candidate, out _, out _))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("no check digit fits");
    }
}
