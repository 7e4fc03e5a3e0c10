using Microsoft.Extensions.Time.Testing;

namespace CodeLedger.Cli.Tests;

/// <summary>
/// The clock every CLI test runs the real commands on: a fixed Wednesday afternoon, so no test
/// depends on today's date, the weekday or the month it happens to run in.
/// </summary>
internal static class TestClock
{
    public static readonly DateTimeOffset Now = new(2026, 10, 14, 15, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Create() => new(Now);
}
