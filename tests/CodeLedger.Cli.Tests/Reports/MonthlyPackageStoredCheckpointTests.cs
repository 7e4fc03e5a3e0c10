using CodeLedger.Cli.Tests.Foundation;
using CodeLedger.Core.Ledger.Checkpoints;
using CodeLedger.Testing;
using Microsoft.Data.Sqlite;
using static CodeLedger.Cli.Tests.Ledger.CheckpointLedgers;

namespace CodeLedger.Cli.Tests.Reports;

/// <summary>
/// `report monthly` signs its checkpoint by walking only the events after the newest receipt the
/// signing key stored (ledger_checkpoints, docs/LEDGER.md "Stored checkpoints"), and signs what the
/// whole walk signs. A stored receipt that was edited, or whose event no longer has its hash, is not
/// resumed from: the whole ledger is walked and the command says why. Events edited before a stored
/// checkpoint are not walked by the package, and `ledger verify` and `report verify` still catch them.
/// </summary>
public sealed class MonthlyPackageStoredCheckpointTests
{
    private const string Practice = "NORTHSIDE-FM";
    private const string Month = "2026-10";

    private static CliRun Monthly(string db, string dir) =>
        CliRun.Of("report", "monthly", "--db", db, "--practice", Practice, "--month", Month, "--out", dir);

    private static CliRun Written(string db, string dir)
    {
        var run = Monthly(db, dir);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run;
    }

    private static string CheckpointLine(CliRun run) =>
        run.Out.Split('\n').Single(l => l.StartsWith("checkpoint: ", StringComparison.Ordinal));

    private static CheckpointReceipt ReceiptIn(string dir) =>
        CheckpointReceipt.Parse(File.ReadAllBytes(Path.Combine(dir, "checkpoint.json")), "checkpoint.json");

    /// <summary>The ledger's checkpoint by `ledger checkpoint`, which always walks the whole chain.</summary>
    private static LedgerCheckpoint WholeWalk(string db, TempFolder folder) =>
        CheckpointReceipt.Parse(File.ReadAllBytes(Checkpoint(db, folder.File($"whole-{Guid.NewGuid():N}.json"))), "whole").Checkpoint;

    /// <summary>A ledgered change: one more user, so the ledger grows past the stored checkpoint.</summary>
    private static void AddUser(string db, string name)
    {
        var run = CliRun.Of("users", "add", name, "--name", "Someone " + name, "--org", Practice, "--role", "practice-admin", "--db", db);
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    private static int Sql(string db, string sql)
    {
        int changed;
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false }.ConnectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            changed = command.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        return changed;
    }

    private static void AssertSameTally(LedgerCheckpoint expected, LedgerCheckpoint actual)
    {
        Assert.Equal(expected.Sequence, actual.Sequence);
        Assert.Equal(expected.Head, actual.Head);
        Assert.Equal(expected.EventsByType, actual.EventsByType);
    }

    [Fact]
    public void A_second_package_walks_only_the_events_after_the_first_ones_checkpoint_and_signs_what_the_whole_walk_signs()
    {
        using var folder = new TempFolder();
        var db = DemoDatabase(folder);
        var first = Written(db, folder.File("first"));
        var stored = ReceiptIn(folder.File("first")).Checkpoint.Sequence;
        AddUser(db, "pa-second");
        AddUser(db, "pa-third");
        var head = EventCount(db);

        var second = Written(db, folder.File("second"));

        Assert.StartsWith("checkpoint: no stored checkpoint signed by key id ", CheckpointLine(first), StringComparison.Ordinal);
        Assert.EndsWith($"walked the whole ledger ({stored} events walked)", CheckpointLine(first), StringComparison.Ordinal);
        Assert.StartsWith($"checkpoint: resumed at the stored checkpoint of event {stored} ", CheckpointLine(second), StringComparison.Ordinal);
        Assert.EndsWith($"({head - stored} events walked)", CheckpointLine(second), StringComparison.Ordinal);
        Assert.True(head > stored, "the users were ledgered");
        AssertSameTally(WholeWalk(db, folder), ReceiptIn(folder.File("second")).Checkpoint);
        var verify = CliRun.Of("report", "verify", folder.File("second"), "--db", db);
        Assert.True(verify.ExitCode == 0, verify.ToString());
    }

    [Fact]
    public void A_receipt_from_ledger_checkpoint_is_kept_and_the_next_package_resumes_at_it()
    {
        using var folder = new TempFolder();
        var db = DemoDatabase(folder);
        var whole = WholeWalk(db, folder);

        var run = Written(db, folder.File("package"));

        Assert.StartsWith($"checkpoint: resumed at the stored checkpoint of event {whole.Sequence} ", CheckpointLine(run), StringComparison.Ordinal);
        Assert.EndsWith("(0 events walked)", CheckpointLine(run), StringComparison.Ordinal);
        AssertSameTally(whole, ReceiptIn(folder.File("package")).Checkpoint);
    }

