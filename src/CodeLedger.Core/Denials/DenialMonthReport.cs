namespace CodeLedger.Core.Denials;

/// <summary>
/// The denial and AR figures of one practice and month (docs/REMITTANCE.md, "Figures", which
/// defines every numerator and denominator). Rates are fractions (0.125 = 12.5 %), null when their
/// denominator is zero.
/// </summary>
public sealed record DenialMonthReport(
    string Practice,
    string Month,
    DateOnly AsOf,
    int AdjudicatedClaims,
    decimal AdjudicatedCharges,
    int DeniedClaims,
    decimal DeniedDollars,
    decimal? ClaimDenialRate,
    decimal? DollarDenialRate,
    IReadOnlyList<DenialCount> ByRootCause,
    IReadOnlyList<DenialCount> ByCarc,
    IReadOnlyList<DenialCount> ByRarc,
    int DuplicateClaims,
    decimal DuplicateDollars,
    int SubmittedClaims,
    int CleanClaims,
    decimal? CleanClaimRate,
    int FirstAdjudicatedClaims,
    int FirstPassClaims,
    decimal? FirstPassRate,
    DaysToPayment FromService,
    DaysToPayment FromSubmission,
    IReadOnlyList<AgingRow> Aging);

/// <summary>Claims and dollars denied under one key (a root cause, a CARC or a RARC).</summary>
public sealed record DenialCount(string Key, int Claims, decimal Dollars);

/// <summary>Days to the first payment of the claims first paid in the month: how many, mean and median (null when none).</summary>
public sealed record DaysToPayment(int Claims, decimal? Mean, decimal? Median);

/// <summary>A payer's open balance by age since first submission, as of the report's date; the buckets sum to <see cref="Total"/>.</summary>
public sealed record AgingRow(string PayerId, decimal Days0To30, decimal Days31To60, decimal Days61To90, decimal Days91To120, decimal Over120, int Claims)
{
    public decimal Total => Days0To30 + Days31To60 + Days61To90 + Days91To120 + Over120;
}
