using CodeLedger.Core.Common;

namespace CodeLedger.Core.Contracts;

/// <summary>
/// How a missed turnaround target turns into money back: when the share of encounters within
/// target falls below <see cref="ComplianceThresholdPercent"/>, the vendor credits
/// <see cref="PercentOfFeePerPoint"/> of the monthly fee for each percentage point below it,
/// up to <see cref="CapPercentOfFee"/>.
/// </summary>
public sealed record ServiceCreditSchedule
{
    public ServiceCreditSchedule(decimal complianceThresholdPercent, decimal percentOfFeePerPoint, decimal capPercentOfFee)
    {
        if (complianceThresholdPercent is <= 0 or > 100)
        {
            throw new DomainException(ContractErrors.Credit, "compliance threshold must be between 0 and 100 percent");
        }

        if (percentOfFeePerPoint < 0 || capPercentOfFee is < 0 or > 100)
        {
            throw new DomainException(ContractErrors.Credit, "credit percentages must be between 0 and 100");
        }

        ComplianceThresholdPercent = complianceThresholdPercent;
        PercentOfFeePerPoint = percentOfFeePerPoint;
        CapPercentOfFee = capPercentOfFee;
    }

    public decimal ComplianceThresholdPercent { get; }

    public decimal PercentOfFeePerPoint { get; }

    public decimal CapPercentOfFee { get; }
}
