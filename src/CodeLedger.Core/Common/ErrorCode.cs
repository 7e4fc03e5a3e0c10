namespace CodeLedger.Core.Common;

/// <summary>
/// A stable error code and the two statuses it always maps to: the command line's exit status and
/// the web host's HTTP status. Codes live in one catalogue per area (<c>QueryErrors</c>,
/// <c>IntakeErrors</c>...), never inline; docs/ERRORS.md lists every one with both statuses, and a
/// test keeps the two in step. Scripts and tests match <see cref="Value"/>, never messages.
/// </summary>
public sealed record ErrorCode
{
    public ErrorCode(string value, int exitStatus, int httpStatus)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Any(c => !(char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '-')))
        {
            throw new ArgumentException($"error code '{value}' is not upper-case letters, digits and hyphens", nameof(value));
        }

        if (exitStatus is not (ErrorExit.Refused or ErrorExit.Unreadable))
        {
            throw new ArgumentOutOfRangeException(nameof(exitStatus), exitStatus, "an error exits 1 (refused) or 2 (unreadable input)");
        }

        if (httpStatus is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(httpStatus), httpStatus, "an error's HTTP status is 4xx or 5xx");
        }

        Value = value;
        ExitStatus = exitStatus;
        HttpStatus = httpStatus;
    }

    /// <summary>The code itself, e.g. <c>QUERY-EXPIRED</c>.</summary>
    public string Value { get; }

    /// <summary>1 when a rule refused the operation; 2 when the input could not be read or the store cannot be used.</summary>
    public int ExitStatus { get; }

    public int HttpStatus { get; }

    public override string ToString() => Value;
}
