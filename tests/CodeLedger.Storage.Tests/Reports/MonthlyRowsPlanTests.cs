using CodeLedger.Storage.Reports;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Tests.Reports;

/// <summary>
/// The monthly package's work read on SQLite (issue 19, docs/PERFORMANCE.md "Covering the work
/// read"): per finalized work item it reads the work item, its encounter and its final coding, and
/// each of the three comes from a covering index, so no table row of a file of gigabytes is fetched
/// by rowid. A schema or statement change that loses one shows here as a plan step without
/// "COVERING INDEX", whatever the data. On PostgreSQL, each half's bound reaches every table it
/// reads (docs/PERFORMANCE.md, "PostgreSQL's share of the package").
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

    [Fact]
    public async Task On_PostgreSQL_each_half_of_the_work_read_bounds_the_encounters_and_codings_to_its_ids_and_hands_the_connection_back_with_the_servers_settings()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        var store = await database.OpenAsync();
        await using var db = store.CreateContext();
        await db.Database.OpenConnectionAsync(ct);
        var from = new DateTimeOffset(2025, 10, 1, 0, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var before = await SettingsAsync(db, ct);

        foreach (var ids in MonthlyRows.WorkHalves)
        {
            // The planner carries the join's equality across, not a range: each table the half reads
            // must carry the bound itself, or the half hashes every encounter and coding of the table.
            var bound = (ids.From ?? ids.To)!.Value.ToString("D");
            var plan = await PostgresPlanAsync(MonthlyRows.Of(db), Guid.NewGuid(), null, from, to, ids, ct);
            foreach (var table in new[] { "work_items w", "encounters e", "coding_results c" })
            {
                var scan = plan.FindIndex(line => line.Contains(" on " + table, StringComparison.Ordinal) || line.Contains(" on \"" + table.Split(' ')[0] + "\" " + table.Split(' ')[1], StringComparison.Ordinal));
                Assert.True(scan >= 0, $"no scan of {table} in\n{string.Join('\n', plan)}");
                var conditions = plan.Skip(scan + 1).TakeWhile(line => !line.Contains("->", StringComparison.Ordinal));
                Assert.Contains(conditions, line => line.Contains(bound, StringComparison.Ordinal));
            }

            var read = await MonthlyRows.Of(db).FinalizedWorkAsync(Guid.NewGuid(), null, from, to, ids, ct);
            Assert.Empty(read);
            Assert.Equal(before, await SettingsAsync(db, ct));
        }

        Assert.NotEqual(("0", "64MB"), before);
    }

    /// <summary>What the work read sets for itself, as the connection reports them.</summary>
    private static async Task<(string Workers, string WorkMemory)> SettingsAsync(CodeLedgerDbContext db, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT current_setting('max_parallel_workers_per_gather'), current_setting('work_mem')";
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetString(0), reader.GetString(1));
    }

    private static async Task<List<string>> PostgresPlanAsync(MonthlyRows rows, Guid practice, Guid? vendor, DateTimeOffset from, DateTimeOffset to, EncounterIdRange ids, CancellationToken ct)
    {
        await using var command = rows.WorkCommand(practice, vendor, from, to, ids);
        command.CommandText = "EXPLAIN " + command.CommandText;
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
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
