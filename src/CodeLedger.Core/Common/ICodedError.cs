namespace CodeLedger.Core.Common;

/// <summary>
/// An exception that carries a catalogued <see cref="ErrorCode"/>, so the command line and the web
/// host turn every refusal into the same one line or ProblemDetails without knowing its type.
/// </summary>
public interface ICodedError
{
    ErrorCode Error { get; }

    string Message { get; }
}
