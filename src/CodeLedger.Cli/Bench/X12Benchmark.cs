using System.Diagnostics;
using CodeLedger.X12;
using CodeLedger.X12.Generation;

namespace CodeLedger.Cli.Bench;

/// <summary>
/// Generates a file of the requested size (or takes one), parses it into typed claims on one
/// thread, and measures throughput, allocation and the process's peak working set.
/// </summary>
internal static class X12Benchmark
{
    public sealed record Measurement(string Kind, string File, long Bytes, long Claims, double GenerateSeconds, double ParseSeconds,
        double MegabytesPerSecond, double MegabytesPerCpuSecond, long ParsePeakWorkingSetBytes, long ProcessPeakWorkingSetBytes,
        long AllocatedBytes, bool Clean);

    public static Measurement Run(X12FileKind? kind, long size, FileInfo? existing, string directory, bool keep)
    {
        string path;
        var generate = 0.0;
        if (existing is null)
        {
            path = Path.Combine(directory, $"codeledger-bench-{(kind == X12FileKind.Claim837P ? "837p" : "835")}-{size}.x12");
            var clock = Stopwatch.StartNew();
            using (var output = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
            {
                X12SyntheticFile.Write(output, kind!.Value, size);
            }

            generate = clock.Elapsed.TotalSeconds;
        }
        else
        {
            path = existing.FullName;
        }

        try
        {
            // Warm up on small in-memory files, and give tiered compilation time to install the
            // optimised code in the background, so the measurement is the parser and not the JIT.
            foreach (var warmKind in new[] { X12FileKind.Claim837P, X12FileKind.Remittance835 })
            {
                var warm = new MemoryStream();
                X12SyntheticFile.Write(warm, warmKind, 2_000_000);
                for (var round = 0; round < 4; round++)
                {
                    X12Parser.Parse(warm.ToArray(), new X12ParseOptions { Sink = new CountingSink() });
                    Thread.Sleep(250);
                }
            }

            // Give back what generation and warm-up used, so the sampled peak belongs to the parse.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            using var process = Process.GetCurrentProcess();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var sampler = new WorkingSetSampler();
            var clock = Stopwatch.StartNew();
            var sink = new CountingSink();
            var result = X12Parser.Parse(path, new X12ParseOptions { Sink = sink });
            var seconds = clock.Elapsed.TotalSeconds;
            var parsePeak = sampler.Stop();
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            process.Refresh();
            var cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            var bytes = new FileInfo(path).Length;
            var name = result.Kind switch
            {
                CodeLedger.X12.Envelope.X12DocumentKind.Claim837P => "837P",
                CodeLedger.X12.Envelope.X12DocumentKind.Remittance835 => "835",
                _ => result.Kind.ToString(),
            };
            return new Measurement(name, path, bytes, result.Claims, generate, seconds, bytes / 1e6 / seconds, bytes / 1e6 / cpuSeconds, parsePeak,
                process.PeakWorkingSet64, allocated, !result.HasErrors && sink.Claims == result.Claims);
        }
        finally
        {
            if (existing is null && !keep)
            {
                File.Delete(path);
            }
        }
    }

    /// <summary>
    /// Samples the process working set every 10 ms on a background thread while the parse runs;
    /// the process-lifetime peak would also count file generation.
    /// </summary>
    private sealed class WorkingSetSampler
    {
        private readonly Thread _thread;
        private volatile bool _stop;
        private long _peak;

        public WorkingSetSampler()
        {
            _peak = Environment.WorkingSet;
            _thread = new Thread(() =>
            {
                while (!_stop)
                {
                    _peak = Math.Max(_peak, Environment.WorkingSet);
                    Thread.Sleep(10);
                }
            }) { IsBackground = true };
            _thread.Start();
        }

        public long Stop()
        {
            _stop = true;
            _thread.Join();
            return Math.Max(_peak, Environment.WorkingSet);
        }
    }

    /// <summary>Touches every claim the parser builds, so nothing is optimised away.</summary>
    private sealed class CountingSink : X12ClaimSink
    {
        public long Claims { get; private set; }

        public long Lines { get; private set; }

        public override void OnClaim837(CodeLedger.X12.Claims837.Claim837 claim)
        {
            Claims++;
            Lines += claim.Lines.Count;
        }

        public override void OnClaimPayment835(CodeLedger.X12.Remittance835.ClaimPayment835 claim)
        {
            Claims++;
            Lines += claim.Services.Count;
        }
    }
}
