namespace CodeLedger.Core.Common;

/// <summary>
/// A domain rule refused an operation. <see cref="Code"/> is stable (tests and callers match on
/// it); the message is for people.
/// </summary>
public sealed class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
