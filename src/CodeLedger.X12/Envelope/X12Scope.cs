namespace CodeLedger.X12.Envelope;

/// <summary>Which acknowledgment a finding belongs in: TA1 (interchange), AK9 (group) or IK3/IK5 (transaction).</summary>
internal enum X12Scope
{
    File,
    Interchange,
    Group,
    Transaction,
}
