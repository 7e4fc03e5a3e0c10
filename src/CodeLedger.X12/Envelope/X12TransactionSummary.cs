namespace CodeLedger.X12.Envelope;

/// <summary>
/// What a 999 needs to know of one transaction set: ST01, ST02, ST03 and the errors found inside
/// it (with their position counted from ST = 1, as IK302 wants).
/// </summary>
public sealed class X12TransactionSummary(string transactionSetId, string controlNumber, string? conventionReference, long startSegment)
{
    public string TransactionSetId { get; } = transactionSetId;

    public string ControlNumber { get; } = controlNumber;

    public string? ConventionReference { get; } = conventionReference;

    /// <summary>File position of the ST segment.</summary>
    public long StartSegment { get; } = startSegment;

    public List<X12Error> Errors { get; } = [];

    public bool Rejected => Errors.Exists(e => e.Severity == X12Severity.Error);
}
