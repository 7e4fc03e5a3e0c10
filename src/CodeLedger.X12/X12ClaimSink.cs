using CodeLedger.X12.Claims837;
using CodeLedger.X12.Envelope;
using CodeLedger.X12.Remittance835;

namespace CodeLedger.X12;

/// <summary>
/// Receives what the parser builds, a batch of claims at a time, so that a file of any size is
/// read in constant memory. Override what you need: the batch methods to read typed rows, or the
/// per-claim methods to get records (the default batch methods make them); the others ignore
/// everything by default.
/// </summary>
public abstract class X12ClaimSink
{
    protected X12ClaimSink()
    {
        TakesRecords837 = Overrides(nameof(OnClaim837), typeof(Claim837));
        TakesRecords835 = Overrides(nameof(OnClaimPayment835), typeof(ClaimPayment835));
    }

    public virtual void OnInterchange(X12InterchangeHeader interchange)
    {
    }

    public virtual void OnGroup(X12GroupHeader group)
    {
    }

    /// <summary>Called once the header loops (1000A/1000B) are read, before the first claim.</summary>
    public virtual void OnTransaction837(Transaction837Header header)
    {
    }

    public virtual void OnClaim837(Claim837 claim)
    {
    }

    /// <summary>
    /// Claims as the parser decodes them, a batch at a time and in file order. Override this to
    /// read the typed rows without a record per claim; the batch is reused once this returns. By
    /// default each claim is copied out and passed to <see cref="OnClaim837"/>.
    /// </summary>
    public virtual void OnClaims837(ClaimBatch837 batch)
    {
        if (!TakesRecords837)
        {
            return;
        }

        foreach (var claim in batch)
        {
            OnClaim837(claim.ToRecord());
        }
    }

    /// <summary>Called once the 835 header loops are read, before the first claim payment.</summary>
    public virtual void OnRemittance835(Remittance835Header header)
    {
    }

    public virtual void OnClaimPayment835(ClaimPayment835 claim)
    {
    }

    /// <summary>
    /// Claim payments as the parser decodes them, a batch at a time and in file order. Override
    /// this to read the typed rows without a record per claim; the batch is reused once this
    /// returns. By default each claim is copied out and passed to <see cref="OnClaimPayment835"/>.
    /// </summary>
    public virtual void OnClaimPayments835(ClaimPaymentBatch835 batch)
    {
        if (!TakesRecords835)
        {
            return;
        }

        foreach (var claim in batch)
        {
            OnClaimPayment835(claim.ToRecord());
        }
    }

    public virtual void OnProviderAdjustment835(ProviderAdjustment835 adjustment)
    {
    }

    /// <summary>A 999 set as read (its guide findings are in the parse result), at its SE.</summary>
    public virtual void OnAcknowledgment999(Acknowledgments.Reading.Acknowledgment999 acknowledgment)
    {
    }

    /// <summary>A TA1 as read, between ISA and IEA of an acknowledgment interchange.</summary>
    public virtual void OnInterchangeAcknowledgment(Acknowledgments.Reading.InterchangeAcknowledgment acknowledgment)
    {
    }

    /// <summary>A 277CA set (claim acknowledgment, 005010X214) as read, at its SE.</summary>
    public virtual void OnClaimAcknowledgment277(ClaimStatus277.ClaimAcknowledgment277 acknowledgment)
    {
    }

    /// <summary>Called at SE, for every transaction set (whatever its type).</summary>
    public virtual void OnTransactionEnd()
    {
    }

    // A sink that overrides neither the batch nor the record method of a kind (one that only
    // wants headers, say) would otherwise get a record made for every claim and thrown away.
    internal bool TakesRecords837 { get; }

    internal bool TakesRecords835 { get; }

    private bool Overrides(string method, Type parameter) =>
        GetType().GetMethod(method, [parameter])!.DeclaringType != typeof(X12ClaimSink);
}
