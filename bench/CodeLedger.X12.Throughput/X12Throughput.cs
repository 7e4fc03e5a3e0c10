using System.Diagnostics;
using CodeLedger.X12.Workloads;

namespace CodeLedger.X12.Throughput;

/// <summary>
/// Generates a file of the requested size (or takes one), parses it into typed claims on one
/// thread, and measures throughput, allocation and the process's peak working set.
/// </summary>
internal static class X12Throughput
{
    /// <summary>
    /// One file's figures. ParseSeconds and MegabytesPerSecond are the median of the timed runs
    /// (BestMegabytesPerSecond the fastest); MegabytesPerCpuSecond is that run's CPU time, which
    /// also counts the runtime's own threads; the peak working set is the highest sampled in any run.
    /// RunMegabytesPerSecond lists every run in order. CoreProbeMilliseconds are the timings of
    /// <see cref="CoreProbe"/>, three after each warm-up round, before each run and after the last:
    /// a median well above the best the machine gives means the core was shared while the parses
    /// ran. A steady probe proves nothing by itself (the core may have been shared throughout), so
    /// its best is compared with the best the whole command saw, across files. OptimizedBuild is
    /// false for a Debug build, whose figures are not the parser's speed.
    /// </summary>
    public sealed record Measurement(string Kind, string File, long Bytes, long Claims, int Runs, double GenerateSeconds, double ParseSeconds,
        double MegabytesPerSecond, double BestMegabytesPerSecond, double MegabytesPerCpuSecond, long ParsePeakWorkingSetBytes,
        long ProcessPeakWorkingSetBytes, long AllocatedBytes, bool Clean, IReadOnlyList<double> RunMegabytesPerSecond,
        IReadOnlyList<double> CoreProbeMilliseconds, bool OptimizedBuild)
    {
        public double CoreProbeMedianMilliseconds => CoreProbeMilliseconds.Order().ElementAt(CoreProbeMilliseconds.Count / 2);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The error that stopped the write is the one worth reporting.
        }
    }

    public static Measurement Run(X12FileKind? kind, long size, FileInfo? existing, string directory, bool keep, int runs)
    {
        string path;
        var generate = 0.0;
        if (existing is null)
        {
            path = Path.Combine(directory, $"codeledger-bench-{(kind == X12FileKind.Claim837P ? "837p" : "835")}-{size}.x12");
            var clock = Stopwatch.StartNew();
            try
            {
                using var output = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
                X12SyntheticFile.Write(output, kind!.Value, size, X12SyntheticFile.BenchmarkSeed);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A full disk or a read-only folder: no half-written file is left behind.
                TryDelete(path);
                throw new UsageException($"{path}: cannot write the generated file ({e.Message})");
            }

            generate = clock.Elapsed.TotalSeconds;
        }
        else
        {
            path = existing.FullName;
        }

        try
        {
            // Warm up until the parser runs its final code: tiered compilation optimises a method
            // only after many calls (and with profile data), so a few small files are not enough.
            // The first 20 MB of the file itself, three times, read as a stream like the timed runs
            // (so memory stays what the parse needs), leaves the runs measuring the parser, not the JIT.
            var bytes = new FileInfo(path).Length;
            var probes = new List<double>();
            for (var round = 0; round < 3; round++)
            {
                using var prefix = new PrefixStream(File.OpenRead(path), 20_000_000);
                X12Parser.Parse(prefix, new X12ParseOptions { Sink = new CountingSink() });
                Thread.Sleep(100);
                Probe(probes);
            }

            var timings = new List<(double Seconds, double CpuSeconds, long Allocated)>();
            long parsePeak = 0;
            X12ParseResult? result = null;
            var clean = true;
            using var process = Process.GetCurrentProcess();
            for (var run = 0; run < runs; run++)
            {
                // Before the first run, give back what generation and warm-up used, so the sampled
                // peak belongs to the parse. Later runs only collect: decommitting again would make
                // each run fault its memory back in, which a parser running in a service never does.
                if (run == 0)
                {
                    GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                }
                else
                {
                    GC.Collect();
                }

                Probe(probes);
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var sampler = new WorkingSetSampler();
                var clock = Stopwatch.StartNew();
                var sink = new CountingSink();
                result = X12Parser.Parse(path, new X12ParseOptions { Sink = sink });
                var seconds = clock.Elapsed.TotalSeconds;
                parsePeak = Math.Max(parsePeak, sampler.Stop());
                var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
                process.Refresh();
                timings.Add((seconds, (process.TotalProcessorTime - cpuBefore).TotalSeconds, allocated));
                clean &= !result.HasErrors && sink.Claims == result.Claims;
            }

            Probe(probes);
            var ordered = timings.OrderBy(t => t.Seconds).ToList();
            var median = ordered[ordered.Count / 2];
            var name = result!.Kind switch
            {
                Envelope.X12DocumentKind.Claim837P => "837P",
                Envelope.X12DocumentKind.Remittance835 => "835",
                _ => result.Kind.ToString(),
            };
            return new Measurement(name, path, bytes, result.Claims, runs, generate, median.Seconds, bytes / 1e6 / median.Seconds,
                bytes / 1e6 / ordered[0].Seconds, bytes / 1e6 / median.CpuSeconds, parsePeak, process.PeakWorkingSet64, median.Allocated, clean,
                timings.Select(t => bytes / 1e6 / t.Seconds).ToList(), probes, !X12ThroughputCommand.DebugBuild());
        }
        finally
        {
            if (existing is null && !keep)
            {
                File.Delete(path);
            }
        }
    }

    private static void Probe(List<double> probes)
    {
        for (var i = 0; i < 3; i++)
        {
            probes.Add(CoreProbe.Milliseconds());
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

    /// <summary>The first bytes of a stream: the warm-up parses a file's head (its end is reported as truncated, which does not matter there).</summary>
    private sealed class PrefixStream(Stream inner, long limit) : Stream
    {
        private long _left = limit;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, (int)Math.Min(count, _left));
            _left -= read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
