using CodeLedger.Core.Billing;
using CodeLedger.Storage;
using CodeLedger.Storage.Billing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Cli.Tests.Billing;

/// <summary>
/// What the setup and intake paths (helper billsetup) will fill, inserted directly for the claims
/// tests: each demo practice's billing profile and payers, and a coverage for its encounters, with
/// realistic values (real payer ids, a clearinghouse and a Medicare contractor as trading partners).
/// The encounter whose external id is <paramref name="uncovered"/> gets no coverage.
/// </summary>
internal static class BillingWorld
{
    public static readonly TradingPartner Clearinghouse = new("ZZ", "CLEARHOUSE01", "CLEARHOUSE01");
    public static readonly TradingPartner Medicare = new("ZZ", "NGSMEDICARE", "06102");

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

    private static async Task SeedAsync(string db, string? uncovered)
    {
        var store = await CodeLedgerStore.OpenAsync(db, TimeProvider.System);
        await store.WriteAsync("test-seed", async (ctx, _) =>
        {
            var practices = await ctx.Organizations.Where(o => o.Code == "NORTHSIDE-FM" || o.Code == "HEARTWELL-CARDIO").ToListAsync();
            foreach (var p in practices)
            {
                var north = p.Code == "NORTHSIDE-FM";
                ctx.Add(new BillingProfileRow
                {
                    PracticeId = p.Id, Npi = north ? "1245319599" : "1679576722", Ein = north ? "36-4178915" : "36-5529873",
                    AddressLine1 = north ? "4410 N Lincoln Ave" : "900 W Heart Way", City = "Chicago", State = "IL", PostalCode = north ? "606251234" : "606074321",
                    SubmitterEtin = north ? "NORTHETIN01" : "HEARTETIN01", SubmitterName = p.Name, ContactName = "Billing Office", ContactPhone = "312-555-0142",
                });
                ctx.Add(new PayerRow
                {
                    Id = Guid.NewGuid(), PracticeId = p.Id, Code = "AETNA", Name = "Aetna", PayerId = "60054", ClaimFilingIndicator = "CI",
                    InterchangeQualifier = Clearinghouse.InterchangeQualifier, InterchangeId = Clearinghouse.InterchangeId, GroupReceiverCode = Clearinghouse.GroupReceiverCode,
                });
                ctx.Add(new PayerRow
                {
                    Id = Guid.NewGuid(), PracticeId = p.Id, Code = "MCR-IL", Name = "Medicare Part B Illinois", PayerId = "06102", ClaimFilingIndicator = "MB",
                    InterchangeQualifier = Medicare.InterchangeQualifier, InterchangeId = Medicare.InterchangeId, GroupReceiverCode = Medicare.GroupReceiverCode,
                });
                var encounters = await ctx.Encounters.Where(e => e.PracticeId == p.Id).ToListAsync();
                foreach (var (e, i) in encounters.OrderBy(e => e.ExternalId, StringComparer.Ordinal).Select((e, i) => (e, i)))
                {
                    if (e.ExternalId == uncovered)
                    {
                        continue;
                    }

                    ctx.Add(new EncounterCoverageRow
                    {
                        EncounterId = e.Id, Version = 1, PayerCode = i % 3 == 0 ? "MCR-IL" : "AETNA", RecordedAt = e.ReceivedAt,
                        Policy = new ClaimCoverage(i % 3 == 0 ? "MCR-IL" : "AETNA", e.Patient.MemberId, SubscriberRelationship.Self, i % 3 == 0 ? null : "GRP0042"),
                        PatientAddress = new BillingAddress($"{100 + i} W Oak St", null, "Evanston", "IL", "60201"),
                    });
                }
            }
        });
        SqliteConnection.ClearAllPools();
    }
}
