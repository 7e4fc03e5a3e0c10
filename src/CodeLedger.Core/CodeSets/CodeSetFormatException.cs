using CodeLedger.Core.Common;

namespace CodeLedger.Core.CodeSets;

/// <summary>
/// A release file that does not follow its published layout. The whole import fails: a code set
/// with silently skipped rows would pass claims it should stop.
/// </summary>
public sealed class CodeSetFormatException : Exception, ICodedError
{
    /// <param name="line">the line at fault, or 0 when the fault is the file as a whole (a damaged archive), which names no line</param>
    public CodeSetFormatException(string file, long line, string reason)
        : base(line > 0 ? FormattableString.Invariant($"{file}, line {line}: {reason}") : $"{file}: {reason}")
    {
        File = file;
        Line = line;
        Reason = reason;
    }

    public CodeSetFormatException()
        : this(string.Empty, 0, string.Empty)
    {
    }

    public CodeSetFormatException(string message)
        : this(string.Empty, 0, message)
    {
    }

    public CodeSetFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = string.Empty;
        Reason = message;
    }

    /// <summary>Always <see cref="CodeSetErrors.Malformed"/>: the file, line and reason say the rest.</summary>
    public ErrorCode Error => CodeSetErrors.Malformed;

    public string File { get; }

    public long Line { get; }

    public string Reason { get; }
}
