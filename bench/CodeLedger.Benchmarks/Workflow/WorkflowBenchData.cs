using System.Globalization;
using System.Text;
using CodeLedger.Core.Agreements;
using CodeLedger.Core.Assignment;
using CodeLedger.Core.Coders;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;
using CodeLedger.Core.Contracts;
using CodeLedger.Core.Encounters;
using CodeLedger.Core.Organizations;
using CodeLedger.Core.Physicians;
using CodeLedger.Core.Queries;
using CodeLedger.Core.Workflow;
using CodeLedger.Storage.Mapping;
using CodeLedger.Storage;
using CodeLedger.Core.Ledger.Events;

namespace CodeLedger.Benchmarks.Workflow;

/// <summary>
/// Large, deterministic workflow data for the benchmarks: a practice with twenty physicians, a
/// vendor with ten coders, a BAA and a business-hours contract; FHIR NDJSON files of any size; and
/// a month of finalized work (5% with an answered query) seeded straight into the tables.
/// </summary>
internal sealed class WorkflowBenchData
{
    public static readonly DateTimeOffset Month = new(2026, 3, 1, 6, 0, 0, TimeSpan.Zero);

    private const string BundleTemplate = """
        {"resourceType":"Bundle","type":"collection","entry":[{"fullUrl":"urn:uuid:p","resource":{"resourceType":"Patient","identifier":[{"value":"M@MEMBER@"}],"name":[{"family":"Family@FAMILY@","given":["Given@GIVEN@"]}],"gender":"@GENDER@","birthDate":"@BIRTH@"}},{"fullUrl":"urn:uuid:dr","resource":{"resourceType":"Practitioner","identifier":[{"system":"http://hl7.org/fhir/sid/us-npi","value":"@NPI@"}]}},{"fullUrl":"urn:uuid:e","resource":{"resourceType":"Encounter","identifier":[{"value":"B-@EXT@"}],"status":"finished","class":{"code":"AMB"},"type":[{"text":"office visit"}],"subject":{"reference":"urn:uuid:p"},"participant":[{"individual":{"reference":"urn:uuid:dr"}}],"period":{"start":"@DOS@"}}},{"fullUrl":"urn:uuid:d","resource":{"resourceType":"DocumentReference","status":"current","date":"@SIGNED@","content":[{"attachment":{"contentType":"text/plain","data":"@NOTE@"}}],"context":{"encounter":[{"reference":"urn:uuid:e"}]}}}]}
        """;

    private readonly Random _random = new(20260301);

    public WorkflowBenchData()
    {
        Baa = new BusinessAssociateAgreement(_random.NextGuid(), Practice.Id, Vendor.Id, "Dr. A", "CEO B", new DateOnly(2025, 12, 1), new DateOnly(2026, 1, 1), null, new string('d', 64));
        Contract = new SlaContract(_random.NextGuid(), Practice.Id, Vendor.Id, new DateOnly(2026, 1, 1), 48, TurnaroundClockKind.BusinessHours, "America/Chicago",
            WorkingHours.MondayToFriday(new TimeOnly(8, 0), new TimeOnly(17, 0)), [new DateOnly(2026, 5, 25)], 95m, 72, true, false,
            new ServiceCreditSchedule(95m, 2m, 20m), Money.Parse("25000.00"), 3);
        Physicians = [.. Enumerable.Range(0, 20).Select(i => new Physician(_random.NextGuid(), Practice.Id, $"Dr. Bench {i}", _random.NextNpi(), TaxonomyCode.Parse("207Q00000X"), Specialty.Parse("family-medicine")))];
        Coders = [.. Enumerable.Range(0, 10).Select(i => new Coder(_random.NextGuid(), Vendor.Id, $"coder{i:D2}", $"Coder {i}",
            [new Credential(CredentialKind.Cpc, $"CPC-{i}", new DateOnly(2020, 1, 1), new DateOnly(2030, 1, 1))], [Specialty.Parse("family-medicine")]))];
    }

    public Organization Practice { get; } = new(new Guid("6a0c7f9e-0000-4000-8000-000000000001"), "BENCH-FM", "Bench Family Medicine", OrganizationKind.Practice);

    public Organization Vendor { get; } = new(new Guid("6a0c7f9e-0000-4000-8000-000000000002"), "BENCH-VENDOR", "Bench Coding", OrganizationKind.CodingVendor);

    public BusinessAssociateAgreement Baa { get; }

    public SlaContract Contract { get; }

    public List<Physician> Physicians { get; }

    public List<Coder> Coders { get; }

    public Task SaveWorldAsync(CodeLedgerStore store) =>
        store.WriteAsync("bench", (db, ledger) =>
        {
            db.AddRange(Practice, Vendor, Baa, Contract);
            db.AddRange(Physicians);
            db.AddRange(Coders);
            ledger.Append(Practice.Code, new OrganizationRegistered(Practice.Id, Practice.Name, Practice.Kind));
            return Task.CompletedTask;
        });

