using CodeLedger.Cli.Tests.Foundation;
using static CodeLedger.Cli.Tests.Ledger.CheckpointLedgers;

namespace CodeLedger.Cli.Tests.Ledger;

/// <summary>
/// docs/verify_ledger.py, the independent verifier a practice can run without CodeLedger, on
/// exports and receipts CodeLedger wrote, intact and tampered: it agrees with <c>ledger verify</c>,
/// checks the ECDSA P-256 signature in pure Python, and names a bad line or field instead of
/// printing a traceback. Skips (with the reason) where python3 is not installed.
/// </summary>
public sealed class VerifyLedgerScriptTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _db;
    private readonly string _export;
    private readonly string _receipt;
    private readonly string _key;

    public VerifyLedgerScriptTests()
    {
        _db = DemoDatabase(_folder);
        _receipt = Checkpoint(_db, _folder.File("receipt.json"));
        _key = _folder.File("vendor.pem");
        Assert.Equal(0, Run("ledger", "key", "--db", _db, "--out", _key).ExitCode);
        _export = Export(_db, _folder.File("ledger.jsonl"));
    }

    public void Dispose() => _folder.Dispose();

    private static void AssertNoTraceback((int Exit, string Out, string Error) run) =>
        Assert.DoesNotContain("Traceback", run.Out + run.Error, StringComparison.Ordinal);

    /// <summary>The script and <c>codeledger ledger verify --file</c> on the same files: same exit status, same head or failure code.</summary>
    private static (int Exit, string Out, string Error) BothAgree(params string[] args)
    {
        var python = Python(args);
        var ours = Run(["ledger", "verify", "--file", args[0], .. args[1..]]);
        Assert.True(python.Exit == ours.ExitCode, $"python: {python}\ncodeledger: {ours}");
        Assert.Equal(ours.Out.Split('\n')[0].Split(" (line")[0].Split(':')[0], python.Out.Split('\n')[0].Split(" (line")[0].Split(':')[0]);
        foreach (var code in new[] { "CHECKPOINT-TRUNCATED", "CHECKPOINT-REWRITTEN", "CHECKPOINT-SIGNATURE", "CHECKPOINT-KEY-NOT-PINNED", "CHECKPOINT-MALFORMED" })
        {
            Assert.Equal(ours.Out.Contains(code, StringComparison.Ordinal) || ours.Error.Contains(code, StringComparison.Ordinal),
                python.Out.Contains(code, StringComparison.Ordinal) || python.Error.Contains(code, StringComparison.Ordinal));
        }

        AssertNoTraceback(python);
        return python;
    }

    [Fact]
    public void An_intact_export_and_its_receipt_verify_with_the_pinned_key_and_the_same_head()
    {
        var run = BothAgree(_export, "--checkpoint", _receipt, "--public-key", _key);

        var head = Run("ledger", "verify", "--file", _export).Out.Split("head ")[1].Trim();
        Assert.Equal(0, run.Exit);
        Assert.StartsWith($"OK: {Read(_export).Count} events, chain intact, head {head}", run.Out, StringComparison.Ordinal);
        Assert.Contains("CHECKPOINT OK:", run.Out, StringComparison.Ordinal);
        Assert.Contains("(the pinned key)", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_export_fails_the_receipt()
    {
        File.WriteAllLines(_export, File.ReadAllLines(_export).SkipLast(50));

        var run = BothAgree(_export, "--checkpoint", _receipt);

        Assert.Equal(1, run.Exit);
        Assert.Contains("CHECKPOINT FAILED: ", run.Out, StringComparison.Ordinal);
        Assert.Contains($"CHECKPOINT-TRUNCATED: the ledger ends at event {Read(_export).Count}", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rewritten_chain_passes_as_a_chain_and_fails_the_receipt()
    {
        RewriteExportFrom(_export, 100);

        var run = BothAgree(_export, "--checkpoint", _receipt);

        Assert.Equal(1, run.Exit);
        Assert.StartsWith("OK: ", run.Out, StringComparison.Ordinal);
        Assert.Contains("CHECKPOINT-REWRITTEN", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_altered_receipt_fails_its_signature_in_pure_python()
    {
        Edit(_receipt, "\"at\": \"2026-10-14T15:00", "\"at\": \"2026-10-14T15:01");

        var run = BothAgree(_export, "--checkpoint", _receipt);

        Assert.Equal(1, run.Exit);
        Assert.Contains("CHECKPOINT-SIGNATURE: the signature does not verify", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_receipt_signed_by_another_key_fails_against_the_pinned_one()
    {
        var other = DemoDatabase(_folder, "other.db");
        Assert.Equal(0, Run("ledger", "key", "--db", other, "--out", _folder.File("other.pem")).ExitCode);

        var run = BothAgree(_export, "--checkpoint", _receipt, "--public-key", _folder.File("other.pem"));

        Assert.Equal(1, run.Exit);
        Assert.Contains("CHECKPOINT-KEY-NOT-PINNED", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_receipt_is_named_with_its_field()
    {
        Edit(_receipt, "\"head\": \"", "\"head\": \"Z");

        var run = BothAgree(_export, "--checkpoint", _receipt);

        Assert.Equal(2, run.Exit);
        Assert.Contains($"CHECKPOINT-MALFORMED: {_receipt}: field 'head' is not 64 lower-case hex digits", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_that_is_not_json_is_named_by_its_number()
    {
        var lines = File.ReadAllLines(_export);
        lines[41] = "{\"sequence\": 42, this is not json";
        File.WriteAllLines(_export, lines);

        var run = BothAgree(_export);

        Assert.Equal(1, run.Exit);
        Assert.StartsWith("BROKEN at sequence 42 (line 42): line 42: not valid JSON", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_last_line_is_named_and_the_receipt_fails()
    {
        var text = File.ReadAllText(_export);
        File.WriteAllText(_export, text[..(text.Length - 40)]);
        var last = File.ReadAllLines(_export).Length;

        var run = BothAgree(_export, "--checkpoint", _receipt);

        Assert.Equal(1, run.Exit);
        Assert.StartsWith($"BROKEN at sequence {last} (line {last}): line {last}: not valid JSON", run.Out, StringComparison.Ordinal);
        Assert.Contains("CHECKPOINT-TRUNCATED", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_missing_a_field_or_not_utf8_is_named()
    {
        var lines = File.ReadAllLines(_export);
        lines[4] = lines[4].Replace("\"actor\":", "\"actress\":", StringComparison.Ordinal);
        File.WriteAllLines(_export, lines);

        var run = Python(_export);
        File.WriteAllBytes(_export, [.. File.ReadAllBytes(_export).Take(100), 0xFF, 0xFE, (byte)'\n']);
        var binary = Python(_export);

        Assert.Equal(1, run.Exit);
        Assert.StartsWith("BROKEN at sequence 5 (line 5): line 5: field 'actor' is missing or not a string", run.Out, StringComparison.Ordinal);
        Assert.Equal(1, binary.Exit);
        Assert.StartsWith("BROKEN at sequence 1 (line 1): line 1: not UTF-8", binary.Out, StringComparison.Ordinal);
        AssertNoTraceback(run);
        AssertNoTraceback(binary);
    }

    [Fact]
    public void A_missing_export_or_an_unreadable_key_exits_2_without_a_traceback()
    {
        var missing = Python(_folder.File("nowhere.jsonl"));
        var badKey = Python(_export, "--checkpoint", _receipt, "--public-key", "not-a-key");

        Assert.Equal(2, missing.Exit);
        Assert.Contains("nowhere.jsonl: cannot be read", missing.Error, StringComparison.Ordinal);
        Assert.Equal(2, badKey.Exit);
        Assert.Contains("CHECKPOINT-PUBLIC-KEY", badKey.Error, StringComparison.Ordinal);
        AssertNoTraceback(missing);
        AssertNoTraceback(badKey);
    }
}
