namespace CodeLedger.Core.Common;

/// <summary>
/// A domain rule refused an operation. <see cref="Error"/> comes from an area's catalogue and is
/// stable (tests and callers match on <see cref="Code"/>); the message is for people and never
/// quotes PHI.
/// </summary>
public sealed class DomainException(ErrorCode error, string message) : Exception(message), ICodedError
{
    public ErrorCode Error { get; } = error;

    public string Code => Error.Value;
}
