using System.Text;
using CodeLedger.Core.Agreements;
using CodeLedger.Core.Coders;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Contracts;
using CodeLedger.Core.Organizations;
using CodeLedger.Core.Physicians;
using CodeLedger.Storage;
using Microsoft.Extensions.Time.Testing;
using CodeLedger.Core.Ledger.Events;

namespace CodeLedger.Cli.Tests.Workflow;

/// <summary>
/// A temporary SQLite database holding a practice with a BAA and contract (open-ended, so the
/// commands' fixed clock is inside them), a practice without a BAA, a family physician and a coder;
/// plus the files the commands read. Commands run in-process against it.
/// </summary>
internal sealed class CliWorld : IDisposable
{
    public const string Npi = "1234567893";

    private CliWorld(string folder) => Folder = folder;

    public string Folder { get; }

    public string Db => Path.Combine(Folder, "cli.db");

    /// <summary>The clock the commands read; tests move it forward to let a query fall due.</summary>
    public FakeTimeProvider Clock { get; } = TestClock.Create();

    public static async Task<CliWorld> CreateAsync()
    {
        var world = new CliWorld(Directory.CreateTempSubdirectory("codeledger-cli-").FullName);
        await SeedAsync(await CodeLedgerStore.OpenAsync(world.Db, world.Clock));
        return world;
    }

    /// <summary>Writes the practices, vendor, agreement, contract, physicians and coder into <paramref name="store"/>.</summary>
    public static async Task SeedAsync(CodeLedgerStore store)
    {
        var practice = new Organization(Guid.NewGuid(), "FM-NORTH", "Northside Family Medicine", OrganizationKind.Practice);
        var unbound = new Organization(Guid.NewGuid(), "NO-BAA", "Practice Without Agreement", OrganizationKind.Practice);
        var vendor = new Organization(Guid.NewGuid(), "ACME", "Acme Coding Partners", OrganizationKind.CodingVendor);
        await store.WriteAsync("setup", (db, ledger) =>
        {
            db.AddRange(practice, unbound, vendor);
            db.Add(new BusinessAssociateAgreement(Guid.NewGuid(), practice.Id, vendor.Id, "Dr. Ana Ruiz", "Sam Lee", new DateOnly(2019, 12, 1), new DateOnly(2020, 1, 1), null, new string('c', 64)));
            db.Add(new Physician(Guid.NewGuid(), practice.Id, "Dr. Maya Chen", Core.Codes.Npi.Parse(Npi), TaxonomyCode.Parse("207Q00000X"), Specialty.Parse("family-medicine")));
            db.Add(new Physician(Guid.NewGuid(), unbound.Id, "Dr. Omar Haddad", Core.Codes.Npi.Parse("1245319599"), TaxonomyCode.Parse("207Q00000X"), Specialty.Parse("family-medicine")));
            db.Add(new SlaContract(Guid.NewGuid(), practice.Id, vendor.Id, new DateOnly(2020, 1, 1), 48, TurnaroundClockKind.BusinessHours, "America/Chicago",
                WorkingHours.MondayToFriday(new TimeOnly(8, 0), new TimeOnly(17, 0)), [], 95m, 72, true, false, new ServiceCreditSchedule(95m, 2m, 20m), Money.Parse("9000.00"), 3));
            db.Add(new Coder(Guid.NewGuid(), vendor.Id, "jdoe", "Jane Doe", [new Credential(CredentialKind.Cpc, "CPC-1", new DateOnly(2020, 1, 1), new DateOnly(2099, 1, 1))], [Specialty.Parse("family-medicine")]));
            ledger.Append(practice.Code, new OrganizationRegistered(practice.Id, practice.Name, practice.Kind));
            return Task.CompletedTask;
        });
        await UsersAsync(store);
    }

    /// <summary>The physician of the other practice (no BAA).</summary>
    public const string OtherNpi = "1245319599";

    /// <summary>
    /// The accounts the commands' <c>--as</c> names: the coder jdoe, the practice's admin mallory
    /// (a real user who is no coder), the practice's physician dr-chen and the other practice's dr-haddad.
    /// </summary>
    public static async Task UsersAsync(CodeLedgerStore store)
    {
        var desk = new Storage.Accounts.AccountDesk(store);
        await desk.ApplyAsync("setup", new("jdoe", "Jane Doe", null, "ACME", "coder"));
        await desk.ApplyAsync("setup", new("mallory", "Mallory Admin", null, "FM-NORTH", "practice-admin"));
        await desk.ApplyAsync("setup", new("dr-chen", "Dr. Maya Chen", null, "FM-NORTH", "physician", PhysicianNpi: Npi));
        await desk.ApplyAsync("setup", new("dr-haddad", "Dr. Omar Haddad", null, "NO-BAA", "physician", PhysicianNpi: OtherNpi));
    }

    public string Write(string name, string content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    public (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CodeLedgerCommand.Run([.. args, "--db", Db], stdout, stderr, Clock);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    /// <summary>A FHIR R4 bundle for one office visit signed an hour ago, with an optional field left out.</summary>
    public static string Bundle(string externalId, string? omitDocumentDate = null)
    {
        var signed = TestClock.Now.AddHours(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var dos = TestClock.Now.AddHours(-2).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var note = Convert.ToBase64String(Encoding.UTF8.GetBytes("Assessment: type 2 diabetes mellitus without complications. Plan: continue metformin."));
        var date = omitDocumentDate is null ? $"\"date\": \"{signed}\"," : string.Empty;
        return """
        {"resourceType": "Bundle", "type": "collection", "entry": [
          {"fullUrl": "urn:uuid:p", "resource": {"resourceType": "Patient", "identifier": [{"value": "MBR-SECRET-77"}], "name": [{"family": "Quintanilla", "given": ["Rosa"]}], "gender": "female", "birthDate": "1961-02-03"}},
          {"fullUrl": "urn:uuid:dr", "resource": {"resourceType": "Practitioner", "identifier": [{"system": "http://hl7.org/fhir/sid/us-npi", "value": "@NPI@"}]}},
          {"fullUrl": "urn:uuid:e", "resource": {"resourceType": "Encounter", "identifier": [{"value": "@EXTERNALID@"}], "status": "finished",
            "class": {"code": "AMB"}, "type": [{"text": "office visit"}], "subject": {"reference": "urn:uuid:p"},
            "participant": [{"individual": {"reference": "urn:uuid:dr"}}], "period": {"start": "@DOS@"}}},
          {"fullUrl": "urn:uuid:d", "resource": {"resourceType": "DocumentReference", "status": "current", @DATE@
            "content": [{"attachment": {"contentType": "text/plain", "data": "@NOTE@"}}], "context": {"encounter": [{"reference": "urn:uuid:e"}]}}}
        ]}
        """
            .Replace("@NPI@", Npi, StringComparison.Ordinal).Replace("@EXTERNALID@", externalId, StringComparison.Ordinal)
            .Replace("@DOS@", dos, StringComparison.Ordinal).Replace("@DATE@", date, StringComparison.Ordinal).Replace("@NOTE@", note, StringComparison.Ordinal);
    }
}
