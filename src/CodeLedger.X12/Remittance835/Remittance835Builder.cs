using System.Runtime.CompilerServices;
using CodeLedger.X12.Envelope;
using CodeLedger.X12.Reading;

namespace CodeLedger.X12.Remittance835;

/// <summary>
/// Reads one 835 set (005010X221A1) into claim payments, handing each to the sink when the next
/// CLP (or the end of the set) closes it, and checks the three balancing rules (X12 RFIs #2348 and
/// #2601; FACTS.md §4.3). An unbalanced remittance is a warning: the money still arrived.
/// </summary>
internal sealed class Remittance835Builder(X12ParseContext context, string controlNumber) : ITransactionBuilder
{
    // Never added to: the services of a service's own balancing check.
    private static readonly List<ServicePayment835> NoServices = [];

    private static readonly string[] ClaimStatuses = ["1", "2", "3", "4", "19", "20", "21", "22", "23", "25"];

    private readonly X12StringCache _strings = context.Strings;

    // Dates, adjustments and amounts repeat from service to service (the same DOS, CO-45 of
    // the same amount, B6 allowed…): interning them, and the one-element lists that hold them,
    // removes a large share of the per-claim allocations.
    private readonly X12Interner<DateReference835> _dateReferences = new();
    private readonly X12Interner<Adjustment835> _adjustmentValues = new();
    private readonly X12Interner<Amount835> _amountValues = new();
    private DateReference835[]? _oneDate;
    private Adjustment835[]? _oneAdjustment;
    private Amount835[]? _oneAmount;

    private string _handling = string.Empty;
    private decimal _totalPayment;
    private string? _creditDebit;
    private string? _method;
    private DateOnly? _paymentDate;
    private string? _trace;
    private string? _payerTrace;
    private DateOnly? _productionDate;
    private X12Name? _payer;
    private X12Name? _payee;
    private bool _hasBpr;
    private bool _headerEmitted;

    private decimal _sumPaid;
    private decimal _sumPlb;
    private long _bprPosition;

    private bool _inClaim;
    private long _claimPosition;
    private string _pcn = string.Empty;
    private string _status = string.Empty;
    private decimal _charge;
    private decimal _paid;
    private decimal? _patientResponsibility;
    private string? _filing;
    private string? _payerControl;
    private X12Name? _patient;
    private X12Cents _claimAdjustments;
    private readonly List<Adjustment835> _adjustments = [];
    private readonly List<DateReference835> _dates = [];
    private readonly List<Amount835> _amounts = [];
    private readonly List<ServicePayment835> _services = [];

    private bool _inService;
    private long _servicePosition;
    private string _svcQualifier = string.Empty;
    private string _svcCode = string.Empty;
    private string[] _svcModifiers = [];
    private decimal _svcCharge;
    private decimal _svcPaid;
    private string? _svcRevenue;
    private decimal? _svcUnits;
    private string? _origQualifier;
    private string? _origCode;
    private string[] _origModifiers = [];
    private decimal? _origUnits;
    private readonly List<DateReference835> _svcDates = [];
    private readonly List<Adjustment835> _svcAdjustments = [];
    private readonly List<Amount835> _svcAmounts = [];
    private readonly List<Remark835> _svcRemarks = [];
    private X12Cents _svcAdjustmentSum;

    public void OnSegment(in X12Segment segment)
    {
        Span<int> scratch = stackalloc int[25];
        OnFields(X12SegmentIds.Key(segment.Id), new X12Fields(segment, scratch));
    }

    public void OnFields(uint key, in X12Fields f)
    {
        switch (key)
        {
            case X12SegmentIds.Cas:
                OnCas(f);
                break;
            case X12SegmentIds.Svc:
                OnSvc(f);
                break;
            case X12SegmentIds.Clp:
                OnClp(f);
                break;
            case X12SegmentIds.Dtm:
                OnDtm(f);
                break;
            case X12SegmentIds.Lq:
                if (_inService)
                {
                    _svcRemarks.Add(new Remark835(_strings.Get(f[1]), _strings.Get(f[2])));
                }

                break;
            case X12SegmentIds.Amt:
                OnAmt(f);
                break;
            case X12SegmentIds.Nm1:
                if (_inClaim)
                {
                    OnNm1(f);
                }

                break;
            case X12SegmentIds.Plb:
                OnPlb(f);
                break;
            case X12SegmentIds.Bpr:
                OnBpr(f);
                break;
            case X12SegmentIds.Trn:
                OnTrn(f);
                break;
            case X12SegmentIds.N1:
                OnN1(f);
                break;
            case X12SegmentIds.Lx:
                EnsureHeader(f.Position);
                break;
            default:
                break;
        }
    }

