using CodeLedger.X12.Envelope;

namespace CodeLedger.X12.Remittance835;

/// <summary>
/// Claim payments of one 835 decoded into typed rows: every element the record model has, with
/// the same values, but held in a few arrays the parser reuses instead of a graph of objects per
/// claim. A sink that reads the rows as they come (posting, totals, export) never makes the parser
/// allocate per service or per adjustment; <see cref="ClaimPaymentRow835.ToRecord"/> copies a claim
/// out as a <see cref="ClaimPayment835"/>.
/// <para>
/// The batch is only valid during <see cref="X12ClaimSink.OnClaimPayments835"/>: the parser
/// clears and refills it afterwards. Claims come in file order, and a batch never spans a provider
/// adjustment (PLB) or the end of a transaction set, so events keep their file order.
/// </para>
/// </summary>
public sealed class ClaimPaymentBatch835
{
    /// <summary>
    /// Claims per batch: enough to amortise the call, few enough that the rows a batch fills (and
    /// clears) stay in the core's cache; 64 was as fast as 256 or faster in paired runs.
    /// </summary>
    internal const int Capacity = 64;

    internal ClaimRow[] Claims = new ClaimRow[Capacity];
    internal ServiceRow[] Services = new ServiceRow[Capacity * 4];
    internal Adjustment835[] Adjustments = new Adjustment835[Capacity * 8];
    internal DateReference835[] Dates = new DateReference835[Capacity * 8];
    internal Amount835[] Amounts = new Amount835[Capacity * 4];
    internal Remark835[] Remarks = new Remark835[Capacity];
    internal int ClaimCount;
    internal int ServiceCount;
    internal int AdjustmentCount;
    internal int DateCount;
    internal int AmountCount;
    internal int RemarkCount;

    public int Count => ClaimCount;

    public ClaimPaymentRow835 this[int index] =>
        (uint)index < (uint)ClaimCount ? new ClaimPaymentRow835(this, index) : throw new ArgumentOutOfRangeException(nameof(index));

    public Enumerator GetEnumerator() => new(this);

    internal bool IsFull => ClaimCount == Capacity;

    internal void Clear()
    {
        // Strings and names are released with the rows, so a batch never keeps a file's text alive.
        Array.Clear(Claims, 0, ClaimCount);
        Array.Clear(Services, 0, ServiceCount);
        Array.Clear(Adjustments, 0, AdjustmentCount);
        Array.Clear(Dates, 0, DateCount);
        Array.Clear(Amounts, 0, AmountCount);
        Array.Clear(Remarks, 0, RemarkCount);
        ClaimCount = ServiceCount = AdjustmentCount = DateCount = AmountCount = RemarkCount = 0;
    }

    public struct Enumerator(ClaimPaymentBatch835 batch)
    {
        private int _index = -1;

        public readonly ClaimPaymentRow835 Current => new(batch, _index);

        public bool MoveNext() => ++_index < batch.ClaimCount;
    }
}

/// <summary>One claim payment (loop 2100) of a <see cref="ClaimPaymentBatch835"/>; see <see cref="ClaimPayment835"/> for the elements.</summary>
public readonly struct ClaimPaymentRow835
{
    private readonly ClaimPaymentBatch835 _batch;
    private readonly int _index;

    internal ClaimPaymentRow835(ClaimPaymentBatch835 batch, int index)
    {
        _batch = batch;
        _index = index;
    }

    private ref ClaimRow Row => ref _batch.Claims[_index];

    public string PatientControlNumber => Row.PatientControlNumber;

    public string Status => Row.Status;

    public decimal TotalCharge => Row.TotalCharge;

    public decimal Paid => Row.Paid;

    public decimal? PatientResponsibility => Row.PatientResponsibility;

    public string? FilingIndicator => Row.FilingIndicator;

    public string? PayerClaimControlNumber => Row.PayerClaimControlNumber;

    public X12Name? Patient => Row.Patient;

    /// <summary>Claim-level CAS (2100), not those of the services.</summary>
    public ReadOnlySpan<Adjustment835> Adjustments => _batch.Adjustments.AsSpan(Row.AdjustmentStart, Row.AdjustmentEnd - Row.AdjustmentStart);

    public ReadOnlySpan<DateReference835> Dates => _batch.Dates.AsSpan(Row.DateStart, Row.DateEnd - Row.DateStart);

    public ReadOnlySpan<Amount835> Amounts => _batch.Amounts.AsSpan(Row.AmountStart, Row.AmountEnd - Row.AmountStart);

    public int ServiceCount => Row.ServiceEnd - Row.ServiceStart;

    public ServicePaymentRow835 Service(int index) =>
        (uint)index < (uint)ServiceCount ? new ServicePaymentRow835(_batch, Row.ServiceStart + index) : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>A copy that outlives the batch.</summary>
    public ClaimPayment835 ToRecord()
    {
        ref var row = ref Row;
        var services = row.ServiceEnd == row.ServiceStart ? [] : new ServicePayment835[row.ServiceEnd - row.ServiceStart];
        for (var i = 0; i < services.Length; i++)
        {
            services[i] = new ServicePaymentRow835(_batch, row.ServiceStart + i).ToRecord();
        }

        return new ClaimPayment835(row.PatientControlNumber, row.Status, row.TotalCharge, row.Paid, row.PatientResponsibility, row.FilingIndicator,
            row.PayerClaimControlNumber, row.Patient, Adjustments.ToArray(), Dates.ToArray(), Amounts.ToArray(), services);
    }
}

