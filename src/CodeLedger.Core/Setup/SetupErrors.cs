using CodeLedger.Core.Common;

namespace CodeLedger.Core.Setup;

/// <summary>Errors about setup files and the daily setup commands. Listed with their statuses in docs/ERRORS.md.</summary>
public static class SetupErrors
{
    /// <summary>A setup file that is not JSON or YAML at all (a syntax error, with its line and column), or cannot be opened.</summary>
    public static readonly ErrorCode Unreadable = new("SETUP-UNREADABLE", ErrorExit.Unreadable, Http.BadRequest);

    /// <summary>A setup file with fields that are missing, unknown or invalid; every one is listed with its path. Nothing was stored.</summary>
    public static readonly ErrorCode Invalid = new("SETUP-INVALID", ErrorExit.Refused, Http.UnprocessableContent);

    /// <summary>
    /// A file that would rewrite history: a signed contract or BAA edited in place, an organization,
    /// agreement or contract removed, a physician moved to another practice. Nothing was stored.
    /// </summary>
    public static readonly ErrorCode Conflict = new("SETUP-CONFLICT", ErrorExit.Refused, Http.Conflict);
}

/// <summary>A setup refused whole, with every problem found, each as "path: what is wrong".</summary>
public sealed class SetupRefusedException(ErrorCode error, IReadOnlyList<string> problems)
    : Exception(Describe(problems)), ICodedError
{
    public ErrorCode Error { get; } = error;

    public IReadOnlyList<string> Problems { get; } = problems;

    private static string Describe(IReadOnlyList<string> problems) =>
        problems.Count == 1 ? problems[0] : $"{problems.Count} problems, nothing stored:\n  " + string.Join("\n  ", problems);
}
