namespace CodeLedger.Cli;

/// <summary>
/// Where a command writes. Progress bars appear only when standard output is a terminal, so
/// redirected output (files, pipes, tests) stays clean.
/// </summary>
internal sealed class CliConsole(TextWriter stdout, TextWriter stderr)
{
    public TextWriter Out { get; } = stdout;

    public TextWriter Error { get; } = stderr;

    public bool IsInteractive =>
        ReferenceEquals(Out, Console.Out) && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("CI") is null;
}