    private void OnNm1(in X12Fields f)
    {
        if (f[1].SequenceEqual("QC"u8))
        {
            _patient = new X12Name("QC", _strings.Get(f[2]), _strings.Get(f[3]), _strings.GetOrNull(f[4]), _strings.GetOrNull(f[5]),
                _strings.GetOrNull(f[7]), _strings.GetOrNull(f[8]), _strings.GetOrNull(f[9]));
        }
    }

    private void OnTrn(in X12Fields f)
    {
        _trace = X12Bytes.TextOrNull(f[2]);
        _payerTrace = X12Bytes.TextOrNull(f[3]);
    }

    private void OnN1(in X12Fields f)
    {
        var name = new X12Name(_strings.Get(f[1]), "2", X12Bytes.Text(f[2]), IdQualifier: _strings.GetOrNull(f[3]), Id: X12Bytes.TextOrNull(f[4]));
        if (f[1].SequenceEqual("PR"u8))
        {
            _payer = name;
        }
        else if (f[1].SequenceEqual("PE"u8))
        {
            _payee = name;
        }
    }

    public void Complete(long position)
    {
        EnsureHeader(position);
        CloseClaim();
        context.Result.TotalPayment += _totalPayment;

        // Σ CLP04 − Σ PLB amounts = BPR02 (a positive PLB reduces the payment).
        if (_hasBpr && _sumPaid - _sumPlb != _totalPayment)
        {
            context.Warning(X12ErrorCodes.TransactionNotBalanced, _bprPosition, "BPR", 2,
                $"BPR02 {X12Bytes.Format(_totalPayment)} ≠ claims paid {X12Bytes.Format(_sumPaid)} − provider adjustments {X12Bytes.Format(_sumPlb)}");
        }
    }

    private void OnBpr(in X12Fields f)
    {
        _hasBpr = true;
        _bprPosition = f.Position;
        _handling = _strings.Get(f[1]);
        if (f[1].IsEmpty)
        {
            context.Error(X12ErrorCodes.RequiredElementMissing, f.Position, "BPR", 1, "BPR01 transaction handling code is required");
        }

        _totalPayment = Amount(f, 2, required: true);
        _creditDebit = _strings.GetOrNull(f[3]);
        _method = _strings.GetOrNull(f[4]);
        _paymentDate = Date(f, 16);
    }

    private void EnsureHeader(long position)
    {
        if (_headerEmitted)
        {
            return;
        }

        _headerEmitted = true;
        if (!_hasBpr)
        {
            context.Error(X12ErrorCodes.RequiredSegmentMissing, position, "BPR", null, "the 835 has no BPR (financial information)");
        }

        context.Sink?.OnRemittance835(Header());
    }

    internal Remittance835Header Header() =>
        new(controlNumber, _handling, _totalPayment, _creditDebit, _method, _paymentDate, _trace, _payerTrace, _productionDate, _payer, _payee);

    private void OnClp(in X12Fields f)
    {
        EnsureHeader(f.Position);
        CloseClaim();
        _inClaim = true;
        _claimPosition = f.Position;
        _pcn = X12Bytes.Text(f[1]);
        if (f[1].IsEmpty)
        {
            context.Error(X12ErrorCodes.RequiredElementMissing, f.Position, "CLP", 1, "CLP01 patient control number is required");
        }

        _status = _strings.Get(f[2]);
        if (Array.IndexOf(ClaimStatuses, _status) < 0)
        {
            context.Error(f[2].IsEmpty ? X12ErrorCodes.RequiredElementMissing : X12ErrorCodes.InvalidCode, f.Position, "CLP", 2,
                $"CLP02 claim status '{_status}' is not one 005010X221A1 allows (1, 2, 3, 4, 19–23, 25)");
        }

        _charge = Amount(f, 3, required: true);
        _paid = Amount(f, 4, required: true);
        _patientResponsibility = f[5].IsEmpty ? null : Amount(f, 5, required: false);
        _filing = _strings.GetOrNull(f[6]);
        _payerControl = X12Bytes.TextOrNull(f[7]);
        _patient = null;
        _claimAdjustments.Clear();
    }

