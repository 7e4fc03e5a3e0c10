namespace CodeLedger.X12.ClaimStatus277;

/// <summary>
/// One 277CA transaction set as read (005010X214, the health care claim acknowledgment): the
/// payer or clearinghouse that answered (2100A), and its verdict on each claim it received (loop
/// 2200D under the billing provider's 2000C). Patient names and member ids (2100D) are never kept:
/// a claim is named by its CLM01, which TRN02 of 2200D echoes.
/// </summary>
/// <param name="ControlNumber">ST02 of the 277CA itself.</param>
/// <param name="SourceName">2100A NM103: the payer's or clearinghouse's name.</param>
/// <param name="SourceId">2100A NM109: its id (payer id, ETIN or federal tax id).</param>
/// <param name="ReceiverStatuses">2200B STC: the answer to the whole batch the receiver sent.</param>
public sealed record ClaimAcknowledgment277(
    string ControlNumber,
    string? SourceName,
    string? SourceId,
    EquatableArray<StatusInformation277> ReceiverStatuses,
    EquatableArray<ClaimStatus277> Claims);

/// <summary>
/// Loop 2200D: one claim's acknowledgment. The claim is accepted when every STC accepts it
/// (STC03 WQ and an acknowledgment category that admits it, A1 A2 A5 or A0 forwarded), rejected
/// when any STC rejects it (STC03 U, or A3 A4 A6 A7 A8, E0–E4, R*; <see cref="ClaimStatusCodes"/>).
/// </summary>
/// <param name="ClaimId">TRN02: the claim's CLM01 (patient control number) as it was sent.</param>
/// <param name="PayerClaimControlNumber">REF*1K: the payer's claim control number, on an accepted claim.</param>
/// <param name="ClearinghouseTraceNumber">REF*D9: the clearinghouse's trace number, when an intermediary sent it.</param>
/// <param name="Position">The TRN segment's position in the set (ST = 1), for findings.</param>
public sealed record ClaimStatus277(
    string ClaimId,
    string? PayerClaimControlNumber,
    string? ClearinghouseTraceNumber,
    EquatableArray<StatusInformation277> Statuses,
    EquatableArray<LineStatus277> Lines,
    long Position)
{
    /// <summary>True when at least one STC answers and none rejects, at claim or line level.</summary>
    public bool Accepted => Statuses.Count > 0 && !Statuses.Any(s => s.Rejects) && !Lines.Any(l => l.Statuses.Any(s => s.Rejects));

    /// <summary>Why the claim was rejected (or what was noted), one sentence per status code, no PHI.</summary>
    public IReadOnlyList<string> Reasons() =>
        [.. Statuses.SelectMany(s => s.Reasons()), .. Lines.SelectMany(l => l.Statuses.SelectMany(s => s.Reasons().Select(r => $"line {l.Describe()}: {r}")))];
}

/// <summary>Loop 2220D: a service line's own status (SVC, STC, REF*FJ), sent when the payer answers a line apart from its claim.</summary>
/// <param name="Procedure">SVC01-2: the procedure code of the line, as sent.</param>
/// <param name="LineItemControlNumber">REF*FJ: the line item control number (REF*6R of the 837P).</param>
public sealed record LineStatus277(string? Procedure, string? LineItemControlNumber, EquatableArray<StatusInformation277> Statuses)
{
    public string Describe() => ClaimStatusCodes.Clip(LineItemControlNumber ?? Procedure ?? "?");
}

/// <summary>
/// An STC segment: up to three status codes (STC01, STC10, STC11), each a category (code source
/// 507), a status (code source 508) and the entity it concerns; the date (STC02) and the action
/// code (STC03: WQ accept, U reject).
/// </summary>
public sealed record StatusInformation277(EquatableArray<StatusCode277> Codes, string? Date, string? Action)
{
    /// <summary>STC03 U, or any code whose category rejects the claim.</summary>
    public bool Rejects => Action == "U" || Codes.Any(c => ClaimStatusCodes.Rejects(c.Category));

    public IEnumerable<string> Reasons() => Codes.Select(c => c.Describe());
}

/// <summary>One STC01/STC10/STC11 composite: category, status code and (optionally) the entity identifier code.</summary>
public sealed record StatusCode277(string Category, string Code, string? Entity)
{
    /// <summary>"A7:562:85 rejected for invalid information: entity's National Provider Identifier (NPI) (billing provider)".</summary>
    public string Describe() =>
        $"STC {ClaimStatusCodes.Clip(Category)}:{ClaimStatusCodes.Clip(Code)}{(Entity is null ? string.Empty : ":" + ClaimStatusCodes.Clip(Entity))} {ClaimStatusCodes.Category(Category)}: {ClaimStatusCodes.Status(Code)}"
        + (Entity is null ? string.Empty : $" ({ClaimStatusCodes.Entity(Entity)})");
}
