namespace CodeLedger.X12.Workloads;

public enum X12FileKind
{
    Claim837P,
    Remittance835,
}
