using CodeLedger.Core.Billing;
using CodeLedger.Core.Codes;
using CodeLedger.Storage.Billing;
using CodeLedger.Storage.Remittances;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Tests.Remittances;

/// <summary>
/// <c>import remits</c> reads the practice's claims off the data reader
/// (<see cref="RemittanceClaimRows"/>, docs/REMITTANCE.md): every column posting uses must read as
/// EF Core reads it, for claims of every shape, and no other practice's claim may come with them.
/// </summary>
public sealed class RemittanceClaimRowsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task The_claims_read_for_posting_equal_EF_Cores_read_in_every_column_posting_uses_and_only_the_practices(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = await database.OpenAsync();
        var d = new SampleData();
        await StorageSuite.SaveAllAsync(store, d);
        var built = new DateTimeOffset(2026, 3, 4, 9, 0, 0, 123, TimeSpan.Zero).AddTicks(4560);
        ClaimRow Claim(int submission, Guid practice, ClaimStatus status, string? payerCode, string? payerId, string? control, Money? charge, DateTimeOffset? submitted,
            List<ClaimLineRow> lines) => new()
        {
            Id = Guid.NewGuid(), PracticeId = practice, EncounterId = d.Encounter.Id, ClaimId = $"PCN-{submission}", Submission = submission, Frequency = ClaimFrequency.Original,
            Status = status, PayerCode = payerCode, PayerId = payerId, PayerClaimControlNumber = control, TotalCharge = charge, Lines = lines, BuiltAt = built.AddDays(submission),
            BuiltBy = "claims-test", SubmittedAt = submitted, Findings = [new ClaimFindingRow("W1", "warning", 1, "a finding posting never reads")],
        };
        var claims = new[]
        {
            Claim(1, d.Practice.Id, ClaimStatus.Submitted, "BCBS", "PAYER01", null, Money.Parse("250.00"), built.AddHours(1),
            [
                new ClaimLineRow(1, "PCN-1-L1", "99214", ["25", "59"], 2, [1, 2], new DateOnly(2026, 3, 2), 75m, 150m),
                new ClaimLineRow(2, string.Empty, "36415", [], 1, [1], new DateOnly(2026, 3, 1), 100.005m, 100.01m),
            ]),
            Claim(2, d.Practice.Id, ClaimStatus.Accepted, "SELF \"PAY\" é", null, "CCN-2", null, null,
                [new ClaimLineRow(1, "L\u00e91", "G0438", [], 1, [], new DateOnly(2025, 12, 31), null, null)]),
            Claim(3, d.Practice.Id, ClaimStatus.Rejected, null, null, null, Money.Parse("0.01"), built.AddMinutes(3), []),
            Claim(4, d.Vendor.Id, ClaimStatus.Submitted, "OTHER", "PAYER02", null, Money.Parse("10.00"), null,
                [new ClaimLineRow(1, "X", "99213", [], 1, [1], new DateOnly(2026, 1, 5), 10m, 10m)]),
        };
        await store.WriteAsync("claims-test", (db, _) =>
        {
            db.AddRange(claims);
            return Task.CompletedTask;
        }, Ct);

        await using var context = store.CreateContext();
        await context.Database.OpenConnectionAsync(Ct);
        var (read, versions) = await RemittanceClaimRows.ReadAsync(context, d.Practice.Id, Ct);
        var expected = await context.Set<ClaimRow>().AsNoTracking().Where(c => c.PracticeId == d.Practice.Id).ToListAsync(Ct);

        Assert.Equal(3, read.Count);
        Assert.Equal(expected.OrderBy(c => c.Submission).Select(Used), read.OrderBy(c => c.Submission).Select(Used));

        // PostgreSQL: each claim's row version as EF reads it, which the claim update requires still to hold.
        var expectedVersions = provider == DatabaseProvider.PostgreSql
            ? await context.Set<ClaimRow>().Where(c => c.PracticeId == d.Practice.Id)
                .Select(c => new { c.Id, Version = EF.Property<uint>(c, CodeLedger.Storage.Workflow.EncounterConcurrency.RowVersion) }).ToDictionaryAsync(c => c.Id, c => c.Version, Ct)
            : [];
        Assert.Equal(expectedVersions.OrderBy(v => v.Key), versions.OrderBy(v => v.Key));
        Assert.Equal(provider == DatabaseProvider.PostgreSql ? 3 : 0, versions.Count);
    }

    /// <summary>What posting reads of a claim: matching, the denial facts, the claim update.</summary>
    private static string Used(ClaimRow c) => string.Join(" | ",
        c.Id, c.PracticeId, c.EncounterId, c.ClaimId, c.Submission, c.Status, c.PayerCode ?? "-", c.PayerId ?? "-", c.PayerClaimControlNumber ?? "-",
        c.TotalCharge?.Cents.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-", c.BuiltAt.UtcTicks, c.BuiltAt.Offset, c.SubmittedAt?.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
        string.Join(";", c.Lines.Select(l => string.Join(",", l.Number, l.LineItemControlNumber, l.Code, string.Join("+", l.Modifiers), l.Units, string.Join("+", l.Pointers),
            l.DateOfService.ToString("O", System.Globalization.CultureInfo.InvariantCulture), l.Fee?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
            l.Charge?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"))));
}
