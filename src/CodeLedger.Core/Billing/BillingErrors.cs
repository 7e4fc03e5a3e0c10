using CodeLedger.Core.Common;

namespace CodeLedger.Core.Billing;

/// <summary>
/// Errors of claims out: the practice's fee schedule (docs/BILLING.md). A refused file stores
/// nothing. Listed with their statuses in docs/ERRORS.md.
/// </summary>
public static class BillingErrors
{
    /// <summary>The fee schedule CSV cannot be read: wrong header, a bad line (every one named by line and field), no rows.</summary>
    public static readonly ErrorCode FeesUnreadable = new("BILLING-FEES-UNREADABLE", ErrorExit.Unreadable, Http.BadRequest);

    /// <summary>The practice already has a different fee schedule effective that day; versions are never replaced.</summary>
    public static readonly ErrorCode FeesEffectiveTaken = new("BILLING-FEES-EFFECTIVE-TAKEN", ErrorExit.Refused, Http.Conflict);

    /// <summary>A claim's submission number is outside 1..999, or a replacement or void is numbered 1, or the encounter key is empty.</summary>
    public static readonly ErrorCode ClaimSubmission = new("BILLING-CLAIM-SUBMISSION", ErrorExit.Refused, Http.UnprocessableContent);

    /// <summary>A replacement (7) or void (8) without the payer's claim control number (REF*F8), or an original with one.</summary>
    public static readonly ErrorCode ClaimControlNumber = new("BILLING-CLAIM-CONTROL-NUMBER", ErrorExit.Refused, Http.UnprocessableContent);

    /// <summary>The coding bills fractional units; a professional claim line bills whole units.</summary>
    public static readonly ErrorCode ClaimUnits = new("BILLING-CLAIM-UNITS", ErrorExit.Refused, Http.UnprocessableContent);

    /// <summary>A batch was asked to write a claim that is not ready, claims of two practices, or control numbers that are malformed or too few.</summary>
    public static readonly ErrorCode BatchRefused = new("BILLING-BATCH-REFUSED", ErrorExit.Refused, Http.UnprocessableContent);

    /// <summary>No claim with that CLM01 in the practice (or the practice's claims are out of the user's reach: the same message).</summary>
    public static readonly ErrorCode ClaimUnknown = new("BILLING-CLAIM-UNKNOWN", ErrorExit.Refused, Http.NotFound);

    /// <summary>A correction or void of a claim that never left, of a void, or of a claim a later submission already replaces or voids.</summary>
    public static readonly ErrorCode ClaimNotCorrectable = new("BILLING-CLAIM-NOT-CORRECTABLE", ErrorExit.Refused, Http.Conflict);

    /// <summary>The outbox already holds a file of that name with other bytes; it is never overwritten.</summary>
    public static readonly ErrorCode OutboxConflict = new("BILLING-OUTBOX-CONFLICT", ErrorExit.Refused, Http.Conflict);
}
