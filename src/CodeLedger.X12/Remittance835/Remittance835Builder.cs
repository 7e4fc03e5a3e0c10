using System.Runtime.CompilerServices;
using CodeLedger.X12.Envelope;
using CodeLedger.X12.Reading;

namespace CodeLedger.X12.Remittance835;

/// <summary>
/// Reads one 835 set (005010X221A1) into the typed rows of a claim payment batch, handing the
/// batch to the sink when it is full, before a PLB and at the end of the set, and checks the three
/// balancing rules (X12 RFIs #2348 and #2601; FACTS.md §4.3). An unbalanced remittance is a
/// warning: the money still arrived.
/// </summary>
internal sealed class Remittance835Builder(X12ParseContext context, string controlNumber) : ITransactionBuilder
{
    private static readonly string[] ClaimStatuses = ["1", "2", "3", "4", "19", "20", "21", "22", "23", "25"];

    private readonly Guide.Guide835 _guide = new(context);
    private readonly X12StringCache _strings = context.Strings;
    private readonly X12StringCache _personNames = context.Names;

    // Claims are decoded straight into the rows of a reused batch (no lists, no per-service
    // objects); the sink gets the batch, and only a sink that asks for records makes any.
    private readonly ClaimPaymentBatch835 _batch = context.PaymentBatch;

    // Dates repeat from service to service (the same DOS): a hit skips the date parse. Only valid
    // dates are stored, so a hit needs no checking.
    private readonly X12Interner<DateReference835> _dateReferences = new();

    // SVC01 and SVC06 bounds (qualifier, code, four modifiers), split once each. Fields, not
    // stackallocs: a method with a loop and a stackalloc is compiled once, without the
    // profile-guided tier.
    private readonly int[] _procedureBounds = new int[8];
    private readonly int[] _originalBounds = new int[8];

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

    // The open claim is the row at _batch.ClaimCount and the open service the row at
    // _batch.ServiceCount; each is counted in when it closes. Claim-level CAS, DTM and AMT come
    // before the first SVC (once a service is open everything belongs to it), so the claim's own
    // rows and then each service's are contiguous.
    private bool _inClaim;
    private long _claimPosition;
    private X12Cents _claimAdjustments;

    private bool _inService;
    private long _servicePosition;
    private X12Cents _svcAdjustmentSum;

    private ref ClaimRow Claim => ref RowArrays.Next(ref _batch.Claims, _batch.ClaimCount);

    private ref ServiceRow Service => ref RowArrays.Next(ref _batch.Services, _batch.ServiceCount);

    public void OnSegment(in X12Segment segment)
    {
        Span<int> scratch = stackalloc int[25];
        OnFields(X12SegmentIds.Key(segment.Id), new X12Fields(segment, scratch));
    }

