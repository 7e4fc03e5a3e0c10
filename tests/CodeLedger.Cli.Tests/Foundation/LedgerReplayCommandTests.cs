using CodeLedger.Core.Ledger;
using Microsoft.Data.Sqlite;

namespace CodeLedger.Cli.Tests.Foundation;

/// <summary>
/// The ledger proves the state (docs/LEDGER.md, "Replay"): `ledger verify` replays the demo clean and
/// names a state table edited behind the ledger's back; `ledger replay --report sla` recomputes, from
/// an export alone, exactly what `sla` prints, and keeps doing so when the tables are tampered with.
/// </summary>
public sealed class LedgerReplayCommandTests
{
    private static readonly string[] Practices = ["NORTHSIDE-FM", "HEARTWELL-CARDIO"];

    /// <summary>This test's own copy of a 400-encounter demo (seed 11): its database and its ledger export.</summary>
    private static (TempFolder Folder, string Db, string Export) Demo()
    {
        var folder = new TempFolder();
        var demo = DemoTemplates.Copy(folder, encounters: 400, seed: 11);
        return (folder, demo.Db, demo.Export);
    }

    private static void Sql(string db, string statement)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = statement;
        Assert.Equal(1, command.ExecuteNonQuery());
    }

    [Fact]
    public void The_demo_replays_to_exactly_its_stored_state()
    {
        var (folder, db, _) = Demo();
        using var _f = folder;

        var verify = CliRun.Of("ledger", "verify", "--db", db);

        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Matches(@"^OK: \d+ events, chain intact, head [0-9a-f]{64}\nOK: state replayed from \d+ events matches the stored tables \(32 tables\)\n$", verify.Out);
    }

    [Fact]
    public void The_sla_report_replayed_from_the_export_is_the_sla_report_of_the_database_for_each_practice_text_and_json()
    {
        var (folder, db, export) = Demo();
        using var _f = folder;

        foreach (var practice in Practices)
        {
            foreach (var format in new[] { Array.Empty<string>(), ["--json"] })
            {
                var stored = CliRun.Of(["sla", "--db", db, "--practice", practice, "--month", "2026-10", .. format]);
                var replayed = CliRun.Of(["ledger", "replay", "--file", export, "--report", "sla", "--practice", practice, "--month", "2026-10", .. format]);

                Assert.True(stored.ExitCode == 0, stored.ToString());
                Assert.True(replayed.ExitCode == 0, replayed.ToString());
                Assert.Equal(stored.Out, replayed.Out);
            }
        }
    }

    [Fact]
    public void A_tampered_state_table_changes_sla_but_not_the_replay_and_verify_names_it()
    {
        var (folder, db, export) = Demo();
        using var _f = folder;
        var before = CliRun.Of("sla", "--db", db, "--practice", "HEARTWELL-CARDIO", "--month", "2026-10").Out;
        Sql(db, "UPDATE sla_contracts SET turnaround_target_hours = 400 WHERE practice_id = (SELECT id FROM organizations WHERE code = 'HEARTWELL-CARDIO')");

        var after = CliRun.Of("sla", "--db", db, "--practice", "HEARTWELL-CARDIO", "--month", "2026-10").Out;
        var replayed = CliRun.Of("ledger", "replay", "--file", export, "--report", "sla", "--practice", "HEARTWELL-CARDIO", "--month", "2026-10").Out;
        var verify = CliRun.Of("ledger", "verify", "--db", db);
        var chainOnly = CliRun.Of("ledger", "verify", "--db", db, "--chain-only");

        Assert.NotEqual(before, after);
        Assert.Contains("target 400 business-hours", after, StringComparison.Ordinal);
        Assert.Equal(before, replayed);
        Assert.Equal(1, verify.ExitCode);
        Assert.Matches(@"STATE-DIVERGES: sla_contracts row for contract [0-9a-f-]{36} of HEARTWELL-CARDIO with ACME-CODING: turnaround_target_hours 400, ledger says 48 \(event \d+\)\n", verify.Out);
        Assert.EndsWith("STATE-DIVERGES: 1 difference(s) between the stored state and the ledger\n", verify.Out, StringComparison.Ordinal);
        Assert.Equal(0, chainOnly.ExitCode);
    }

    [Fact]
    public void An_edited_finalization_instant_is_named_with_the_encounter_and_the_event()
    {
        var (folder, db, _) = Demo();
        using var _f = folder;
        Sql(db, "UPDATE work_items SET finalized_at = finalized_at + 3600000000 WHERE rowid = (SELECT min(rowid) FROM work_items WHERE finalized_at IS NOT NULL)");

        var verify = CliRun.Of("ledger", "verify", "--db", db);

        Assert.Equal(1, verify.ExitCode);
        Assert.Matches(@"STATE-DIVERGES: work_items row for encounter [A-Z]+-\d{8}-\d{6}: finalized_at \S+Z, ledger says \S+Z \(event \d+\)\n", verify.Out);
    }

    [Theory]
    [InlineData("encounters", "date_of_service", "'2461314.5'")]
    [InlineData("encounters", "place_of_service", "'ZZ'")]
    [InlineData("work_items", "encounter_id", "'not-a-guid'")]
    [InlineData("coding_results", "diagnoses", "'[\"E11'")]
    public void A_value_edited_out_of_its_columns_form_is_named_by_table_column_and_row_with_no_stack_trace_and_no_value(string table, string column, string value)
    {
        var (folder, db, _) = Demo();
        using var _f = folder;
        // Foreign keys off, as a person editing the file with the sqlite3 shell has them.
        Sql(db, $"PRAGMA foreign_keys = OFF; UPDATE {table} SET {column} = {value} WHERE rowid = (SELECT min(rowid) FROM {table})");

        var verify = CliRun.Of("ledger", "verify", "--db", db);

        Assert.Equal(2, verify.ExitCode);
        Assert.Matches($@"^codeledger: {table}\.{column}, row \d+ of the table as read: the stored value is not in the form CodeLedger writes there; .* \(STORE-VALUE-UNREADABLE\)\n$", verify.Error);
        Assert.DoesNotContain(value.Trim('\'').TrimStart('['), verify.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", verify.Error + verify.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Deleting_the_newest_50_events_passes_the_chain_but_not_the_replay()
    {
        var (folder, db, _) = Demo();
        using var _f = folder;
        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM ledger_events WHERE sequence > (SELECT max(sequence) - 50 FROM ledger_events)";
            Assert.Equal(50, command.ExecuteNonQuery());
        }

        var chainOnly = CliRun.Of("ledger", "verify", "--db", db, "--chain-only");
        var verify = CliRun.Of("ledger", "verify", "--db", db);

        Assert.Equal(0, chainOnly.ExitCode);
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains(" is in the database, but no ledger event records it\n", verify.Out, StringComparison.Ordinal);
        Assert.Matches(@"STATE-DIVERGES: \d+ difference\(s\) between the stored state and the ledger\n$", verify.Out);
    }

    [Fact]
    public void An_export_extended_with_a_rehashed_finalization_of_an_unknown_encounter_is_named_by_replay()
    {
        var (folder, _, export) = Demo();
        using var _f = folder;
        var lines = File.ReadAllLines(export);
        Assert.True(LedgerExport.TryParseLine(lines[^1], out var last, out _));
        var payload = "{\"encounter\":\"00000000-0000-0000-0000-000000000001\",\"version\":1,\"finalizedAt\":\"2026-10-31T12:00:00.000000Z\",\"clockStart\":\"2026-10-30T12:00:00.000000Z\",\"codedWithoutQueryResponse\":false,\"overrideReason\":null,\"overrideBy\":null}";
        var forged = new LedgerEntry(last.Sequence + 1, last.Instant, "mallory", "encounter.finalized", "GHOST-1", payload, last.Hash,
            LedgerHash.Compute(last.Sequence + 1, last.Instant, "mallory", "encounter.finalized", "GHOST-1", payload, last.Hash));
        using (var stream = new FileStream(export, FileMode.Append))
        {
            LedgerExport.Write(stream, [forged]);
        }

        var chain = CliRun.Of("ledger", "verify", "--file", export);
        var replay = CliRun.Of("ledger", "replay", "--file", export);

        Assert.Equal(0, chain.ExitCode);
        Assert.Equal(1, replay.ExitCode);
        Assert.Contains($"STATE-DIVERGES: event {forged.Sequence} (encounter.finalized): encounter GHOST-1 (00000000-0000-0000-0000-000000000001) was never received\n", replay.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_of_the_demo_export_alone_finds_no_contradiction()
    {
        var (folder, _, export) = Demo();
        using var _f = folder;

        var replay = CliRun.Of("ledger", "replay", "--file", export);

        Assert.True(replay.ExitCode == 0, replay.ToString());
        Assert.Matches(@"^OK: \d+ events replay without contradiction\nnot checked: notes, query texts and demographics, compared by keyed hash only where the PHI key is at hand \(`ledger verify` on the database\)\n$", replay.Out);
    }

    [Fact]
    public void An_unknown_report_or_a_missing_practice_is_a_usage_error_before_the_file_is_read()
    {
        var unknown = CliRun.Of("ledger", "replay", "--file", "/nonexistent.jsonl", "--report", "payroll", "--practice", "P", "--month", "2026-10");
        var missing = CliRun.Of("ledger", "replay", "--file", "/nonexistent.jsonl", "--report", "sla", "--month", "2026-10");

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("LEDGER-REPORT-UNKNOWN", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--report sla needs --practice and --month", missing.Error, StringComparison.Ordinal);
    }
}
