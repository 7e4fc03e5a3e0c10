namespace CodeLedger.Cli;

/// <summary>The exit status every command keeps (ARCHITECTURE.md, "The command line").</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The check found problems: invalid file, failed edits, broken ledger.</summary>
    public const int CheckFailed = 1;

    /// <summary>Usage error or unreadable input.</summary>
    public const int UsageOrUnreadable = 2;
}