/// <summary>One service payment (loop 2110) of a <see cref="ClaimPaymentBatch835"/>; see <see cref="ServicePayment835"/> for the elements.</summary>
public readonly struct ServicePaymentRow835
{
    private readonly ClaimPaymentBatch835 _batch;
    private readonly int _index;

    internal ServicePaymentRow835(ClaimPaymentBatch835 batch, int index)
    {
        _batch = batch;
        _index = index;
    }

    private ref ServiceRow Row => ref _batch.Services[_index];

    public string Qualifier => Row.Qualifier;

    public string ProcedureCode => Row.ProcedureCode;

    public EquatableArray<string> Modifiers => Row.Modifiers;

    public decimal Charge => Row.Charge;

    public decimal Paid => Row.Paid;

    public string? RevenueCode => Row.RevenueCode;

    public decimal? UnitsPaid => Row.UnitsPaid;

    public string? OriginalQualifier => Row.OriginalQualifier;

    public string? OriginalProcedureCode => Row.OriginalProcedureCode;

    public EquatableArray<string> OriginalModifiers => Row.OriginalModifiers;

    public decimal? OriginalUnits => Row.OriginalUnits;

    public ReadOnlySpan<DateReference835> Dates => _batch.Dates.AsSpan(Row.DateStart, Row.DateEnd - Row.DateStart);

    public ReadOnlySpan<Adjustment835> Adjustments => _batch.Adjustments.AsSpan(Row.AdjustmentStart, Row.AdjustmentEnd - Row.AdjustmentStart);

    public ReadOnlySpan<Amount835> Amounts => _batch.Amounts.AsSpan(Row.AmountStart, Row.AmountEnd - Row.AmountStart);

    public ReadOnlySpan<Remark835> Remarks => _batch.Remarks.AsSpan(Row.RemarkStart, Row.RemarkEnd - Row.RemarkStart);

    public string? LineItemControlNumber => Row.LineItemControlNumber;

    public ServicePayment835 ToRecord()
    {
        ref var row = ref Row;
        return new ServicePayment835(row.Qualifier, row.ProcedureCode, row.Modifiers, row.Charge, row.Paid, row.RevenueCode, row.UnitsPaid,
            row.OriginalQualifier, row.OriginalProcedureCode, row.OriginalModifiers, row.OriginalUnits, Dates.ToArray(), Adjustments.ToArray(),
            Amounts.ToArray(), Remarks.ToArray(), row.LineItemControlNumber);
    }
}

internal struct ClaimRow
{
    public string PatientControlNumber;
    public string Status;
    public decimal TotalCharge;
    public decimal Paid;
    public decimal? PatientResponsibility;
    public string? FilingIndicator;
    public string? PayerClaimControlNumber;
    public X12Name? Patient;
    public int AdjustmentStart;
    public int AdjustmentEnd;
    public int DateStart;
    public int DateEnd;
    public int AmountStart;
    public int AmountEnd;
    public int ServiceStart;
    public int ServiceEnd;
}

internal struct ServiceRow
{
    public string Qualifier;
    public string ProcedureCode;
    public EquatableArray<string> Modifiers;
    public decimal Charge;
    public decimal Paid;
    public string? RevenueCode;
    public decimal? UnitsPaid;
    public string? OriginalQualifier;
    public string? OriginalProcedureCode;
    public EquatableArray<string> OriginalModifiers;
    public decimal? OriginalUnits;
    public int DateStart;
    public int DateEnd;
    public int AdjustmentStart;
    public int AdjustmentEnd;
    public int AmountStart;
    public int AmountEnd;
    public int RemarkStart;
    public int RemarkEnd;
    public string? LineItemControlNumber;
}
