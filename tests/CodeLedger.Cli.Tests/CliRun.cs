namespace CodeLedger.Cli.Tests;

/// <summary>Runs <c>codeledger</c> in-process and captures what it prints.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static CliRun Of(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = CodeLedgerCommand.Run(args, stdout, stderr, TestClock.Create());
        return new CliRun(exit, stdout.ToString(), stderr.ToString());
    }

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Out}\nstderr:\n{Error}";
}
