namespace CodeLedger.X12.Acknowledgments.Reading;

/// <summary>
/// One 999 transaction set as read (005010X231A1): the functional group it acknowledges (AK1),
/// a response per transaction set of that group (loop 2000), and the group's verdict (AK9).
/// </summary>
/// <param name="ControlNumber">ST02 of the 999 itself.</param>
/// <param name="FunctionalIdCode">AK101: GS01 of the acknowledged group (HC for 837 claims).</param>
/// <param name="GroupControlNumber">AK102: GS06 of the acknowledged group.</param>
/// <param name="Version">AK103: GS08 of the acknowledged group.</param>
/// <param name="GroupStatus">AK901: A, E, P (partially accepted), R, M, W or X.</param>
/// <param name="GroupErrorCodes">AK905–AK909.</param>
public sealed record Acknowledgment999(
    string ControlNumber,
    string FunctionalIdCode,
    string GroupControlNumber,
    string? Version,
    EquatableArray<SetResponse999> Sets,
    string GroupStatus,
    int SetsIncluded,
    int SetsReceived,
    int SetsAccepted,
    EquatableArray<string> GroupErrorCodes)
{
    /// <summary>True when AK901 accepts the group (A, or E: accepted with errors noted).</summary>
    public bool GroupAccepted => GroupStatus is "A" or "E";
}

/// <summary>Loop 2000: the response to one transaction set (AK2 … IK5).</summary>
/// <param name="TransactionSetId">AK201: ST01 of the acknowledged set (837, 835 …).</param>
/// <param name="ControlNumber">AK202: ST02 of the acknowledged set.</param>
/// <param name="Status">IK501: A accepted, E accepted with errors, R rejected, M, W, X (rejections).</param>
/// <param name="ErrorCodes">IK502–IK506: set-level syntax error codes.</param>
public sealed record SetResponse999(
    string TransactionSetId,
    string ControlNumber,
    string? ConventionReference,
    EquatableArray<SegmentError999> SegmentErrors,
    string Status,
    EquatableArray<string> ErrorCodes)
{
    public bool Accepted => Status is "A" or "E";

    /// <summary>Why the set was rejected or noted, one sentence per error, for a person to read (no PHI: a 999 carries none).</summary>
    public IReadOnlyList<string> Reasons() =>
        [.. ErrorCodes.Select(c => $"IK5 {c}: {X12AckCodeTexts.Set(c)}"), .. SegmentErrors.SelectMany(s => s.Reasons())];
}

/// <summary>Loop 2100: one segment in error (IK3), its element errors (IK4) and its context (CTX).</summary>
/// <param name="Position">IK302: the segment's position in the set, ST = 1.</param>
/// <param name="Loop">IK303: the guide's loop id (2010BA, 2300 …), when given.</param>
/// <param name="Code">IK304: segment syntax error code.</param>
public sealed record SegmentError999(
    string SegmentId,
    long Position,
    string? Loop,
    string Code,
    EquatableArray<Context999> Contexts,
    EquatableArray<ElementError999> Elements)
{
    public IEnumerable<string> Reasons()
    {
        var where = $"{SegmentId} at position {Position}{(Loop is null ? string.Empty : $" in loop {Loop}")}";
        var claim = Contexts.FirstOrDefault(c => c.Name == "CLM01")?.Reference;
        var of = claim is null ? string.Empty : $" (claim {claim})";
        yield return $"IK3 {Code}: {X12AckCodeTexts.Segment(Code)}: {where}{of}";
        foreach (var e in Elements)
        {
            var element = $"{SegmentId}{e.Position:00}{(e.Component is { } c ? $"-{c}" : string.Empty)}";
            yield return $"IK4 {e.Code}: {X12AckCodeTexts.Element(e.Code)}: {element}{(e.BadValue is null ? string.Empty : $" '{e.BadValue}'")}{of}";
        }
    }
}

/// <summary>IK4: one element in error.</summary>
/// <param name="Position">IK401-1: element position in the segment.</param>
/// <param name="Component">IK401-2: component position in a composite.</param>
/// <param name="Repeat">IK401-3: repetition of a repeating element.</param>
/// <param name="ReferenceNumber">IK402: the data element's dictionary number.</param>
/// <param name="Code">IK403: element syntax error code.</param>
/// <param name="BadValue">IK404: copy of the bad data, when the sender gave it.</param>
public sealed record ElementError999(int Position, int? Component, int? Repeat, string? ReferenceNumber, string Code, string? BadValue);

/// <summary>CTX: context of a segment error, such as CTX*CLM01:claim id (business unit) or a situational trigger.</summary>
/// <param name="Name">CTX01-1 (CLM01, SITUATIONAL TRIGGER …).</param>
/// <param name="Reference">CTX01-2: the value (for CLM01, the patient control number).</param>
public sealed record Context999(string Name, string? Reference, string? SegmentId, long? Position, string? Loop);

/// <summary>A TA1 as read: the interchange it acknowledges (TA101 = its ISA13), the status and the note code.</summary>
/// <param name="Status">TA104: A accepted, E accepted with errors, R rejected.</param>
/// <param name="NoteCode">TA105 (000 = no error).</param>
public sealed record InterchangeAcknowledgment(string ControlNumber, string Date, string Time, string Status, string NoteCode)
{
    public bool Accepted => Status is "A" or "E";

    public string Reason => $"TA1 {NoteCode}: {X12AckCodeTexts.Note(NoteCode)}";
}
