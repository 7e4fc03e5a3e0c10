using CodeLedger.Core.Common;

namespace CodeLedger.Core.Remittances;

/// <summary>Errors of 835 posting (docs/REMITTANCE.md). Listed with their statuses in docs/ERRORS.md. Messages name the transaction set, the CLP/SVC/PLB position and the element, never a patient.</summary>
public static class RemittanceErrors
{
    /// <summary>An 835 whose service, claim or transaction totals do not balance (FACTS §4.3), posted only when the user accepts it unbalanced.</summary>
    public static readonly ErrorCode Unbalanced = new("REMIT-UNBALANCED", ErrorExit.Refused, Http.UnprocessableContent);

    /// <summary>An 835 without the TRN02 trace number or a payer id (TRN03 or N1*PR): the payment cannot be identified, so it cannot be posted once and only once.</summary>
    public static readonly ErrorCode NoPaymentKey = new("REMIT-NO-PAYMENT-KEY", ErrorExit.Unreadable, Http.BadRequest);

    /// <summary>A payment key (payer id, trace number) already posted with a different total: one trace number cannot name two payments.</summary>
    public static readonly ErrorCode TraceConflict = new("REMIT-TRACE-CONFLICT", ErrorExit.Refused, Http.Conflict);

    /// <summary>A reversal (CLP02 22) that undoes no posting CodeLedger knows: same claim and the reversed amounts.</summary>
    public static readonly ErrorCode ReversalUnknown = new("REMIT-REVERSAL-UNKNOWN", ErrorExit.Refused, Http.UnprocessableContent);

    /// <summary>A hand match of an unmatched claim payment to a claim of another practice or payer, or a claim the payment cannot fit (its lines).</summary>
    public static readonly ErrorCode MatchInvalid = new("REMIT-MATCH-INVALID", ErrorExit.Refused, Http.UnprocessableContent);

    /// <summary>A file that is not a readable 005010 835, or has any X12 error (segment, loop and element named): nothing is posted.</summary>
    public static readonly ErrorCode Unreadable = new("REMIT-UNREADABLE", ErrorExit.Unreadable, Http.BadRequest);

    /// <summary>An unmatched claim payment named by <c>remits match</c> (payment key and CLP01) that is not in the practice's queue, or a claim the practice does not have.</summary>
    public static readonly ErrorCode NotFound = new("REMIT-NOT-FOUND", ErrorExit.Refused, Http.NotFound);

    /// <summary>The known claims handed to the poster hold an empty claim id or the same claim id twice.</summary>
    public static readonly ErrorCode ClaimInvalid = new("REMIT-CLAIM-INVALID", ErrorExit.Refused, Http.BadRequest);
}
