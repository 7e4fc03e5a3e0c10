namespace CodeLedger.X12.Envelope;

/// <summary>One functional group as read, with its transaction sets and group-level errors.</summary>
public sealed class X12GroupSummary(X12GroupHeader header)
{
    public X12GroupHeader Header { get; } = header;

    public List<X12TransactionSummary> Transactions { get; } = [];

    public List<X12Error> Errors { get; } = [];
}
