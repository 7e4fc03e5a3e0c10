namespace CodeLedger.Core.Common;

/// <summary>The two exit statuses an error can have (README, "Command reference").</summary>
public static class ErrorExit
{
    /// <summary>A rule refused the operation, or a check found problems. Nothing was changed.</summary>
    public const int Refused = 1;

    /// <summary>The input could not be read (malformed, unsupported), or the database cannot be used.</summary>
    public const int Unreadable = 2;
}
