namespace CodeLedger.X12;

/// <summary>
/// One finding: a stable code from <see cref="X12ErrorCodes"/>, its severity, and where it is.
/// </summary>
/// <param name="Segment">1-based position of the segment in the file (0 when the file has none).</param>
/// <param name="SegmentId">The segment the finding is about (for a missing segment: the missing one's id).</param>
/// <param name="Element">1-based element position, or null when the finding is about the whole segment.</param>
public sealed record X12Error(string Code, X12Severity Severity, long Segment, string SegmentId, int? Element, string Message);
