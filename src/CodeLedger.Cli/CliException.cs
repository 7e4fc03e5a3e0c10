namespace CodeLedger.Cli;

/// <summary>A refusal the command line reports as one line and an exit status, never as a stack trace.</summary>
internal sealed class CliException(string message, int exitCode = ExitCodes.UsageOrUnreadable) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
