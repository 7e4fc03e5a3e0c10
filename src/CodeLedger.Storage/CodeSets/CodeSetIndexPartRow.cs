namespace CodeLedger.Storage.CodeSets;

/// <summary>
/// One part of a release's index (<see cref="Core.CodeSets.CodeSetIndexParts"/>): the NCCI PTP
/// rows of a run of column 1 codes, read only when a lookup needs one of them. Trusted only
/// through its index: the main index (<see cref="CodeSetIndexRow"/>, checked against its own
/// SHA-256) lists the SHA-256 of every part, and a part that does not hash to its entry is never
/// read; its release is parsed again and the index rewritten. Derived data like the index.
/// </summary>
public sealed class CodeSetIndexPartRow
{
    public long Id { get; init; }

    public required long ReleaseId { get; init; }

    /// <summary>The layout version, as the main index's.</summary>
    public required int Format { get; init; }

    /// <summary>The part's number, from 0 in the order of the codes.</summary>
    public required int Part { get; init; }

    public required byte[] Content { get; init; }
}