    /// <summary>Writes <paramref name="count"/> encounters as FHIR NDJSON, one Bundle per line.</summary>
    public void WriteNdjson(string path, int count)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        for (var i = 0; i < count; i++)
        {
            var dos = Month.AddMinutes(i % 40_000);
            var signed = dos.AddMinutes(30 + (i % 300));
            var note = Convert.ToBase64String(Encoding.UTF8.GetBytes(
                $"ESTABLISHED PATIENT OFFICE VISIT (family-medicine).\nHPI: follow-up of essential hypertension, visit {i}.\nAssessment and plan:\n1. Essential hypertension: Blood pressure 138/86, at goal on current regimen. Continue lisinopril 20 mg daily.\nTotal time on the date of the encounter: 25 minutes.\nElectronically signed."));
            var npi = Physicians[i % Physicians.Count].Npi.Value;
            var inv = CultureInfo.InvariantCulture;
            writer.Write(BundleTemplate
                .Replace("@MEMBER@", i.ToString("D9", inv), StringComparison.Ordinal)
                .Replace("@FAMILY@", (i % 997).ToString(inv), StringComparison.Ordinal)
                .Replace("@GIVEN@", (i % 409).ToString(inv), StringComparison.Ordinal)
                .Replace("@GENDER@", i % 2 == 0 ? "female" : "male", StringComparison.Ordinal)
                .Replace("@BIRTH@", string.Create(inv, $"{1940 + (i % 60)}-0{1 + (i % 9)}-1{i % 10}"), StringComparison.Ordinal)
                .Replace("@NPI@", npi, StringComparison.Ordinal)
                .Replace("@EXT@", i.ToString("D7", inv), StringComparison.Ordinal)
                .Replace("@DOS@", dos.ToString("yyyy-MM-ddTHH:mm:ssZ", inv), StringComparison.Ordinal)
                .Replace("@SIGNED@", signed.ToString("yyyy-MM-ddTHH:mm:ssZ", inv), StringComparison.Ordinal)
                .Replace("@NOTE@", note, StringComparison.Ordinal));
            writer.Write('\n');
        }
    }

    /// <summary>
    /// Seeds <paramref name="count"/> encounters finalized during the month with the storage bulk
    /// inserter (no ledger: this is a read benchmark), 10,000 per transaction, 5% with an answered query.
    /// Through tracked EF entities, seeding a million took longer than the benchmark itself.
    /// </summary>
    public async Task SeedFinalizedMonthAsync(CodeLedgerStore store, int count)
    {
        var patient = new PatientDemographics("Bench", "Patient", new DateOnly(1960, 1, 1), PatientSex.Female, "M0");
        const int Chunk = 10_000;
        for (var start = 0; start < count; start += Chunk)
        {
            await using var db = store.CreateContext();
            await using var tx = await db.Database.BeginTransactionAsync();
            var encounters = new List<Encounter>(Chunk);
            var workItems = new List<WorkItem>(Chunk);
            var queries = new List<DocumentationQuery>(Chunk / 20);
            for (var i = start; i < Math.Min(count, start + Chunk); i++)
            {
                var physician = Physicians[i % Physicians.Count];
                var coder = Coders[i % Coders.Count];
                var documented = Month.AddSeconds(i * 2.2);
                var encounter = new Encounter(_random.NextGuid(), Practice.Id, physician.Id, string.Create(CultureInfo.InvariantCulture, $"S-{i:D7}"), patient,
                    DateOnly.FromDateTime(documented.UtcDateTime), PlaceOfService.Office, physician.Specialty, "note", documented, documented.AddMinutes(5));
                var work = new WorkItem(encounter, Vendor.Id, new CoderAssignment(coder.Id, coder.UserName, AssignmentBasis.Primary), encounter.ReceivedAt);
                var finalizedAt = encounter.ClockStart.AddHours(1 + (_random.NextDouble() * _random.NextDouble() * 120));
                encounters.Add(encounter);
                workItems.Add(work);
                if (i % 20 == 0)
                {
                    var query = new DocumentationQuery(_random.NextGuid(), encounter.Id, physician.Id, coder.Id, QueryCategory.DiagnosisSpecificity, "Please clarify the diagnosis.", [], encounter.ClockStart.AddMinutes(30), 72);
                    query.Respond("Clarified in an addendum.", encounter.ClockStart.AddMinutes(30 + _random.Next(10, 600)));
                    queries.Add(query);
                    finalizedAt = finalizedAt > query.ClosedAt!.Value ? finalizedAt : query.ClosedAt!.Value.AddMinutes(15);
                }

                work.Finalize(finalizedAt, 1, false, null, null);
            }

            await BulkInsert.InsertAsync(db, encounters, default);
            await BulkInsert.InsertAsync(db, workItems, default);
            await BulkInsert.InsertAsync(db, queries, default);
            await tx.CommitAsync();
        }
    }

}
