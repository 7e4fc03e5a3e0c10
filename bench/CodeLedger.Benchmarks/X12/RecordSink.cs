using CodeLedger.X12;
using CodeLedger.X12.Claims837;
using CodeLedger.X12.Remittance835;

namespace CodeLedger.Benchmarks.X12;

/// <summary>Takes each claim as a record (ClaimPayment835, Claim837): what a sink that keeps claims receives.</summary>
public sealed class RecordSink : X12ClaimSink
{
    public long Claims { get; private set; }

    public long Lines { get; private set; }

    public override void OnClaim837(Claim837 claim)
    {
        Claims++;
        Lines += claim.Lines.Count;
    }

    public override void OnClaimPayment835(ClaimPayment835 claim)
    {
        Claims++;
        Lines += claim.Services.Count;
    }
}