    private void OnSvc(in X12Fields f)
    {
        if (!_inClaim)
        {
            context.Error(X12ErrorCodes.SegmentOutOfOrder, f.Position, "SVC", null, "SVC outside a claim payment (loop 2100)");
            return;
        }

        CloseService();
        _inService = true;
        _servicePosition = f.Position;
        // Qualifier, code and four modifiers: eight bounds split each composite once.
        Span<int> scratch = stackalloc int[8];
        Span<int> originalScratch = stackalloc int[8];
        var procedure = new X12Composite(f[1], f.ComponentSeparator, scratch);
        _svcQualifier = _strings.Get(procedure[1]);
        _svcCode = _strings.Get(procedure[2]);
        if (_svcCode.Length == 0)
        {
            context.Error(X12ErrorCodes.RequiredElementMissing, f.Position, "SVC", 1, "SVC01 adjudicated procedure is required");
        }

        _svcModifiers = Modifiers(procedure);
        _svcCharge = Amount(f, 2, required: true);
        _svcPaid = Amount(f, 3, required: true);
        _svcRevenue = _strings.GetOrNull(f[4]);
        _svcUnits = f[5].IsEmpty ? null : Amount(f, 5, required: false);
        var original = new X12Composite(f[6], f.ComponentSeparator, originalScratch);
        _origQualifier = _strings.GetOrNull(original[1]);
        _origCode = _strings.GetOrNull(original[2]);
        _origModifiers = Modifiers(original);
        _origUnits = f[7].IsEmpty ? null : Amount(f, 7, required: false);
    }

    private string[] Modifiers(in X12Composite procedure)
    {
        var count = 0;
        for (var i = 3; i <= 6; i++)
        {
            if (!procedure[i].IsEmpty)
            {
                count = i - 2;
            }
        }

        if (count == 0)
        {
            return [];
        }

        var modifiers = new string[count];
        for (var i = 0; i < count; i++)
        {
            modifiers[i] = _strings.Get(procedure[i + 3]);
        }

        return modifiers;
    }

    private void OnCas(in X12Fields f)
    {
        if (!_inClaim)
        {
            context.Error(X12ErrorCodes.SegmentOutOfOrder, f.Position, "CAS", null, "CAS outside a claim payment");
            return;
        }

        var group = f[1];
        var groupKey = group.Length == 2 ? group[0] | (group[1] << 8) : 0;
        if (groupKey is not ('C' | ('O' << 8)) and not ('P' | ('R' << 8)) and not ('O' | ('A' << 8)) and not ('P' | ('I' << 8)))
        {
            // CR (correction and reversal) was withdrawn in 5010.
            context.Error(group.IsEmpty ? X12ErrorCodes.RequiredElementMissing : X12ErrorCodes.InvalidCode, f.Position, "CAS", 1,
                $"CAS01 group '{X12Bytes.Show(group)}' is not CO, OA, PI or PR");
        }

        var groupCode = _strings.Get(group);
        var target = _inService ? _svcAdjustments : _adjustments;
        var count = f.Count;
        for (var k = 0; k < 6; k++)
        {
            var reasonIndex = 2 + (3 * k);
            if (reasonIndex > count || f[reasonIndex].IsEmpty)
            {
                if (k == 0)
                {
                    context.Error(X12ErrorCodes.RequiredElementMissing, f.Position, "CAS", 2, "CAS02 reason code is required");
                }

                if (reasonIndex > count)
                {
                    break;
                }

                continue;
            }

            var adjustment = Adjustment(f, reasonIndex, group, groupCode);
            target.Add(adjustment);
            var cents = X12Cents.Of(adjustment.Amount);
            _claimAdjustments.Add(cents);
            if (_inService)
            {
                _svcAdjustmentSum.Add(cents);
            }
        }
    }

