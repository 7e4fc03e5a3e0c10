using CodeLedger.X12.Claims837;
using CodeLedger.X12.Remittance835;

namespace CodeLedger.X12.Workloads;

/// <summary>Reads each claim as the typed rows the parser fills, so nothing is optimised away.</summary>
public sealed class CountingSink : X12ClaimSink
{
    public long Claims { get; private set; }

    public long Lines { get; private set; }

    // Claims are read as the typed rows the parser fills (no record per claim is made).
    public override void OnClaims837(ClaimBatch837 batch)
    {
        foreach (var claim in batch)
        {
            Claims++;
            Lines += claim.LineCount;
        }
    }

    public override void OnClaimPayments835(ClaimPaymentBatch835 batch)
    {
        foreach (var claim in batch)
        {
            Claims++;
            Lines += claim.ServiceCount;
        }
    }
}
