using System.Diagnostics;
using CodeLedger.X12.Throughput;

/// <summary>
/// Times, round after round and in the same rounds, the full parse and five workloads that each
/// lean on one part of the machine: a dependent chain of multiplications (the core's clock: one
/// operation waits for the last, so most execution units idle), eight independent streams of
/// register arithmetic (the core's execution units, no memory), loads from a table that fits the
/// core's L2, a count of the file's segment terminators (streaming reads of the input), and small
/// allocations, as many as an 837P parse of 70 MB makes (fresh memory). A spell that slows the
/// chain is the clock; one that leaves the chain alone but slows the independent arithmetic is
/// another tenant on the same physical core (a hyperthread sibling), which no change to the
/// parser can avoid; one that slows only the memory workloads is the memory system.
/// </summary>
internal static class Spells
{
    public static int Run(byte[] data, int rounds, Action parse)
    {
        // The segment terminator follows the ISA's 105 bytes (a generated file has no byte-order mark).
        var terminator = data.Length > 105 ? data[105] : (byte)'~';
        object? kept = null;
        var table = new int[1 << 16];
        var workloads = new (string Name, Action Run)[]
        {
            ("multiply chain", () =>
            {
                var x = 12345UL;
                for (var i = 0; i < 60_000_000; i++)
                {
                    x = unchecked((x * 6364136223846793005UL) + 1442695040888963407UL);
                    x ^= x >> 17;
                }

                kept = x;
            }),
            // Eight streams with no dependence between them (CoreProbe): as many operations a cycle
            // as the core's execution units give, and no memory. A sibling hyperthread on the same
            // physical core competes for those units; the chain above barely notices one.
            ("independent ALU", () => CoreProbe.Milliseconds(30_000_000)),
            ("L2 lookups", () =>
            {
                // Independent loads from a 256 KB table: it stays in this core's 512 KB L2 unless
                // something else on the core takes the cache.
                var sum = 0L;
                for (var i = 0U; i < 20_000_000U; i++)
                {
                    sum += table[(int)(unchecked(i * 2654435761U) >> 16)];
                }

                kept = sum;
            }),
            ("read input", () => kept = data.AsSpan().Count(terminator)),
            ("allocate", () =>
            {
                for (var i = 0; i < 1_300_000; i++)
                {
                    kept = new byte[40];
                }
            }),
            ("full parse", parse),
        };

        foreach (var (_, run) in workloads)
        {
            for (var i = 0; i < 3; i++)
            {
                run();
            }
        }

        var times = workloads.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < workloads.Length; i++)
            {
                var clock = Stopwatch.StartNew();
                workloads[i].Run();
                times[i].Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        GC.KeepAlive(kept);
        var parseTimes = times[^1];
        for (var i = 0; i < workloads.Length; i++)
        {
            var sorted = times[i].Order().ToList();
            var correlation = i == workloads.Length - 1 ? string.Empty : $"; correlation with the parse {Correlation(times[i], parseTimes):F2}";
            Console.WriteLine($"{workloads[i].Name,-15} min {sorted[0],7:F1} ms  median {sorted[sorted.Count / 2],7:F1}  max {sorted[^1],7:F1}  max/min {sorted[^1] / sorted[0]:F2}{correlation}");
        }

        return 0;
    }

    private static double Correlation(List<double> a, List<double> b)
    {
        double meanA = a.Average(), meanB = b.Average();
        var covariance = a.Zip(b, (x, y) => (x - meanA) * (y - meanB)).Sum();
        return covariance / Math.Sqrt(a.Sum(x => (x - meanA) * (x - meanA)) * b.Sum(y => (y - meanB) * (y - meanB)));
    }
}