    /// <summary>
    /// A CAS triplet; one without a quantity is keyed by its group, reason and amount bytes (the
    /// bytes, not the value, so 10.0 and 10.00 stay distinct) and shared. The key is looked up
    /// before the amount is parsed: only valid amounts are stored, so a hit needs no checking.
    /// </summary>
    private Adjustment835 Adjustment(in X12Fields f, int reasonIndex, ReadOnlySpan<byte> group, string groupCode)
    {
        var reason = f[reasonIndex];
        var amountBytes = f[reasonIndex + 1];
        var quantityBytes = f[reasonIndex + 2];

        // Group codes are two bytes and CARCs at most five: both fit in one key word.
        if (quantityBytes.IsEmpty && !amountBytes.IsEmpty && group.Length <= 2 && reason.Length <= 6 && X12Interning.TryPack(amountBytes, out var amountKey))
        {
            X12Interning.TryPack(group, out var groupKey);
            X12Interning.TryPack(reason, out var reasonKey);
            var codes = groupKey | (reasonKey << 16);
            ref var slot = ref _adjustmentValues.Slot(codes, amountKey);
            if (slot.Matches(codes, amountKey))
            {
                return slot.Value!;
            }

            if (X12Bytes.TryParseDecimal(amountBytes, out var parsed))
            {
                return slot.Store(codes, amountKey, new Adjustment835(groupCode, _strings.Get(reason), parsed, null));
            }
        }

        var amount = Amount(f, reasonIndex + 1, required: true);
        decimal? quantity = quantityBytes.IsEmpty ? null : Amount(f, reasonIndex + 2, required: false);
        return new Adjustment835(groupCode, _strings.Get(reason), amount, quantity);
    }

    private void OnDtm(in X12Fields f)
    {
        if (!_inClaim)
        {
            if (f[1].SequenceEqual("405"u8))
            {
                _productionDate = Date(f, 2);
            }

            return;
        }

        var target = _inService ? _svcDates : _dates;
        var value = f[2];

        // Keyed by the qualifier and the date's eight bytes, looked up before parsing; only valid dates are stored.
        if (value.Length == 8 && X12Interning.TryPack(f[1], out var qualifierKey))
        {
            X12Interning.TryPack(value, out var dateKey);
            ref var slot = ref _dateReferences.Slot(qualifierKey, dateKey);
            if (slot.Matches(qualifierKey, dateKey))
            {
                target.Add(slot.Value!);
                return;
            }

            if (X12Bytes.TryParseDate(value, out var parsed))
            {
                target.Add(slot.Store(qualifierKey, dateKey, new DateReference835(_strings.Get(f[1]), parsed)));
                return;
            }
        }

        if (Date(f, 2) is { } date)
        {
            target.Add(new DateReference835(_strings.Get(f[1]), date));
        }
    }

    private void OnAmt(in X12Fields f)
    {
        if (!_inClaim)
        {
            return;
        }

        var target = _inService ? _svcAmounts : _amounts;
        var valueBytes = f[2];

        // Keyed by the bytes and looked up before parsing; only valid amounts are stored.
        if (!valueBytes.IsEmpty && X12Interning.TryPack(f[1], out var qualifierKey) && X12Interning.TryPack(valueBytes, out var valueKey))
        {
            ref var slot = ref _amountValues.Slot(qualifierKey, valueKey);
            if (slot.Matches(qualifierKey, valueKey))
            {
                target.Add(slot.Value!);
                return;
            }

            if (X12Bytes.TryParseDecimal(valueBytes, out var parsed))
            {
                target.Add(slot.Store(qualifierKey, valueKey, new Amount835(_strings.Get(f[1]), parsed)));
                return;
            }
        }

        target.Add(new Amount835(_strings.Get(f[1]), Amount(f, 2, required: true)));
    }

    private void OnPlb(in X12Fields f)
    {
        EnsureHeader(f.Position);
        CloseClaim();
        var provider = X12Bytes.Text(f[1]);
        var period = Date(f, 2);
        for (var k = 0; k < 6; k++)
        {
            var element = 3 + (2 * k);
            if (f[element].IsEmpty)
            {
                if (k == 0)
                {
                    context.Error(X12ErrorCodes.RequiredElementMissing, f.Position, "PLB", 3, "PLB03 adjustment identifier is required");
                }

                continue;
            }

            var amount = Amount(f, element + 1, required: true);
            _sumPlb += amount;
            context.Sink?.OnProviderAdjustment835(new ProviderAdjustment835(provider, period, _strings.Get(f.Component(element, 1)),
                X12Bytes.TextOrNull(f.Component(element, 2)), amount));
        }
    }

