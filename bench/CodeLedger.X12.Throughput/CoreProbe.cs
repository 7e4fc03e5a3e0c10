using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace CodeLedger.X12.Throughput;

/// <summary>
/// Times a fixed piece of register-only work: eight independent streams of shifts, xors and adds,
/// with no memory access and nothing a parser could do better or worse. Only other work on the
/// same physical core slows it (a hyperthread sibling running another tenant takes the core's
/// execution units), so its spread between the timed parses says how much of a core the parses
/// had: on the shared development VM it ran at a median 1.4–1.7× its best while a dependent chain
/// of multiplications, which leaves most units idle, stayed within 3 % (docs/PERFORMANCE-HISTORY.md, X12 round 8).
/// </summary>
internal static class CoreProbe
{
    /// <summary>One timing in milliseconds (the default is about 6.5 ms on a whole core of the development VM).</summary>
    public static double Milliseconds(int iterations = 3_000_000)
    {
        var clock = Stopwatch.StartNew();
        var checksum = Work(iterations);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        GC.KeepAlive(checksum);
        return elapsed;
    }

    // Fully optimised from the first call: tiered compilation would time unoptimised code first
    // and swap it mid-series.
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static ulong Work(int iterations)
    {
        ulong a = 1, b = 2, c = 3, d = 4, e = 5, f = 6, g = 7, h = 8;
        for (var i = 0; i < iterations; i++)
        {
            a = unchecked((a ^ (a << 7)) + 0x9E37UL);
            b = unchecked((b ^ (b << 9)) + 0x7F4AUL);
            c = unchecked((c ^ (c >> 5)) + 0x1B87UL);
            d = unchecked((d ^ (d << 3)) + 0x3C6EUL);
            e = unchecked((e ^ (e >> 11)) + 0x5BD1UL);
            f = unchecked((f ^ (f << 13)) + 0xA54FUL);
            g = unchecked((g ^ (g >> 7)) + 0x510EUL);
            h = unchecked((h ^ (h << 5)) + 0x9B05UL);
        }

        return a ^ b ^ c ^ d ^ e ^ f ^ g ^ h;
    }
}
