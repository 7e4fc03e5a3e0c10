using CodeLedger.X12.Envelope;

namespace CodeLedger.X12.Claims837;

/// <summary>
/// Claims of one 837P decoded into typed rows: every element the record model has, with the same
/// values, held in arrays the parser reuses instead of an object graph per claim. The parties
/// (billing provider, subscriber, patient) are the same shared objects the records hold. A sink
/// that reads the rows as they come never makes the parser allocate per claim or per line;
/// <see cref="ClaimRow837.ToRecord"/> copies a claim out as a <see cref="Claim837"/>.
/// <para>
/// The batch is only valid during <see cref="X12ClaimSink.OnClaims837"/>: the parser clears and
/// refills it afterwards. Claims come in file order, and a batch never spans the end of a
/// transaction set.
/// </para>
/// </summary>
public sealed class ClaimBatch837
{
    /// <summary>
    /// Claims per batch: enough to amortise the call, few enough that the rows a batch fills (and
    /// clears) stay in the core's cache; 64 was as fast as 256 or faster in paired runs.
    /// </summary>
    internal const int Capacity = 64;

    internal ClaimData[] Claims = new ClaimData[Capacity];
    internal LineData[] Lines = new LineData[Capacity * 4];
    internal Diagnosis837[] Diagnoses = new Diagnosis837[Capacity * 4];
    internal int ClaimCount;
    internal int LineCount;
    internal int DiagnosisCount;

    public int Count => ClaimCount;

    public ClaimRow837 this[int index] =>
        (uint)index < (uint)ClaimCount ? new ClaimRow837(this, index) : throw new ArgumentOutOfRangeException(nameof(index));

    public Enumerator GetEnumerator() => new(this);

    internal bool IsFull => ClaimCount == Capacity;

    internal void Clear()
    {
        // Strings and parties are released with the rows, so a batch never keeps a file's text alive.
        Array.Clear(Claims, 0, ClaimCount);
        Array.Clear(Lines, 0, LineCount);
        Array.Clear(Diagnoses, 0, DiagnosisCount);
        ClaimCount = LineCount = DiagnosisCount = 0;
    }

    public struct Enumerator(ClaimBatch837 batch)
    {
        private int _index = -1;

        public readonly ClaimRow837 Current => new(batch, _index);

        public bool MoveNext() => ++_index < batch.ClaimCount;
    }
}

/// <summary>One claim (loop 2300 with its parties) of a <see cref="ClaimBatch837"/>; see <see cref="Claim837"/> for the elements.</summary>
public readonly struct ClaimRow837
{
    private readonly ClaimBatch837 _batch;
    private readonly int _index;

    internal ClaimRow837(ClaimBatch837 batch, int index)
    {
        _batch = batch;
        _index = index;
    }

    private ref ClaimData Row => ref _batch.Claims[_index];

    public BillingProvider837 BillingProvider => Row.BillingProvider;

    public Subscriber837 Subscriber => Row.Subscriber;

    public Patient837? Patient => Row.Patient;

    public string PatientControlNumber => Row.PatientControlNumber;

    public decimal TotalCharge => Row.TotalCharge;

    public string PlaceOfService => Row.PlaceOfService;

    public string FrequencyCode => Row.FrequencyCode;

    public string? ProviderSignature => Row.ProviderSignature;

    public string? Assignment => Row.Assignment;

    public string? BenefitsAssignment => Row.BenefitsAssignment;

    public string? ReleaseOfInformation => Row.ReleaseOfInformation;

    public string? PriorAuthorization => Row.PriorAuthorization;

    public string? PayerClaimControlNumber => Row.PayerClaimControlNumber;

    public ReadOnlySpan<Diagnosis837> Diagnoses => _batch.Diagnoses.AsSpan(Row.DiagnosisStart, Row.DiagnosisEnd - Row.DiagnosisStart);

    public X12Name? Referring => Row.Referring;

    public X12Name? Rendering => Row.Rendering;

    public int LineCount => Row.LineEnd - Row.LineStart;

    public ServiceLineRow837 Line(int index) =>
        (uint)index < (uint)LineCount ? new ServiceLineRow837(_batch, Row.LineStart + index) : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>A copy that outlives the batch.</summary>
    public Claim837 ToRecord()
    {
        ref var row = ref Row;
        var lines = row.LineEnd == row.LineStart ? [] : new ServiceLine837[row.LineEnd - row.LineStart];
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = new ServiceLineRow837(_batch, row.LineStart + i).ToRecord();
        }

        return new Claim837(row.BillingProvider, row.Subscriber, row.Patient, row.PatientControlNumber, row.TotalCharge, row.PlaceOfService,
            row.FrequencyCode, row.ProviderSignature, row.Assignment, row.BenefitsAssignment, row.ReleaseOfInformation, row.PriorAuthorization,
            row.PayerClaimControlNumber, Diagnoses.ToArray(), row.Referring, row.Rendering, lines);
    }
}

