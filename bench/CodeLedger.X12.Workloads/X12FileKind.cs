namespace CodeLedger.X12.Generation;

public enum X12FileKind
{
    Claim837P,
    Remittance835,
}
