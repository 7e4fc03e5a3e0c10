namespace CodeLedger.Core.Remittances;

/// <summary>
/// What identifies one payment: the payer's id (TRN03, else the N1*PR id) and the check or EFT
/// trace number (TRN02). Not "same check date and amount" (openemr#10681): two payments of the same
/// amount on one day are two payments, and the same trace number read twice is one.
/// </summary>
public readonly record struct PaymentKey(string PayerId, string TraceNumber)
{
    public override string ToString() => $"{PayerId}/{TraceNumber}";
}