    public void OnFields(uint key, in X12Fields f)
    {
        // Guide rules first: they name the loop every finding of this segment carries.
        _guide.OnFields(key, f);
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
                    RowArrays.Next(ref _batch.Remarks, _batch.RemarkCount) = new Remark835(_strings.Get(f[1]), _strings.Get(f[2]));
                    _batch.RemarkCount++;
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
            case X12SegmentIds.Ref:
                // Loop 2110 REF*6R: the line item control number of the 837P line this SVC pays.
                if (_inService && f[1].SequenceEqual("6R"u8))
                {
                    Service.LineItemControlNumber = X12Bytes.Text(f[2]);
                }

                break;
            default:
                break;
        }
    }

    private void OnNm1(in X12Fields f)
    {
        if (f[1].SequenceEqual("QC"u8))
        {
            // Identifiers are unique per person: never cached (see X12StringCache).
            Claim.Patient = new X12Name("QC", _strings.Get(f[2]), _personNames.Get(f[3]), _personNames.GetOrNull(f[4]), _personNames.GetOrNull(f[5]),
                _strings.GetOrNull(f[7]), _strings.GetOrNull(f[8]), X12Bytes.TextOrNull(f[9]));
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
        _guide.Complete(position);
        EnsureHeader(position);
        CloseClaim();
        Flush();
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
        ref var claim = ref Claim;
        claim.PatientControlNumber = X12Bytes.Text(f[1]);
        if (f[1].IsEmpty)
        {
            context.Error(X12ErrorCodes.RequiredElementMissing, f.Position, "CLP", 1, "CLP01 patient control number is required");
        }

        var status = claim.Status = _strings.Get(f[2]);
        if (Array.IndexOf(ClaimStatuses, status) < 0)
        {
            context.Error(f[2].IsEmpty ? X12ErrorCodes.RequiredElementMissing : X12ErrorCodes.InvalidCode, f.Position, "CLP", 2,
                $"CLP02 claim status '{X12Bytes.Show(status)}' is not one 005010X221A1 allows (1, 2, 3, 4, 19–23, 25)");
        }

        claim.TotalCharge = Amount(f, 3, required: true);
        claim.Paid = Amount(f, 4, required: true);
        claim.PatientResponsibility = f[5].IsEmpty ? null : Amount(f, 5, required: false);
        claim.FilingIndicator = _strings.GetOrNull(f[6]);
        claim.PayerClaimControlNumber = X12Bytes.TextOrNull(f[7]);
        claim.AdjustmentStart = _batch.AdjustmentCount;
        claim.DateStart = _batch.DateCount;
        claim.AmountStart = _batch.AmountCount;
        claim.ServiceStart = _batch.ServiceCount;
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
        ref var claim = ref Claim;
        if (_batch.ServiceCount == claim.ServiceStart)
        {
            // The claim's own CAS, DTM and AMT end where its first service begins.
            EndClaimLevel(ref claim);
        }

        _inService = true;
        _servicePosition = f.Position;
        ref var service = ref Service;
        service.DateStart = _batch.DateCount;
        service.AdjustmentStart = _batch.AdjustmentCount;
        service.AmountStart = _batch.AmountCount;
        service.RemarkStart = _batch.RemarkCount;
        var procedure = new X12Composite(f[1], f.ComponentSeparator, _procedureBounds);
        service.Qualifier = _strings.Get(procedure[1]);
        var code = service.ProcedureCode = _strings.Get(procedure[2]);
        if (code.Length == 0)
        {
            context.Error(X12ErrorCodes.RequiredElementMissing, f.Position, "SVC", 1, "SVC01 adjudicated procedure is required");
        }

        service.Modifiers = Modifiers(procedure);
        service.Charge = Amount(f, 2, required: true);
        service.Paid = Amount(f, 3, required: true);
        service.RevenueCode = _strings.GetOrNull(f[4]);
        service.UnitsPaid = f[5].IsEmpty ? null : Amount(f, 5, required: false);
        if (!f[6].IsEmpty)
        {
            var original = new X12Composite(f[6], f.ComponentSeparator, _originalBounds);
            service.OriginalQualifier = _strings.GetOrNull(original[1]);
            service.OriginalProcedureCode = _strings.GetOrNull(original[2]);
            service.OriginalModifiers = Modifiers(original);
        }

        service.OriginalUnits = f[7].IsEmpty ? null : Amount(f, 7, required: false);
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

        var groupCode = groupKey switch
        {
            'C' | ('O' << 8) => "CO",
            'P' | ('R' << 8) => "PR",
            'O' | ('A' << 8) => "OA",
            'P' | ('I' << 8) => "PI",
            _ => _strings.Get(group),
        };
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

            var amount = Amount(f, reasonIndex + 1, required: true);
            var quantityBytes = f[reasonIndex + 2];
            decimal? quantity = quantityBytes.IsEmpty ? null : Amount(f, reasonIndex + 2, required: false);
            RowArrays.Next(ref _batch.Adjustments, _batch.AdjustmentCount) = new Adjustment835(groupCode, _strings.Get(f[reasonIndex]), amount, quantity);
            _batch.AdjustmentCount++;
            var cents = X12Cents.Of(amount);
            _claimAdjustments.Add(cents);
            if (_inService)
            {
                _svcAdjustmentSum.Add(cents);
            }
        }
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

        var value = f[2];

        // Keyed by the qualifier and the date's eight bytes, looked up before parsing; only valid dates are stored.
        if (value.Length == 8 && X12Interning.TryPack(f[1], out var qualifierKey))
        {
            X12Interning.TryPack(value, out var dateKey);
            if (_dateReferences.TryGet(qualifierKey, dateKey, out var known))
            {
                AddDate(known);
                return;
            }

            if (X12Bytes.TryParseDate(value, out var parsed))
            {
                AddDate(_dateReferences.Add(qualifierKey, dateKey, new DateReference835(_strings.Get(f[1]), parsed)));
                return;
            }
        }

        if (Date(f, 2) is { } date)
        {
            AddDate(new DateReference835(_strings.Get(f[1]), date));
        }
    }

    private void AddDate(in DateReference835 date)
    {
        RowArrays.Next(ref _batch.Dates, _batch.DateCount) = date;
        _batch.DateCount++;
    }

    private void OnAmt(in X12Fields f)
    {
        if (!_inClaim)
        {
            return;
        }

        RowArrays.Next(ref _batch.Amounts, _batch.AmountCount) = new Amount835(_strings.Get(f[1]), Amount(f, 2, required: true));
        _batch.AmountCount++;
    }

    private void OnPlb(in X12Fields f)
    {
        EnsureHeader(f.Position);
        CloseClaim();

        // The claims before this PLB reach the sink before it does.
        Flush();
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
        ref var service = ref Service;
        service.DateEnd = _batch.DateCount;
        service.AdjustmentEnd = _batch.AdjustmentCount;
        service.AmountEnd = _batch.AmountCount;
        service.RemarkEnd = _batch.RemarkCount;
        _batch.ServiceCount++;

        // SVC02 − Σ 2110 CAS = SVC03, in cents when every amount allows it.
        if (!Balances(service.Charge, _svcAdjustmentSum, service.Paid, service.AdjustmentStart, service.AdjustmentEnd))
        {
            var adjustments = Sum(service.AdjustmentStart, service.AdjustmentEnd);
            context.Warning(X12ErrorCodes.ServiceNotBalanced, _servicePosition, "SVC", 3,
                $"service charge {X12Bytes.Format(service.Charge)} − adjustments {X12Bytes.Format(adjustments)} ≠ paid {X12Bytes.Format(service.Paid)}");
        }

        _svcAdjustmentSum.Clear();
    }

    /// <summary>charge − adjustments = paid, exactly: in cents when they all are, otherwise in decimal.</summary>
    private bool Balances(decimal charge, in X12Cents adjustments, decimal paid, int firstAdjustment, int endAdjustment)
    {
        var chargeCents = X12Cents.Of(charge);
        var paidCents = X12Cents.Of(paid);
        if (adjustments.IsExact && chargeCents != X12Cents.None && paidCents != X12Cents.None)
        {
            return chargeCents - adjustments.Cents == paidCents;
        }

        return charge - Sum(firstAdjustment, endAdjustment) == paid;
    }

    private decimal Sum(int firstAdjustment, int endAdjustment)
    {
        var sum = 0m;
        foreach (var adjustment in _batch.Adjustments.AsSpan(firstAdjustment, endAdjustment - firstAdjustment))
        {
            sum += adjustment.Amount;
        }

        return sum;
    }

    private void EndClaimLevel(ref ClaimRow claim)
    {
        claim.AdjustmentEnd = _batch.AdjustmentCount;
        claim.DateEnd = _batch.DateCount;
        claim.AmountEnd = _batch.AmountCount;
    }

    private void CloseClaim()
    {
        if (!_inClaim)
        {
            return;
        }

        CloseService();
        _inClaim = false;
        ref var claim = ref Claim;
        if (_batch.ServiceCount == claim.ServiceStart)
        {
            EndClaimLevel(ref claim);
        }

        claim.ServiceEnd = _batch.ServiceCount;

        // CLP03 − Σ (2100 CAS + 2110 CAS) = CLP04: the claim's and its services' adjustments are
        // one run of rows.
        if (!Balances(claim.TotalCharge, _claimAdjustments, claim.Paid, claim.AdjustmentStart, _batch.AdjustmentCount))
        {
            context.Warning(X12ErrorCodes.ClaimNotBalanced, _claimPosition, "CLP", 4,
                $"claim charge {X12Bytes.Format(claim.TotalCharge)} − adjustments {X12Bytes.Format(Sum(claim.AdjustmentStart, _batch.AdjustmentCount))} ≠ paid {X12Bytes.Format(claim.Paid)}");
        }

        _sumPaid += claim.Paid;
        var result = context.Result;
        result.Claims++;
        result.TotalCharge += claim.TotalCharge;
        result.TotalPaid += claim.Paid;
        _batch.ClaimCount++;
        if (_batch.IsFull)
        {
            Flush();
        }
    }

    /// <summary>Hands the closed claims to the sink and empties the batch.</summary>
    private void Flush()
    {
        if (_batch.ClaimCount == 0)
        {
            return;
        }

        context.Sink?.OnClaimPayments835(_batch);
        _batch.Clear();
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
