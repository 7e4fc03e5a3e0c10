namespace CodeLedger.Core.EvaluationAndManagement;

/// <summary>E/M input that does not follow the documented JSON: unknown fields or kinds are named, never ignored.</summary>
public sealed class EmInputException : Exception
{
    public EmInputException(IReadOnlyList<string> problems)
        : base(string.Join("; ", problems)) => Problems = problems;

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

    public IReadOnlyList<string> Problems { get; }
}
