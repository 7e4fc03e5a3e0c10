using System.Text.RegularExpressions;
using CodeLedger.Cli.Tests.Foundation;
using CodeLedger.Core.Billing;
using CodeLedger.Core.Intake;
using CodeLedger.Storage;
using CodeLedger.Storage.Workflow;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Cli.Tests.Billing;

/// <summary>
/// A demo database made ready to bill through the paths a practice takes, so `ledger verify` holds
/// every row: each practice's payers and billing profile by `setup apply` (the demo's own setup,
/// exported, with them added), and each encounter's coverage and address received again at intake
/// (demographics and documentation as stored, so nothing else changes). Real payer ids, a
/// clearinghouse and a Medicare contractor as trading partners; a third of the patients on Medicare.
/// The encounter whose external id is <c>uncovered</c> gets no coverage.
/// </summary>
internal static class BillingWorld
{
    public static readonly TradingPartner Clearinghouse = new("ZZ", "CLEARHOUSE01", "CLEARHOUSE01");
    public static readonly TradingPartner Medicare = new("ZZ", "NGSMEDICARE", "06102");

    private static string Billing(bool north) => $$"""
            payers:
              - code: AETNA
                name: Aetna
                payerId: "60054"
                claimFilingIndicator: CI
                receiver: {qualifier: ZZ, id: {{Clearinghouse.InterchangeId}}, groupCode: {{Clearinghouse.GroupReceiverCode}}}
              - code: MCR-IL
                name: Medicare Part B Illinois
                payerId: "06102"
                claimFilingIndicator: MB
                receiver: {qualifier: ZZ, id: {{Medicare.InterchangeId}}, groupCode: "{{Medicare.GroupReceiverCode}}"}
            billing:
              npi: "{{(north ? "1245319599" : "1679576722")}}"
              ein: "{{(north ? "364178915" : "365529873")}}"
              address: {line1: {{(north ? "4410 N Lincoln Ave" : "900 W Heart Way")}}, city: Chicago, state: IL, zip: "{{(north ? "606251234" : "606074321")}}"}
              submitter: {etin: {{(north ? "NORTHETIN01" : "HEARTETIN01")}}, name: {{(north ? "Northside Family Medicine" : "Heartwell Cardiology")}}, contactName: Billing Office, contactPhone: "3125550142"}

        """;

    public static void Seed(string db, string? uncovered = null) => SeedAsync(db, uncovered).GetAwaiter().GetResult();

    /// <summary>Every patient's family name, given name and member id, decrypted, for tests that look for PHI where none may be.</summary>
    public static IReadOnlyList<string> PatientPhi(string db)
    {
        var store = CodeLedgerStore.OpenAsync(db, TimeProvider.System).GetAwaiter().GetResult();
        using var ctx = store.CreateContext();
        var values = ctx.Encounters.AsNoTracking().AsEnumerable().SelectMany(e => new[] { e.Patient.FamilyName, e.Patient.GivenName, e.Patient.MemberId }).Distinct().ToList();
        SqliteConnection.ClearAllPools();
        return values;
    }

    /// <summary>The setup file <paramref name="exported"/> with <paramref name="billing"/> appended to the entry of practice <paramref name="code"/>.</summary>
    public static string WithBilling(string exported, string code, string billing)
    {
        var at = exported.IndexOf($"  - code: {code}\n", StringComparison.Ordinal);
        Assert.True(at >= 0, $"the setup has no practice {code}");

        // The entry ends at the next list item of the same depth or at the next top-level key.
        var next = Regex.Match(exported[(at + 1)..], @"\n(  - |[a-zA-Z])");
        var end = next.Success ? at + 1 + next.Index + 1 : exported.Length;
        return exported[..end] + billing + exported[end..];
    }

    private static async Task SeedAsync(string db, string? uncovered)
    {
        var setup = Path.Combine(Path.GetDirectoryName(db)!, "billing-setup.yaml");
        Check(CliRun.Of("setup", "export", "--out", setup, "--db", db));
        var text = File.ReadAllText(setup);
        text = WithBilling(WithBilling(text, "NORTHSIDE-FM", Billing(north: true)), "HEARTWELL-CARDIO", Billing(north: false));
        File.WriteAllText(setup, text);
        Check(CliRun.Of("setup", "apply", setup, "--db", db));
        await CoverAsync(db, "NORTHSIDE-FM", uncovered);
        await CoverAsync(db, "HEARTWELL-CARDIO", uncovered);
    }

    /// <summary>Each encounter of the practice received again at intake with a coverage and an address.</summary>
    public static async Task CoverAsync(string db, string practiceCode, string? uncovered = null, Func<int, string>? payerOf = null)
    {
        payerOf ??= i => i % 3 == 0 ? "MCR-IL" : "AETNA";
        var store = await CodeLedgerStore.OpenAsync(db, TimeProvider.System);
        List<EncounterSubmission> submissions;
        string vendor;
        using (var ctx = store.CreateContext())
        {
            var practice = await ctx.Organizations.SingleAsync(o => o.Code == practiceCode);
            vendor = (await ctx.Organizations.Where(o => o.Kind == Core.Organizations.OrganizationKind.CodingVendor).Select(o => o.Code).ToListAsync()).Order(StringComparer.Ordinal).First();
            var npis = await ctx.Physicians.Where(p => p.PracticeId == practice.Id).ToDictionaryAsync(p => p.Id, p => p.Npi);
            var latest = (await ctx.Set<DocumentationVersion>().AsNoTracking().ToListAsync())
                .GroupBy(v => v.EncounterId).ToDictionary(g => g.Key, g => g.MaxBy(v => v.Version)!);
            var encounters = await ctx.Encounters.AsNoTracking().Where(e => e.PracticeId == practice.Id).ToListAsync();
            submissions = [.. encounters.OrderBy(e => e.ExternalId, StringComparer.Ordinal).Select((e, i) => (e, i)).Where(p => p.e.ExternalId != uncovered).Select(p =>
            {
                var (e, i) = p;
                var (text, completed) = latest.TryGetValue(e.Id, out var v) ? (v.Text, v.CompletedAt) : (e.DocumentationText, e.DocumentationCompletedAt);
                var payer = payerOf(i);
                return new EncounterSubmission(e.ExternalId, e.ExternalId, npis[e.PhysicianId], e.Patient, e.DateOfService, e.PlaceOfService, text, completed,
                    new ClaimCoverage(payer, e.Patient.MemberId, SubscriberRelationship.Self, payer == "MCR-IL" || payer == "MEDICARE" ? null : "GRP0042"),
                    new BillingAddress($"{100 + i} W Oak St", null, "Evanston", "IL", "60201"));
            })];
        }

        await new EncounterIntake(store).ImportAsync(practiceCode, vendor, () => submissions, "intake-test");
        SqliteConnection.ClearAllPools();
    }

    private static void Check(CliRun run) => Assert.True(run.ExitCode == 0, run.ToString());
}
