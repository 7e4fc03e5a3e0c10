using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CodeLedger.Benchmarks.Audits;

/// <summary>
/// CPU time of the whole process (every thread: the sampler's parallel hashing, the GC, the JIT),
/// from the kernel's per-process clock to the nanosecond on Linux; .NET's own figure there counts
/// in 10 ms ticks.
/// </summary>
internal static partial class ProcessCpu
{
    private const int ClockProcessCpuTime = 2;

    public static double Seconds()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ClockProcessCpuTime, out var time) == 0)
        {
            return time.Seconds + (time.Nanoseconds / 1e9);
        }

        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
