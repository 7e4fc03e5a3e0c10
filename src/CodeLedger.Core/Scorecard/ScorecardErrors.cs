using CodeLedger.Core.Common;

namespace CodeLedger.Core.Scorecard;

/// <summary>Errors of the vendor scorecard and its recorded answers. Listed with their statuses in docs/ERRORS.md.</summary>
public static class ScorecardErrors
{
    /// <summary>An answer that cannot be read: a missing or malformed field (a date, an amount, a market range upside down).</summary>
    public static readonly ErrorCode AnswerInvalid = new("SCORECARD-ANSWER-INVALID", ErrorExit.Unreadable, Http.BadRequest);

    /// <summary>The vendor named is not a vendor of the practice (no BAA and no contract between them), told like an unknown code.</summary>
    public static readonly ErrorCode VendorNotOfPractice = new("SCORECARD-VENDOR-UNKNOWN", ErrorExit.Refused, Http.NotFound);
}