    private void CloseService()
    {
        if (!_inService)
        {
            return;
        }

        _inService = false;

        // SVC02 − Σ 2110 CAS = SVC03, in cents when every amount allows it.
        if (!Balances(_svcCharge, _svcAdjustmentSum, _svcPaid, _svcAdjustments, NoServices))
        {
            var adjustments = Sum(_svcAdjustments, NoServices);
            context.Warning(X12ErrorCodes.ServiceNotBalanced, _servicePosition, "SVC", 3,
                $"service charge {X12Bytes.Format(_svcCharge)} − adjustments {X12Bytes.Format(adjustments)} ≠ paid {X12Bytes.Format(_svcPaid)}");
        }

        _services.Add(new ServicePayment835(_svcQualifier, _svcCode, _svcModifiers, _svcCharge, _svcPaid, _svcRevenue, _svcUnits,
            _origQualifier, _origCode, _origModifiers, _origUnits, X12Interning.ToArray(_svcDates, ref _oneDate), X12Interning.ToArray(_svcAdjustments, ref _oneAdjustment),
            X12Interning.ToArray(_svcAmounts, ref _oneAmount),
            _svcRemarks.ToArray()));
        _svcDates.Clear();
        _svcAdjustments.Clear();
        _svcAmounts.Clear();
        _svcRemarks.Clear();
        _svcAdjustmentSum.Clear();
    }

    /// <summary>charge − adjustments = paid, exactly: in cents when they all are, otherwise in decimal.</summary>
    private static bool Balances(decimal charge, in X12Cents adjustments, decimal paid, List<Adjustment835> own, List<ServicePayment835> services)
    {
        var chargeCents = X12Cents.Of(charge);
        var paidCents = X12Cents.Of(paid);
        if (adjustments.IsExact && chargeCents != X12Cents.None && paidCents != X12Cents.None)
        {
            return chargeCents - adjustments.Cents == paidCents;
        }

        return charge - Sum(own, services) == paid;
    }

    private static decimal Sum(List<Adjustment835> own, List<ServicePayment835> services)
    {
        var sum = 0m;
        foreach (var adjustment in own)
        {
            sum += adjustment.Amount;
        }

        foreach (var service in services)
        {
            foreach (var adjustment in service.Adjustments.AsSpan())
            {
                sum += adjustment.Amount;
            }
        }

        return sum;
    }

    private void CloseClaim()
    {
        if (!_inClaim)
        {
            return;
        }

        CloseService();
        _inClaim = false;

        // CLP03 − Σ (2100 CAS + 2110 CAS) = CLP04.
        if (!Balances(_charge, _claimAdjustments, _paid, _adjustments, _services))
        {
            context.Warning(X12ErrorCodes.ClaimNotBalanced, _claimPosition, "CLP", 4,
                $"claim charge {X12Bytes.Format(_charge)} − adjustments {X12Bytes.Format(Sum(_adjustments, _services))} ≠ paid {X12Bytes.Format(_paid)}");
        }

        var claim = new ClaimPayment835(_pcn, _status, _charge, _paid, _patientResponsibility, _filing, _payerControl, _patient,
            X12Interning.ToArray(_adjustments, ref _oneAdjustment), X12Interning.ToArray(_dates, ref _oneDate),
            X12Interning.ToArray(_amounts, ref _oneAmount), _services.ToArray());
        _adjustments.Clear();
        _dates.Clear();
        _amounts.Clear();
        _services.Clear();
        _sumPaid += _paid;
        var result = context.Result;
        result.Claims++;
        result.TotalCharge += _charge;
        result.TotalPaid += _paid;
        context.Sink?.OnClaimPayment835(claim);
    }

    private decimal Amount(in X12Fields f, int element, bool required)
    {
        var value = f[element];
        return X12Bytes.TryParseDecimal(value, out var amount) ? amount : InvalidAmount(f, element, required);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private decimal InvalidAmount(in X12Fields f, int element, bool required)
    {
        var value = f[element];
        if (value.IsEmpty)
        {
            if (required)
            {
                context.Error(X12ErrorCodes.RequiredElementMissing, f.Position, X12Bytes.Text(f[0]), element, $"element {element} (an amount) is required");
            }

            return 0m;
        }

        if (!X12Bytes.TryParseDecimal(value, out var amount))
        {
            context.Error(X12ErrorCodes.InvalidNumber, f.Position, X12Bytes.Text(f[0]), element, $"'{X12Bytes.Show(value)}' is not a decimal number");
        }

        return amount;
    }

    private DateOnly? Date(in X12Fields f, int element)
    {
        var value = f[element];
        if (value.IsEmpty)
        {
            return null;
        }

        if (X12Bytes.TryParseDate(value, out var date))
        {
            return date;
        }

        context.Error(X12ErrorCodes.InvalidDate, f.Position, X12Bytes.Text(f[0]), element, $"'{X12Bytes.Show(value)}' is not a CCYYMMDD date");
        return null;
    }
}
