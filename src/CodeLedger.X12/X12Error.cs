namespace CodeLedger.X12;

/// <summary>
/// One finding: a stable code from <see cref="X12ErrorCodes"/>, its severity, and where it is.
/// </summary>
/// <param name="Segment">1-based position of the segment in the file (0 when the file has none).</param>
/// <param name="SegmentId">The segment the finding is about (for a missing segment: the missing one's id).</param>
/// <param name="Element">1-based element position, or null when the finding is about the whole segment.</param>
public sealed record X12Error(string Code, X12Severity Severity, long Segment, string SegmentId, int? Element, string Message)
{
    /// <summary>
    /// The implementation guide's loop the finding sits in (2010BA, 1000A, 2100…), null for the
    /// set's header and for envelope findings; a 999 names it in IK303.
    /// </summary>
    public string? Loop { get; init; }

    /// <summary>The component of <see cref="Element"/> (1-based) when the finding is about one, for IK401-2.</summary>
    public int? Component { get; init; }

    /// <summary>
    /// A copy of the bad value for IK404, kept only for code, number and date elements that are
    /// never PHI (no names, identifiers, free text or birth dates); null otherwise.
    /// </summary>
    public string? Value { get; init; }

    /// <summary>
    /// The patient control number (CLM01 / CLP01) of the claim the finding is inside, for the
    /// 999's CTX*CLM01 so the sender can find the claim; null outside a claim.
    /// </summary>
    public string? ClaimId { get; init; }
}
