using System.Diagnostics;
using System.Security.Cryptography;
using CodeLedger.Testing;

namespace CodeLedger.Cli.Tests.Foundation;

public class LedgerCommandTests
{
    /// <summary>A demo run of its own: for the test of what two runs produce; the others copy one built once.</summary>
    private static CliRun Demo(TempFolder folder, string name, int seed = 7, int encounters = 60) =>
        CliRun.Of("demo", "--db", folder.File(name + ".db"), "--out", folder.File(name), "--encounters", encounters.ToString(), "--seed", seed.ToString());

    [Fact]
    public void Demo_then_ledger_verify_prints_OK()
    {
        using var folder = new TempFolder();
        DemoTemplates.Copy(folder, encounters: 60, seed: 7, name: "a");

        var verify = CliRun.Of("ledger", "verify", "--db", folder.File("a.db"));
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.StartsWith("OK: ", verify.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_demo_runs_with_one_seed_produce_identical_ledger_exports()
    {
        using var folder = new TempFolder();
        Assert.Equal(0, Demo(folder, "first").ExitCode);
        Assert.Equal(0, Demo(folder, "second").ExitCode);
        Assert.Equal(0, Demo(folder, "other", seed: 8).ExitCode);

        var first = File.ReadAllBytes(Path.Combine(folder.File("first"), "ledger.jsonl"));
        Assert.Equal(first, File.ReadAllBytes(Path.Combine(folder.File("second"), "ledger.jsonl")));
        Assert.NotEqual(first, File.ReadAllBytes(Path.Combine(folder.File("other"), "ledger.jsonl")));
    }

    [Fact]
    public void Export_verifies_without_the_database_and_an_edited_line_is_named()
    {
        using var folder = new TempFolder();
        DemoTemplates.Copy(folder, encounters: 60, seed: 7, name: "a");
        var export = folder.File("export.jsonl");
        var run = CliRun.Of("ledger", "export", "--db", folder.File("a.db"), "--out", export);
        Assert.True(run.ExitCode == 0, run.ToString());
        File.Delete(folder.File("a.db"));

        Assert.Equal(0, CliRun.Of("ledger", "verify", "--file", export).ExitCode);

        var lines = File.ReadAllLines(export);
        lines[9] = lines[9].Replace("\"actor\":\"", "\"actor\":\"x", StringComparison.Ordinal);
        File.WriteAllLines(export, lines);
        var broken = CliRun.Of("ledger", "verify", "--file", export);
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("sequence 10 (line 10)", broken.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_export_names_the_line()
    {
        using var folder = new TempFolder();
        DemoTemplates.Copy(folder, encounters: 60, seed: 7, name: "a");
        var export = Path.Combine(folder.File("a"), "ledger.jsonl");
        var text = File.ReadAllText(export);
        File.WriteAllText(export, text[..(text.Length / 2)]);
        var lastLine = File.ReadAllLines(export).Length;

        var broken = CliRun.Of("ledger", "verify", "--file", export);
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains($"(line {lastLine})", broken.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_documented_python_verifier_agrees_with_codeledger()
    {
        var python = new[] { "/usr/bin/python3", "/usr/local/bin/python3" }.FirstOrDefault(File.Exists);
        Assert.SkipWhen(python is null, "python3 is not installed: the independent verifier cannot run");
        using var folder = new TempFolder();
        DemoTemplates.Copy(folder, encounters: 60, seed: 7, name: "a");
        var export = Path.Combine(folder.File("a"), "ledger.jsonl");
        var ours = CliRun.Of("ledger", "verify", "--file", export);

        var psi = new ProcessStartInfo(python!, [Path.Combine(RepoPaths.Root, "docs", "verify_ledger.py"), export]) { RedirectStandardOutput = true };
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        var head = ours.Out.Split("head ")[1].Trim();
        Assert.Contains(head, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_of_a_missing_export_is_a_usage_error() =>
        Assert.Equal(2, CliRun.Of("ledger", "verify", "--file", "/nonexistent/ledger.jsonl").ExitCode);

    internal static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
