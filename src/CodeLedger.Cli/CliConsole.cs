namespace CodeLedger.Cli;

/// <summary>
/// What a command runs against: where it writes and the clock it reads. Progress bars appear only
/// when standard output is a terminal, so redirected output (files, pipes, tests) stays clean.
/// Every command takes "now" from <see cref="Time"/>, never from the wall clock, so tests run the
/// real commands on a fixed clock.
/// </summary>
internal sealed class CliConsole(TextWriter stdout, TextWriter stderr, TimeProvider? time = null)
{
    public TextWriter Out { get; } = stdout;

    public TextWriter Error { get; } = stderr;

    public TimeProvider Time { get; } = time ?? TimeProvider.System;

    public bool IsInteractive =>
        ReferenceEquals(Out, Console.Out) && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("CI") is null;
}
