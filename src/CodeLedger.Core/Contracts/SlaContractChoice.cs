using CodeLedger.Core.Common;
using CodeLedger.Core.Turnaround;

namespace CodeLedger.Core.Contracts;

/// <summary>
/// Which contract a practice's SLA report measures. Each contract is between one practice and one
/// vendor, with its own target, clock and fee, so a report is per contract: with one vendor in force
/// that month it is that vendor's; with several, the vendor must be named (SLA-VENDOR-REQUIRED),
/// never one of them picked silently.
/// </summary>
public static class SlaContractChoice
{
    /// <param name="inForce">The practice's contracts in force in the month, one per vendor (<see cref="SlaMonth.InForce"/>).</param>
    /// <param name="vendorId">The vendor named, if any.</param>
    /// <param name="vendorCode">The code of a vendor, for messages.</param>
    public static SlaContract Choose(IReadOnlyList<SlaContract> inForce, Guid? vendorId, Func<Guid, string> vendorCode, string practiceCode, SlaMonth month)
    {
        if (vendorId is { } vendor)
        {
            return inForce.FirstOrDefault(c => c.VendorId == vendor)
                ?? throw new DomainException(ContractErrors.NoContract, $"no SLA contract between practice {practiceCode} and vendor {vendorCode(vendor)} is in force in {month}");
        }

        return inForce.Count switch
        {
            0 => throw new DomainException(ContractErrors.NoContract, $"no SLA contract of practice {practiceCode} is in force in {month}"),
            1 => inForce[0],
            _ => throw new DomainException(ContractErrors.VendorRequired,
                $"practice {practiceCode} has contracts with {inForce.Count} vendors in force in {month} ({string.Join(", ", inForce.Select(c => vendorCode(c.VendorId)).Order(StringComparer.Ordinal))}); name the vendor"),
        };
    }
}
