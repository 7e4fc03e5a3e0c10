using System.Text;
using CodeLedger.Cli.Tests.Foundation;
using CodeLedger.Core.Ledger.Checkpoints;
using static CodeLedger.Cli.Tests.Ledger.CheckpointLedgers;

namespace CodeLedger.Cli.Tests.Ledger;

/// <summary>
/// <c>ledger checkpoint</c>, <c>ledger key</c> and <c>ledger verify --checkpoint</c> on a demo
/// ledger, tried as a skeptical practice would: the newest events deleted, the chain rewritten
/// with recomputed hashes, the receipt edited, a receipt from another key, a file that is not one.
/// </summary>
public sealed class CheckpointCommandTests
{
    private static void AssertNoStackTrace(CliRun run) => Assert.DoesNotContain("   at ", run.Out + run.Error, StringComparison.Ordinal);

    [Fact]
    public void Checkpoint_prints_a_signed_receipt_of_the_head_and_creates_the_key_once_saying_so()
    {
        using var folder = new TempFolder();
        var db = DemoDatabase(folder);

        var first = Run("ledger", "checkpoint", "--db", db);
        var second = Run("ledger", "checkpoint", "--db", db);

        Assert.True(first.ExitCode == 0, first.ToString());
        var receipt = CheckpointReceipt.Parse(Encoding.UTF8.GetBytes(first.Out), "stdout");
        Assert.True(receipt.SignatureVerifies());
        Assert.Equal(EventCount(db), receipt.Checkpoint.Sequence);
        Assert.Equal(TestClock.Now, receipt.Checkpoint.At);
        Assert.Equal(receipt.Checkpoint.Sequence, receipt.Checkpoint.EventsByType.Values.Sum());
        Assert.Equal(60, receipt.Checkpoint.EventsByType["encounter.received"]);
        Assert.Contains($"created the vendor's checkpoint signing key {db}.signkey (key id {receipt.PublicKey.KeyId}", first.Error, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Empty(second.Error);
        Assert.Equal(receipt.PublicKey, CheckpointReceipt.Parse(Encoding.UTF8.GetBytes(second.Out), "stdout").PublicKey);
    }

    [Fact]
    public void Key_prints_the_key_id_and_public_key_a_practice_pins()
    {
        using var folder = new TempFolder();
        var db = DemoDatabase(folder);
        var receipt = CheckpointReceipt.Parse(File.ReadAllBytes(Checkpoint(db, folder.File("r.json"))), "r.json");

        var key = Run("ledger", "key", "--db", db, "--out", folder.File("vendor.pem"));

        Assert.True(key.ExitCode == 0, key.ToString());
        Assert.StartsWith($"key id {receipt.PublicKey.KeyId}\n-----BEGIN PUBLIC KEY-----", key.Out, StringComparison.Ordinal);
        Assert.Equal(receipt.PublicKey.Pem, File.ReadAllText(folder.File("vendor.pem")));
    }

    [Fact]
    public void The_ledger_that_was_checkpointed_verifies_against_its_receipt_pinned_by_key_file_or_key_id()
    {
        using var folder = new TempFolder();
        var db = DemoDatabase(folder);
        var receipt = Checkpoint(db, folder.File("r.json"));
        Assert.Equal(0, Run("ledger", "key", "--db", db, "--out", folder.File("vendor.pem")).ExitCode);
        var keyId = CheckpointReceipt.Parse(File.ReadAllBytes(receipt), "r").PublicKey.KeyId;

        var unpinned = Run("ledger", "verify", "--db", db, "--checkpoint", receipt);
        var byFile = Run("ledger", "verify", "--db", db, "--checkpoint", receipt, "--public-key", folder.File("vendor.pem"));
        var byId = Run("ledger", "verify", "--db", db, "--checkpoint", receipt, "--public-key", keyId);

        Assert.True(unpinned.ExitCode == 0, unpinned.ToString());
        Assert.Contains($"CHECKPOINT OK: {receipt}: event {EventCount(db)} still has hash", unpinned.Out, StringComparison.Ordinal);
        Assert.Contains($"key id {keyId} (not pinned", unpinned.Out, StringComparison.Ordinal);
        Assert.True(byFile.ExitCode == 0, byFile.ToString());
        Assert.Contains("(the pinned key)", byFile.Out, StringComparison.Ordinal);
        Assert.True(byId.ExitCode == 0, byId.ToString());
    }

    [Fact]
    public void A_receipt_stays_valid_while_the_ledger_grows()
    {
        using var folder = new TempFolder();
        var db = DemoDatabase(folder);
        var older = Checkpoint(db, folder.File("older.json"));
        var before = EventCount(db);
        // The demo already holds the starter code set, so the ledger grows by a new account.
        var added = Run("users", "add", "later-admin", "--name", "Later Admin", "--org", "ACME-CODING", "--role", "vendor-admin", "--db", db);
        Assert.True(added.ExitCode == 0, added.ToString());
        Assert.True(EventCount(db) > before, "adding a user should have appended an event");
        var newer = Checkpoint(db, folder.File("newer.json"));

        var run = Run("ledger", "verify", "--db", db, "--checkpoint", older, newer);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(2, run.Out.Split('\n').Count(l => l.StartsWith("CHECKPOINT OK", StringComparison.Ordinal)));
    }

    [Fact]
    public void Deleting_the_newest_50_events_passes_the_chain_but_not_the_receipt()
    {
        using var folder = new TempFolder();
        var db = DemoDatabase(folder);
        var receipt = Checkpoint(db, folder.File("r.json"));
        var count = EventCount(db);

        DeleteAfter(db, count - 50);
        var chainAlone = Run("ledger", "verify", "--db", db, "--chain-only");
        var run = Run("ledger", "verify", "--db", db, "--checkpoint", receipt);

        Assert.True(chainAlone.ExitCode == 0, "the hash chain alone cannot see a cut at the head: " + chainAlone);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"CHECKPOINT FAILED: {receipt}: CHECKPOINT-TRUNCATED: the ledger ends at event {count - 50}, but the receipt signed 2026-10-14T15:00:00.000000Z attests event {count}", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewriting_the_chain_from_event_100_with_recomputed_hashes_is_caught()
    {
        using var folder = new TempFolder();
        var db = DemoDatabase(folder);
        var receipt = Checkpoint(db, folder.File("r.json"));

        RewriteFrom(db, 100);
        var chainAlone = Run("ledger", "verify", "--db", db, "--chain-only");
        var run = Run("ledger", "verify", "--db", db, "--checkpoint", receipt);

        Assert.True(chainAlone.ExitCode == 0, "a recomputed chain verifies on its own: " + chainAlone);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("CHECKPOINT-REWRITTEN: event", run.Out, StringComparison.Ordinal);
        Assert.Contains("the ledger was rewritten at or before event", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_export_is_checked_against_receipts_without_the_database()
    {
        using var folder = new TempFolder();
        var db = DemoDatabase(folder);
        var receipt = Checkpoint(db, folder.File("r.json"));
        var intact = Export(db, folder.File("intact.jsonl"));
        var cut = folder.File("cut.jsonl");
        File.WriteAllLines(cut, File.ReadAllLines(intact).SkipLast(10));
        var rewritten = Export(db, folder.File("rewritten.jsonl"));
        RewriteExportFrom(rewritten, 30);
        File.Delete(db);

        var ok = Run("ledger", "verify", "--file", intact, "--checkpoint", receipt);
        var truncated = Run("ledger", "verify", "--file", cut, "--checkpoint", receipt);
        var forged = Run("ledger", "verify", "--file", rewritten, "--checkpoint", receipt);

        Assert.True(ok.ExitCode == 0, ok.ToString());
        Assert.Equal(1, truncated.ExitCode);
        Assert.Contains("CHECKPOINT-TRUNCATED", truncated.Out, StringComparison.Ordinal);
        Assert.Equal(1, forged.ExitCode);
        Assert.StartsWith("OK: ", forged.Out, StringComparison.Ordinal);
        Assert.Contains("CHECKPOINT-REWRITTEN", forged.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_edited_receipt_fails_its_signature()
    {
        using var folder = new TempFolder();
        var db = DemoDatabase(folder);
        var receipt = Checkpoint(db, folder.File("r.json"));
        Edit(receipt, "\"at\": \"2026-10-14T15", "\"at\": \"2026-10-13T15");

        var run = Run("ledger", "verify", "--db", db, "--checkpoint", receipt);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"CHECKPOINT FAILED: {receipt}: CHECKPOINT-SIGNATURE: the signature does not verify", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_receipt_signed_with_another_vendor_s_key_is_refused_when_the_key_is_pinned()
    {
        using var folder = new TempFolder();
        var db = DemoDatabase(folder);
        var other = DemoDatabase(folder, "other.db");
        Assert.Equal(0, Run("ledger", "key", "--db", db, "--out", folder.File("vendor.pem")).ExitCode);
        var impostor = Checkpoint(other, folder.File("impostor.json"));

        var run = Run("ledger", "verify", "--db", db, "--checkpoint", impostor, "--public-key", folder.File("vendor.pem"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("CHECKPOINT-KEY-NOT-PINNED: signed by key id", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json at all", "is not valid JSON at line 1")]
    [InlineData("{\"format\": \"codeledger-checkpoint-v1\", \"sequence\": \"12\"}", "field 'sequence' is not a whole number")]
    [InlineData("{}", "field 'head' is missing")]
    public void A_malformed_receipt_is_named_with_its_field_and_nothing_is_checked(string text, string expected)
    {
        using var folder = new TempFolder();
        var db = DemoDatabase(folder);
        var receipt = folder.File("r.json");
        File.WriteAllText(receipt, text);

        var run = Run("ledger", "verify", "--db", db, "--checkpoint", receipt);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.StartsWith($"codeledger: CHECKPOINT-MALFORMED: {receipt}: ", run.Error, StringComparison.Ordinal);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Fact]
    public void A_file_far_too_large_for_a_receipt_is_refused_unread()
    {
        using var folder = new TempFolder();
        var db = DemoDatabase(folder);
        var big = folder.File("ledger-given-by-mistake.jsonl");
        File.WriteAllText(big, new string('x', CheckpointReceipt.MaxBytes + 1));

        var run = Run("ledger", "verify", "--db", db, "--checkpoint", big);
        var python = Python(folder.File("any.jsonl"), "--checkpoint", big);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"codeledger: CHECKPOINT-MALFORMED: {big}: is {CheckpointReceipt.MaxBytes + 1} bytes", run.Error, StringComparison.Ordinal);
        Assert.Equal(2, python.Exit);
        Assert.Contains($"CHECKPOINT-MALFORMED: {big}: is {CheckpointReceipt.MaxBytes + 1} bytes", python.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_receipt_a_bad_pin_and_a_pin_without_receipts_are_usage_errors()
    {
        using var folder = new TempFolder();
        var db = DemoDatabase(folder);
        var receipt = Checkpoint(db, folder.File("r.json"));

        var missing = Run("ledger", "verify", "--db", db, "--checkpoint", folder.File("nowhere.json"));
        var badPin = Run("ledger", "verify", "--db", db, "--checkpoint", receipt, "--public-key", "MFkwEwYHnot-a-key");
        var pinAlone = Run("ledger", "verify", "--db", db, "--public-key", "MFkw");

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("nowhere.json: file not found", missing.Error, StringComparison.Ordinal);
        Assert.Equal(2, badPin.ExitCode);
        Assert.StartsWith("codeledger: CHECKPOINT-PUBLIC-KEY: --public-key ", badPin.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("MFkwEwYHnot-a-key", badPin.Error, StringComparison.Ordinal);
        Assert.Equal(2, pinAlone.ExitCode);
        Assert.All(new[] { missing, badPin, pinAlone }, AssertNoStackTrace);
    }

    [Fact]
    public void A_broken_chain_gets_no_checkpoint_and_no_key_is_made_for_it()
    {
        using var folder = new TempFolder();
        var db = DemoDatabase(folder);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "UPDATE ledger_events SET actor = 'edited' WHERE sequence = 20";
            cmd.ExecuteNonQuery();
        }

        var run = Run("ledger", "checkpoint", "--db", db);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("codeledger: CHECKPOINT-LEDGER-NOT-INTACT: the ledger does not verify (BROKEN at sequence 20: event 20 was altered: its content does not match its hash); no checkpoint is signed for a broken chain\n", run.Error);
        Assert.Empty(run.Out);
        Assert.False(File.Exists(db + ".signkey"));
    }

    [Fact]
    public void An_empty_database_gets_no_checkpoint()
    {
        using var folder = new TempFolder();

        var run = Run("ledger", "checkpoint", "--db", folder.File("empty.db"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("CHECKPOINT-LEDGER-NOT-INTACT: the ledger is empty", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_receipts_are_each_named_and_one_failure_fails_the_run()
    {
        using var folder = new TempFolder();
        var db = DemoDatabase(folder);
        var good = Checkpoint(db, folder.File("good.json"));
        var edited = Checkpoint(db, folder.File("edited.json"));
        Edit(edited, "\"at\": \"2026-10-14T15", "\"at\": \"2026-10-14T16");

        var run = Run("ledger", "verify", "--db", db, "--checkpoint", good, "--checkpoint", edited);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"CHECKPOINT OK: {good}", run.Out, StringComparison.Ordinal);
        Assert.Contains($"CHECKPOINT FAILED: {edited}: CHECKPOINT-SIGNATURE", run.Out, StringComparison.Ordinal);
    }
}
