using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using CodeLedger.X12.Workloads;

namespace CodeLedger.X12.Throughput;

/// <summary>
/// <c>x12-throughput [--size 50MB] [--kind 835|837P|both] [--file FILE] [--runs 7] [--dir DIR] [--keep] [--json]</c>.
/// Exit status: 0 every parse was clean, 1 a parse reported findings, 2 a bad option or a file
/// that cannot be read or written.
/// </summary>
internal static class X12ThroughputCommand
{
    public const int Success = 0;
    public const int Findings = 1;
    public const int UsageOrUnreadable = 2;

    /// <summary>Runs one command line, writing to <paramref name="stdout"/> and <paramref name="stderr"/>.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var parse = Build(stdout).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine($"x12-throughput: {error.Message}");
            }

            return UsageOrUnreadable;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"x12-throughput: {e.Message}");
            return UsageOrUnreadable;
        }
    }

    private static RootCommand Build(TextWriter output)
    {
        var size = new Option<string>("--size") { Description = "size of each generated file (e.g. 50MB, 1GB)", DefaultValueFactory = _ => "50MB" };
        var kind = new Option<string>("--kind") { Description = "835, 837P or both", DefaultValueFactory = _ => "both" };
        var file = new Option<FileInfo?>("--file") { Description = "parse this file instead of generating one" };
        var directory = new Option<DirectoryInfo?>("--dir") { Description = "where generated files go (default: the temp folder)" };
        var keep = new Option<bool>("--keep") { Description = "keep the generated files" };
        var runs = new Option<int>("--runs") { Description = "timed parses of each file after the warm-up; the median and the best are reported", DefaultValueFactory = _ => 7 };
        var json = new Option<bool>("--json") { Description = "print JSON instead of text" };
        var command = new RootCommand("generate X12 files of a given size (or take one), parse them into typed claims, print MB/s and peak memory");
        foreach (var option in new Option[] { size, kind, file, directory, keep, runs, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var bytes = ParseSize(parse.GetValue(size)!);
            var kinds = (parse.GetValue(kind) ?? "both").ToUpperInvariant() switch
            {
                "835" => new[] { X12FileKind.Remittance835 },
                "837P" or "837" => [X12FileKind.Claim837P],
                "BOTH" => [X12FileKind.Remittance835, X12FileKind.Claim837P],
                var other => throw new UsageException($"--kind must be 835, 837P or both, not '{other}'"),
            };
            var dir = parse.GetValue(directory)?.FullName ?? Path.GetTempPath();
            if (parse.GetValue(file) is null)
            {
                // An output folder that does not exist yet is made, as `--out` paths are elsewhere;
                // one that cannot be (a file in the way, no permission) is named, not thrown.
                if (File.Exists(dir))
                {
                    throw new UsageException($"--dir {dir}: is a file, not a folder");
                }

                try
                {
                    Directory.CreateDirectory(dir);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new UsageException($"--dir {dir}: cannot create the folder ({e.Message})");
                }
            }

            var timed = parse.GetValue(runs);
            if (timed is < 1 or > 100)
            {
                throw new UsageException($"--runs must be between 1 and 100, not {timed}");
            }

            var existing = parse.GetValue(file);
            if (existing is { Exists: false })
            {
                throw new UsageException($"--file {existing.FullName}: no such file");
            }

            var results = existing is not null
                ? [X12Throughput.Run(null, 0, existing, dir, keep: true, timed)]
                : kinds.Select(k => X12Throughput.Run(k, bytes, null, dir, parse.GetValue(keep), timed)).ToList();
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(results, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
            }
            else
            {
                var probeBest = results.SelectMany(r => r.CoreProbeMilliseconds).Min();
                if (DebugBuild())
                {
                    output.WriteLine("warning: this is a Debug build, in which the JIT does not optimise: the figures below are several times slower "
                        + "than the parser is. Measure with `dotnet run -c Release --project bench/CodeLedger.X12.Throughput`.");
                }

                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{Environment.ProcessorCount} cores, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}; parse is single-threaded; load average {LoadAverage()}"));
                foreach (var m in results)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{m.Kind,-5} {m.Bytes / 1e6,8:0.0} MB {m.Claims,9} claims  parse {m.ParseSeconds,6:0.000} s  {m.MegabytesPerSecond,7:0.0} MB/s (median of {m.Runs}; best {m.BestMegabytesPerSecond:0.0}; {m.MegabytesPerCpuSecond,6:0.0} MB per CPU-second)  peak working set during parse {m.ParsePeakWorkingSetBytes / 1e6,6:0.0} MB (process {m.ProcessPeakWorkingSetBytes / 1e6:0.0} MB)  allocated {m.AllocatedBytes / 1e6,8:0.0} MB  generated in {m.GenerateSeconds:0.0} s{(m.Clean ? string.Empty : "  (FINDINGS!)")}"));
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"      runs {string.Join(" ", m.RunMegabytesPerSecond.Select(r => r.ToString("0", CultureInfo.InvariantCulture)))} MB/s; core probe (register-only work) around them: median {m.CoreProbeMedianMilliseconds:0.0} ms, {m.CoreProbeMedianMilliseconds / probeBest:0.00}× the best this command saw ({probeBest:0.0} ms)"));
                }

                // The probe's figures mean nothing to a reader without this; see CoreProbe.
                output.WriteLine("The core probe is work only another program on the same physical core can slow. A median well above the best "
                    + "means the core was shared while the parses ran, and they slowed alike; their best run is then the nearest to a whole core. "
                    + "A steady probe well above what the core does alone (about 6.5 ms on the development VM, docs/PERFORMANCE.md) was shared throughout.");
            }

            return results.All(r => r.Clean) ? Success : Findings;
        });
        return command;
    }

    /// <summary>
    /// A Debug build marks its assemblies so that the JIT leaves code unoptimised; `dotnet run`
    /// builds Debug unless told otherwise, and its figures would pass for the parser's.
    /// </summary>
    internal static bool DebugBuild() =>
        typeof(CodeLedger.X12.X12Parser).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true
        || typeof(X12ThroughputCommand).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true;

    /// <summary>Other work on the machine lowers MB/s; the figure is printed so readers can judge.</summary>
    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    internal static long ParseSize(string text)
    {
        var t = text.Trim().ToUpperInvariant();
        var (digits, factor) = t.EndsWith("GB", StringComparison.Ordinal) ? (t[..^2], 1_000_000_000L)
            : t.EndsWith("MB", StringComparison.Ordinal) ? (t[..^2], 1_000_000L)
            : t.EndsWith("KB", StringComparison.Ordinal) ? (t[..^2], 1_000L)
            : (t, 1L);
        if (!decimal.TryParse(digits, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            throw new UsageException($"--size '{text}' is not a size like 50MB or 1GB");
        }

        return (long)(value * factor);
    }
}