    [Fact]
    public void An_edited_checkpoint_row_is_not_resumed_from_and_the_package_says_it_walked_the_whole_ledger()
    {
        using var folder = new TempFolder();
        var db = DemoDatabase(folder);
        Written(db, folder.File("first"));
        AddUser(db, "pa-second");

        // The receipt's instant moved a year back: it still reads, but its signature no longer verifies.
        Assert.True(0 < Sql(db, "UPDATE ledger_checkpoints SET receipt = replace(receipt, '\"at\": \"2026-', '\"at\": \"2025-')"), "the stored receipts were edited");
        var receiptEdited = Written(db, folder.File("receipt-edited"));

        // A row filed under another event than the one its receipt attests (the newest, which the last package stored).
        Assert.True(Sql(db, "UPDATE ledger_checkpoints SET sequence = sequence + 1000000") > 0);
        var sequenceEdited = Written(db, folder.File("sequence-edited"));

        Assert.Contains("does not verify against the signing key: its row was edited; walked the whole ledger", CheckpointLine(receiptEdited), StringComparison.Ordinal);
        Assert.Contains("attests event", CheckpointLine(sequenceEdited), StringComparison.Ordinal);
        Assert.Contains("its row was edited; walked the whole ledger", CheckpointLine(sequenceEdited), StringComparison.Ordinal);
        var whole = WholeWalk(db, folder);
        AssertSameTally(whole, ReceiptIn(folder.File("receipt-edited")).Checkpoint);
        AssertSameTally(whole, ReceiptIn(folder.File("sequence-edited")).Checkpoint);
    }

    [Fact]
    public void A_stored_checkpoint_whose_event_has_another_hash_now_is_not_resumed_from()
    {
        using var folder = new TempFolder();
        var db = DemoDatabase(folder);
        Written(db, folder.File("first"));
        var stored = ReceiptIn(folder.File("first")).Checkpoint.Sequence;

        // A forger with write access rewrites event 5 and recomputes every hash after it: a chain that verifies.
        RewriteFrom(db, 5);
        var run = Written(db, folder.File("second"));

        Assert.Contains($"event {stored} now has hash ", CheckpointLine(run), StringComparison.Ordinal);
        Assert.Contains("the ledger was rewritten at or before it; walked the whole ledger", CheckpointLine(run), StringComparison.Ordinal);
        Assert.NotEqual(ReceiptIn(folder.File("first")).Checkpoint.Head, ReceiptIn(folder.File("second")).Checkpoint.Head);
    }

    [Fact]
    public void An_event_edited_before_the_stored_checkpoint_is_not_walked_by_the_package_but_ledger_verify_and_report_verify_catch_it()
    {
        using var folder = new TempFolder();
        var db = DemoDatabase(folder);
        Written(db, folder.File("first"));
        AddUser(db, "pa-second");
        Assert.Equal(1, Sql(db, "UPDATE ledger_events SET payload = payload || ' ' WHERE sequence = 5"));

        var second = Written(db, folder.File("second"));
        var ledgerVerify = CliRun.Of("ledger", "verify", "--db", db, "--chain-only");
        var reportVerify = CliRun.Of("report", "verify", folder.File("second"), "--db", db);

        Assert.StartsWith("checkpoint: resumed at the stored checkpoint", CheckpointLine(second), StringComparison.Ordinal);
        Assert.Equal(1, ledgerVerify.ExitCode);
        Assert.Contains("BROKEN at sequence 5", ledgerVerify.Out, StringComparison.Ordinal);
        Assert.Equal(1, reportVerify.ExitCode);
        Assert.Contains("CHECKPOINT FAILED: the ledger's chain breaks at sequence 5, within the package's range", reportVerify.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_edited_after_the_stored_checkpoint_gets_no_package()
    {
        using var folder = new TempFolder();
        var db = DemoDatabase(folder);
        Written(db, folder.File("first"));
        var stored = ReceiptIn(folder.File("first")).Checkpoint.Sequence;
        AddUser(db, "pa-second");
        Assert.Equal(1, Sql(db, $"UPDATE ledger_events SET payload = payload || ' ' WHERE sequence = {stored + 1}"));

        var run = Monthly(db, folder.File("second"));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("CHECKPOINT-LEDGER-NOT-INTACT", run.Error, StringComparison.Ordinal);
        Assert.Contains($"event {stored + 1} was altered", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Out + run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.File("second")));
    }
}