/// <summary>One service line (loop 2400) of a <see cref="ClaimBatch837"/>; see <see cref="ServiceLine837"/> for the elements.</summary>
public readonly struct ServiceLineRow837
{
    private readonly ClaimBatch837 _batch;
    private readonly int _index;

    internal ServiceLineRow837(ClaimBatch837 batch, int index)
    {
        _batch = batch;
        _index = index;
    }

    private ref LineData Row => ref _batch.Lines[_index];

    public int LineNumber => Row.LineNumber;

    public string Qualifier => Row.Qualifier;

    public string ProcedureCode => Row.ProcedureCode;

    public EquatableArray<string> Modifiers => Row.Modifiers ?? [];

    public string? Description => Row.Description;

    public decimal Charge => Row.Charge;

    public string UnitBasis => Row.UnitBasis;

    public decimal Units => Row.Units;

    public string? PlaceOfService => Row.PlaceOfService;

    public EquatableArray<int> DiagnosisPointers => Row.Pointers ?? [];

    public DateOnly ServiceFrom => Row.ServiceFrom;

    public DateOnly? ServiceTo => Row.ServiceTo;

    public string? PriorAuthorization => Row.PriorAuthorization;

    public X12Name? Rendering => Row.Rendering;

    public string? LineItemControlNumber => Row.LineItemControlNumber;

    public ServiceLine837 ToRecord()
    {
        ref var row = ref Row;
        return new ServiceLine837(row.LineNumber, row.Qualifier, row.ProcedureCode, row.Modifiers ?? [], row.Description, row.Charge, row.UnitBasis,
            row.Units, row.PlaceOfService, row.Pointers ?? [], row.ServiceFrom, row.ServiceTo, row.PriorAuthorization, row.Rendering, row.LineItemControlNumber);
    }
}

internal struct ClaimData
{
    public BillingProvider837 BillingProvider;
    public Subscriber837 Subscriber;
    public Patient837? Patient;
    public string PatientControlNumber;
    public decimal TotalCharge;
    public string PlaceOfService;
    public string FrequencyCode;
    public string? ProviderSignature;
    public string? Assignment;
    public string? BenefitsAssignment;
    public string? ReleaseOfInformation;
    public string? PriorAuthorization;
    public string? PayerClaimControlNumber;
    public X12Name? Referring;
    public X12Name? Rendering;
    public int DiagnosisStart;
    public int DiagnosisEnd;
    public int LineStart;
    public int LineEnd;
}

/// <summary>
/// A service line's row. The builder writes SV1, DTP, REF and NM1 straight into the open line's
/// slot, so a line is stored once instead of being drafted and then copied.
/// </summary>
internal struct LineData
{
    public int LineNumber;
    public string Qualifier;
    public string ProcedureCode;
    public string[]? Modifiers;
    public string? Description;
    public decimal Charge;
    public string UnitBasis;
    public decimal Units;
    public string? PlaceOfService;
    public int[]? Pointers;
    public DateOnly ServiceFrom;
    public DateOnly? ServiceTo;
    public string? PriorAuthorization;
    public X12Name? Rendering;
    public string? LineItemControlNumber;
}
