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

}
