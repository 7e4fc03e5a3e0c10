using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace CodeLedger.X12.Throughput.Tests;

public class X12ThroughputCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("codeledger-x12-throughput-");

    public void Dispose()
    {
        _dir.Delete(recursive: true);
        GC.SuppressFinalize(this);
    }

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = X12ThroughputCommand.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    [Fact]
    public void Names_a_missing_file_and_runs_nothing()
    {
        var missing = Path.Combine(_dir.FullName, "nowhere.x12");
        var (exit, _, error) = Run("--file", missing);
        Assert.Equal(2, exit);
        Assert.Contains($"--file {missing}: no such file", error);
    }

    [Fact]
    public void Makes_a_missing_output_folder()
    {
        var folder = Path.Combine(_dir.FullName, "new", "folder");
        var (exit, output, _) = Run("--size", "100KB", "--kind", "837P", "--dir", folder, "--keep", "--runs", "1", "--json");
        Assert.Equal(0, exit);
        Assert.True(File.Exists(Json(output)[0].GetProperty("file").GetString()));
        Assert.StartsWith(folder, Json(output)[0].GetProperty("file").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Names_an_output_folder_that_is_a_file()
    {
        var blocker = Write("blocker", "not a folder");
        var (exit, _, error) = Run("--size", "100KB", "--kind", "835", "--dir", blocker);
        Assert.Equal(2, exit);
        Assert.Contains($"--dir {blocker}: is a file, not a folder", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_a_generated_file_it_cannot_write()
    {
        // /proc exists but takes no new files, even for root (as CI runs).
        Assert.SkipUnless(OperatingSystem.IsLinux(), "needs /proc, a folder no user can write to");
        var (exit, _, error) = Run("--size", "100KB", "--kind", "835", "--dir", "/proc");
        Assert.Equal(2, exit);
        Assert.Contains("/proc/codeledger-bench-835-100000.x12: cannot write the generated file", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parses_a_generated_file_and_reports_throughput()
    {
        var (exit, output, _) = Run("--size", "300KB", "--kind", "835", "--dir", _dir.FullName, "--json");
        Assert.Equal(0, exit);
        var measurement = Json(output)[0];
        Assert.Equal("835", measurement.GetProperty("kind").GetString());
        Assert.True(measurement.GetProperty("bytes").GetInt64() >= 290_000);
        Assert.True(measurement.GetProperty("claims").GetInt64() > 500);
        Assert.True(measurement.GetProperty("clean").GetBoolean());
    }

    [Fact]
    public void Lists_every_run_and_the_core_probe_around_them()
    {
        var (exit, output, _) = Run("--size", "200KB", "--kind", "837P", "--dir", _dir.FullName, "--runs", "4", "--json");
        Assert.Equal(0, exit);
        var measurement = Json(output)[0];
        var runs = measurement.GetProperty("runMegabytesPerSecond").EnumerateArray().Select(r => r.GetDouble()).ToList();
        Assert.Equal(4, runs.Count);
        Assert.Equal(runs.Max(), measurement.GetProperty("bestMegabytesPerSecond").GetDouble(), 6);
        Assert.Equal(runs.OrderDescending().ElementAt(2), measurement.GetProperty("megabytesPerSecond").GetDouble(), 6);
        var probes = measurement.GetProperty("coreProbeMilliseconds").EnumerateArray().Select(p => p.GetDouble()).ToList();

        // Three after each of the three warm-up rounds, three before each run and three after the last.
        Assert.Equal(9 + (3 * 4) + 3, probes.Count);
        Assert.All(probes, p => Assert.True(p > 0));
        Assert.Equal(probes.Order().ElementAt(probes.Count / 2), measurement.GetProperty("coreProbeMedianMilliseconds").GetDouble(), 6);
    }

    [Fact]
    public void Prints_the_runs_and_the_core_probe_under_each_file()
    {
        var (exit, output, _) = Run("--size", "100KB", "--kind", "835", "--dir", _dir.FullName, "--runs", "2");
        Assert.Equal(0, exit);
        Assert.Contains("(median of 2; best ", output, StringComparison.Ordinal);
        Assert.Matches(@"runs \d+ \d+ MB/s; core probe \(register-only work\) around them: median \d+\.\d ms, \d+\.\d\d× the best this command saw \(\d+\.\d ms\)", output);
        Assert.Contains("A median well above the best means the core was shared", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Warns_when_the_parser_was_built_without_optimisation()
    {
        // Tests usually run a Debug build, so this takes the warning's path; a Release run checks its absence.
        var debug = typeof(CodeLedger.X12.X12Parser).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true;
        var (exit, output, _) = Run("--size", "100KB", "--kind", "835", "--dir", _dir.FullName, "--runs", "1");
        Assert.Equal(0, exit);
        Assert.Equal(debug, output.Contains("warning: this is a Debug build", StringComparison.Ordinal));
        var (_, json, _) = Run("--size", "100KB", "--kind", "835", "--dir", _dir.FullName, "--runs", "1", "--json");
        Assert.Equal(!debug, Json(json)[0].GetProperty("optimizedBuild").GetBoolean());
    }
}
