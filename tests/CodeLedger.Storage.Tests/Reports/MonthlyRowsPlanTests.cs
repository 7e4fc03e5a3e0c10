using CodeLedger.Storage.Reports;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Tests.Reports;

/// <summary>
/// The monthly package's work read on SQLite (issue 19, docs/PERFORMANCE.md "Covering the work
/// read"): per finalized work item it reads the work item, its encounter and its final coding, and
/// each of the three comes from a covering index, so no table row of a file of gigabytes is fetched
/// by rowid. A schema or statement change that loses one shows here as a plan step without
/// "COVERING INDEX", whatever the data.
/// </summary>
public sealed class MonthlyRowsPlanTests
{
    [Fact]
    public async Task On_SQLite_the_work_read_takes_every_table_from_its_covering_index_for_each_half_with_and_without_a_vendor()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = TestDatabase.Sqlite();
        var store = await database.OpenAsync();
        await using var db = store.CreateContext();
        await db.Database.OpenConnectionAsync(ct);
        var from = new DateTimeOffset(2025, 10, 1, 0, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

        foreach (var vendor in new Guid?[] { null, Guid.NewGuid() })
        {
            foreach (var ids in MonthlyRows.WorkHalves)
            {
                var plan = await PlanAsync(MonthlyRows.Of(db), Guid.NewGuid(), vendor, from, to, ids, ct);

                Assert.Contains(plan, step => step.StartsWith("SEARCH w USING COVERING INDEX IX_work_items_finalized_work (practice_id=?", StringComparison.Ordinal));
                Assert.Contains(plan, step => step.StartsWith("SEARCH e USING COVERING INDEX IX_encounters_visit (id=?)", StringComparison.Ordinal));
                Assert.Contains(plan, step => step.StartsWith("SEARCH c USING COVERING INDEX IX_coding_results_final_codes (encounter_id=? AND version=?)", StringComparison.Ordinal));
                Assert.All(plan, step => Assert.Contains("COVERING INDEX", step, StringComparison.Ordinal));
            }
        }
    }

    private static async Task<List<string>> PlanAsync(MonthlyRows rows, Guid practice, Guid? vendor, DateTimeOffset from, DateTimeOffset to, EncounterIdRange ids, CancellationToken ct)
    {
        await using var command = rows.WorkCommand(practice, vendor, from, to, ids);
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            steps.Add(reader.GetString(3));
        }

        return steps;
    }
}
