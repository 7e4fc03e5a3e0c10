using CodeLedger.Core.Billing;
using CodeLedger.Core.Codes;
using CodeLedger.Storage;
using CodeLedger.Storage.Billing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Cli.Tests.Acknowledgments;

/// <summary>
/// Claims as <c>claims submit</c> leaves them (helper claims builds that command in parallel):
/// written straight into the claims table of a demo database, on the practice's real encounters,
/// submitted in an 837P whose envelope the test names.
/// </summary>
internal static class SentClaims
{
    /// <summary>One claim that went out: CLM01, and the 837P's ISA13, receiver (ISA08), GS06 and ST02.</summary>
    public sealed record Sent(string ClaimId, int Interchange, string Receiver, int Group, int Transaction);

    /// <summary>The one claim of LinuxForHealth's demo.837 (ISA13 907 to receiver 12345, GS06 1, ST02 0021), as if the practice had sent it.</summary>
    public static readonly Sent Demo837 = new("26463774", 907, "12345", 1, 21);

    public static async Task SeedAsync(string db, string practice, params Sent[] claims)
    {
        var store = await CodeLedgerStore.OpenAsync(db, TestClock.Create(), TestContext.Current.CancellationToken);
        await store.WriteAsync("seed", async (ctx, ledger) =>
        {
            var practiceId = await ctx.Organizations.Where(o => o.Code == practice).Select(o => o.Id).SingleAsync();
            var encounters = await ctx.Encounters.Where(e => e.PracticeId == practiceId).OrderBy(e => e.ExternalId).Select(e => new { e.Id, e.ExternalId }).Take(claims.Length).ToListAsync();
            var rows = new List<(ClaimRow, string)>();
            var submitted = new DateTimeOffset(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);
            foreach (var (claim, encounter) in claims.Zip(encounters))
            {
                var row = new ClaimRow
                {
                    Id = Guid.NewGuid(), PracticeId = practiceId, EncounterId = encounter.Id, ClaimId = claim.ClaimId, Submission = 1,
                    Frequency = ClaimFrequency.Original, Status = ClaimStatus.Submitted, PayerCode = "ACME", PayerId = "12345",
                    TotalCharge = Money.Parse("125.00"),
                    Lines = [new ClaimLineRow(1, "1", "99213", [], 1, [1], new DateOnly(2026, 10, 30), 125.00m, 125.00m)],
                    Findings = [], BuiltAt = submitted.AddHours(-1), BuiltBy = "pa-north", SubmittedAt = submitted,
                    InterchangeControlNumber = claim.Interchange, ReceiverId = claim.Receiver, GroupControlNumber = claim.Group,
                    TransactionControlNumber = claim.Transaction, FileName = $"837P-ACME-{claim.Interchange:D9}-{claim.Transaction}.x12",
                };
                ctx.Add(row);
                rows.Add((row, encounter.ExternalId));
            }

            // Ledgered as claims submit ledgers them, one claims.submitted per file.
            Billing.ClaimLedger.RecordSent(ledger, practice, rows);

            await ctx.SaveChangesAsync();
        }, TestContext.Current.CancellationToken);
        SqliteConnection.ClearAllPools();
    }
}
