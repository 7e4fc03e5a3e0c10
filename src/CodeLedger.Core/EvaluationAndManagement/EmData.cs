namespace CodeLedger.Core.EvaluationAndManagement;

/// <summary>
/// MDM element 2, amount and complexity of data. Counts are unique items: each unique source of
/// external notes, each unique test reviewed, each unique test ordered (an ordered test includes
/// the review of its result, so it is counted once, as ordered).
/// </summary>
public sealed record EmData(
    int ExternalNotes,
    int TestsReviewed,
    int TestsOrdered,
    bool IndependentHistorian,
    bool IndependentInterpretation,
    bool ExternalDiscussion)
{
    public static EmData None { get; } = new(0, 0, 0, false, false, false);
}
