using CodeLedger.Core.Common;

namespace CodeLedger.Core.EvaluationAndManagement;

/// <summary>E/M input that does not follow the documented JSON: unknown fields or kinds are named, never ignored.</summary>
public sealed class EmInputException : Exception, ICodedError
{
    public EmInputException(IReadOnlyList<string> problems)
        : base(StrictJson.Join(problems)) => Problems = problems;

    public EmInputException()
        : this([])
    {
    }

    public EmInputException(string message)
        : this([message])
    {
    }

    public EmInputException(string message, Exception innerException)
        : base(message, innerException) => Problems = [message];

    /// <summary>Always <see cref="EmErrors.InputInvalid"/>; <see cref="Problems"/> names every bad field.</summary>
    public ErrorCode Error => EmErrors.InputInvalid;

    public IReadOnlyList<string> Problems { get; }
}
