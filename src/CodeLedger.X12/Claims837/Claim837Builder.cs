using CodeLedger.X12.Envelope;
using CodeLedger.X12.Reading;

namespace CodeLedger.X12.Claims837;

/// <summary>
/// Reads one 837P set (005010X222A1) segment by segment into the typed rows of a claim batch
/// (<see cref="ClaimBatch837"/>), handing the batch to the sink when it is full and at the end of
/// the set. It follows the HL hierarchy by
/// level code (20 billing provider, 22 subscriber, 23 patient) and checks the loop rules that
/// decide whether a claim can be trusted: required name loops and segments, repeats, order.
/// </summary>
internal sealed class Claim837Builder(X12ParseContext context, string controlNumber) : ITransactionBuilder
{
    private readonly X12StringCache _strings = context.Strings;
    private readonly X12StringCache _personNames = context.Names;

    // Diagnoses and pointer lists repeat from claim to claim, and the payer's and the providers'
    // NM1 from subscriber to subscriber: sharing the immutable objects built last time removes
    // their allocations (see X12Interner).
    private readonly X12Interner<Diagnosis837> _diagnoses = new();
    private readonly X12Interner<int[]> _pointerLists = new();
    private readonly X12Interner<string[]> _modifierLists = new();
    private readonly NameSlot[] _names = new NameSlot[16];

    private readonly PartyDraft _submitter = new();
    private readonly PartyDraft _receiver = new();
    private readonly PartyDraft _billing = new();
    private readonly PartyDraft _subscriber = new();
    private readonly PartyDraft _payer = new();
    private readonly PartyDraft _patient = new();
    private readonly PartyDraft _claimProvider = new();
    private readonly PartyDraft _ignored = new();

    // Qualifier, code, four modifiers and the description: nine bounds split SV101 once. A field,
    // not a stackalloc: a method with a loop and a stackalloc is compiled once, without the
    // profile-guided tier.
    private readonly int[] _procedureBounds = new int[9];

    // Claims and their lines are written straight into the rows of a reused batch; the sink gets
    // the batch, and only a sink that asks for records makes any.
    private readonly ClaimBatch837 _batch = context.ClaimBatch;

    private PartyDraft _target = new();
    private Loop _loop = Loop.Header;

    private bool _hasBht;
    private string _purpose = string.Empty;
    private string _reference = string.Empty;
    private string _date = string.Empty;
    private string _time = string.Empty;
    private string _claimOrEncounter = string.Empty;
    private string? _contactName;
    private string? _contactPhone;
    private bool _headerEmitted;

    private bool _inBilling;
    private readonly HlId _billingHlId = new();
    private long _billingHlPosition;
    private bool _billingChecked;
    private BillingProvider837? _billingRecord;

    private bool _inSubscriber;
    private readonly HlId _subscriberHlId = new();
    private long _subscriberHlPosition;
    private bool _hasSbr;
    private string _sbr01 = string.Empty;
    private string? _sbr02;
    private string? _sbr03;
    private string? _sbr09;
    private Subscriber837? _subscriberRecord;

    private bool _inPatient;
    private long _patientHlPosition;
    private string? _patientRelationship;
    private Patient837? _patientRecord;

    // The open claim and line are the rows at the batch's ClaimCount and LineCount: segments write
    // straight into them, and closing one only counts it. What the rows do not keep (where the
    // loop began, whether a segment was seen) stays here.
    private bool _inClaim;
    private long _claimPosition;
    private bool _claimHasHi;
    private bool _inLine;
    private long _linePosition;
    private bool _lineHasSv1;
    private bool _lineHasDate;
    private int _lastLineNumber;

    private enum Loop
    {
        Header,
        BillingProvider,
        Subscriber,
        Patient,
        Claim,
        OtherSubscriber,
        Line,
        LineOther,
    }

    public void OnSegment(in X12Segment segment)
    {
        Span<int> scratch = stackalloc int[33];
        OnFields(X12SegmentIds.Key(segment.Id), new X12Fields(segment, scratch));
    }

    public void OnFields(uint key, in X12Fields f)
    {
        // One switch on the packed identifier instead of a chain of comparisons.
        switch (key)
        {
            case X12SegmentIds.Hl:
                OnHl(f);
                break;
            case X12SegmentIds.Lx:
                OnLx(f);
                break;
            case X12SegmentIds.Hi:
                OnHi(f);
                break;
            case X12SegmentIds.N3:
                OnN3(f);
                break;
            case X12SegmentIds.N4:
                OnN4(f);
                break;
            case X12SegmentIds.Nm1:
                OnNm1(f);
                break;
            case X12SegmentIds.Clm:
                OnClm(f);
                break;
            case X12SegmentIds.Sv1:
                OnSv1(f);
                break;
            case X12SegmentIds.Dtp:
                OnDtp(f);
                break;
            case X12SegmentIds.Ref:
                OnRef(f);
                break;
            case X12SegmentIds.Sbr:
                OnSbr(f);
                break;
            case X12SegmentIds.Pat:
                OnPat(f);
                break;
            case X12SegmentIds.Dmg:
                OnDmg(f);
                break;
            case X12SegmentIds.Bht:
                OnBht(f);
                break;
            case X12SegmentIds.Per:
                OnPer(f);
                break;
            // 2410 drug identification (LIN), 2430 line adjudication (SVD) and 2440 form
            // identification (LQ) open loops the model does not keep: what follows them until the
            // next line, claim or HL (their NM1s, REFs, DTPs) must not land on the service line.
            case X12SegmentIds.Lin or X12SegmentIds.Svd or X12SegmentIds.Lq:
                if (_inLine)
                {
                    _loop = Loop.LineOther;
                    _target = _ignored;
                }

                break;
            default:
                break;
        }
    }

    public void Complete(long position)
    {
        EnsureHeader(position);
        CloseHierarchy(level: 0);
        Flush();
    }

    private void OnBht(in X12Fields f)
    {
        _hasBht = true;
        _purpose = X12Bytes.Text(f[2]);
        _reference = X12Bytes.Text(f[3]);
        _date = X12Bytes.Text(f[4]);
        _time = X12Bytes.Text(f[5]);
        _claimOrEncounter = X12Bytes.Text(f[6]);
    }

    private void OnPer(in X12Fields f)
    {
        if (ReferenceEquals(_target, _submitter) && _contactName is null)
        {
            _contactName = X12Bytes.TextOrNull(f[2]);
            _contactPhone = X12Bytes.TextOrNull(f[4]);
        }
    }

    private void OnHl(in X12Fields f)
    {
        var position = f.Position;
        var level = f[3];
        if (level.SequenceEqual("20"u8))
        {
            EnsureHeader(position);
            CloseHierarchy(level: 20);
            _inBilling = true;
            _billingHlId.Set(f[1]);
            _billingHlPosition = position;
            _billingChecked = false;
            _billingRecord = null;
            _billing.Reset(position);
            _target = _ignored;
            _loop = Loop.BillingProvider;
            if (!f[2].IsEmpty)
            {
                context.Error(X12ErrorCodes.InvalidHierarchy, position, "HL", 2, "a billing provider HL (level 20) has no parent");
            }
        }
        else if (level.SequenceEqual("22"u8))
        {
            EnsureHeader(position);
            CloseHierarchy(level: 22);
            CheckBilling();
            if (!_inBilling)
            {
                context.Error(X12ErrorCodes.InvalidHierarchy, position, "HL", 3, "subscriber HL (level 22) without a billing provider HL (level 20)");
            }
            else if (!f[2].SequenceEqual(_billingHlId.Value))
            {
                context.Error(X12ErrorCodes.InvalidHierarchy, position, "HL", 2,
                    $"HL02 '{X12Bytes.Show(f[2])}' is not the current billing provider HL '{X12Bytes.Show(_billingHlId.Value)}'");
            }

            _inSubscriber = true;
            _subscriberHlId.Set(f[1]);
            _subscriberHlPosition = position;
            _hasSbr = false;
            _sbr01 = string.Empty;
            _sbr02 = _sbr03 = _sbr09 = null;
            _subscriber.Reset(position);
            _payer.Reset(position);
            _subscriberRecord = null;
            _target = _ignored;
            _loop = Loop.Subscriber;
        }
        else if (level.SequenceEqual("23"u8))
        {
            CloseHierarchy(level: 23);
            if (!_inSubscriber)
            {
                context.Error(X12ErrorCodes.InvalidHierarchy, position, "HL", 3, "patient HL (level 23) without a subscriber HL (level 22)");
            }
            else if (!f[2].SequenceEqual(_subscriberHlId.Value))
            {
                context.Error(X12ErrorCodes.InvalidHierarchy, position, "HL", 2,
                    $"HL02 '{X12Bytes.Show(f[2])}' is not the current subscriber HL '{X12Bytes.Show(_subscriberHlId.Value)}'");
            }

            _inPatient = true;
            _patientHlPosition = position;
            _patientRelationship = null;
            _patient.Reset(position);
            _patientRecord = null;
            _target = _ignored;
            _loop = Loop.Patient;
        }
        else
        {
            context.Error(X12ErrorCodes.InvalidCode, position, "HL", 3,
                $"HL03 '{X12Bytes.Show(level)}' is not a level of the 837P hierarchy (20, 22, 23)");
        }
    }

    /// <summary>Closes every open loop at or below <paramref name="level"/> (0 closes everything).</summary>
    private void CloseHierarchy(int level)
    {
        CloseClaim();
        if (_inPatient)
        {
            CheckPatient();
            _inPatient = false;
        }

        if (level is 22 or 20 or 0 && _inSubscriber)
        {
            CheckSubscriber();
            _inSubscriber = false;
        }

        if (level is 20 or 0 && _inBilling)
        {
            CheckBilling();
            _inBilling = false;
        }
    }

    private void EnsureHeader(long position)
    {
        if (_headerEmitted)
        {
            return;
        }

        _headerEmitted = true;
        if (!_hasBht)
        {
            Missing(position, "BHT", "the transaction has no BHT (beginning of hierarchical transaction)");
        }

        if (_submitter.Name is null)
        {
            Missing(position, "NM1", "loop 1000A submitter (NM1*41) is missing");
        }

        if (_receiver.Name is null)
        {
            Missing(position, "NM1", "loop 1000B receiver (NM1*40) is missing");
        }

        context.Sink?.OnTransaction837(Header());
    }

    internal Transaction837Header Header() => new(controlNumber, _purpose, _reference, _date, _time, _claimOrEncounter,
        _submitter.Name ?? Empty("41"), _contactName, _contactPhone, _receiver.Name ?? Empty("40"));

    private void CheckBilling()
    {
        if (_billingChecked || !_inBilling)
        {
            return;
        }

        _billingChecked = true;
        if (_billing.Name is null)
        {
            Missing(_billingHlPosition, "NM1", "loop 2010AA billing provider (NM1*85) is missing");
            return;
        }

        CheckAddress(_billing, "2010AA billing provider");
        if (_billing.TaxId is null)
        {
            Missing(_billing.Position, "REF", "loop 2010AA billing provider has no tax id (REF*EI or REF*SY)");
        }

    }

    private void CheckSubscriber()
    {
        if (!_hasSbr)
        {
            Missing(_subscriberHlPosition, "SBR", "loop 2000B has no SBR (subscriber information)");
        }

        if (_subscriber.Name is null)
        {
            Missing(_subscriberHlPosition, "NM1", "loop 2010BA subscriber (NM1*IL) is missing");
        }

        if (_payer.Name is null)
        {
            Missing(_subscriberHlPosition, "NM1", "loop 2010BB payer (NM1*PR) is missing");
        }
    }

    private void CheckPatient()
    {
        if (_patientRelationship is null)
        {
            Missing(_patientHlPosition, "PAT", "loop 2000C has no PAT (patient relationship)");
        }

        if (_patient.Name is null)
        {
            Missing(_patientHlPosition, "NM1", "loop 2010CA patient (NM1*QC) is missing");
        }
    }

    private void CheckAddress(PartyDraft party, string loop)
    {
        if (!party.HasN3)
        {
            Missing(party.Position, "N3", $"loop {loop} has no N3 (address)");
        }

        if (!party.HasN4)
        {
            Missing(party.Position, "N4", $"loop {loop} has no N4 (city, state, ZIP)");
        }
    }

    private void OnNm1(in X12Fields f)
    {
        var position = f.Position;
        var entity = f[1];
        if (entity.IsEmpty)
        {
            context.Error(X12ErrorCodes.RequiredElementMissing, position, "NM1", 1, "NM101 entity identifier code is required");
            Ignore(position);
            return;
        }

        if (f[2].IsEmpty)
        {
            context.Error(X12ErrorCodes.RequiredElementMissing, position, "NM1", 2, "NM102 entity type qualifier is required");
        }
        else if (!f[2].SequenceEqual("1"u8) && !f[2].SequenceEqual("2"u8))
        {
            context.Error(X12ErrorCodes.InvalidCode, position, "NM1", 2, $"NM102 '{X12Bytes.Show(f[2])}' is not 1 (person) or 2 (organization)");
        }

        // Providers, payers and common names repeat from claim to claim: the cache returns the
        // same strings instead of allocating new ones.
        var name = Name(f, entity);

        if (_loop is Loop.OtherSubscriber)
        {
            // Loops 2330A–G (other payer's view of the claim) are not part of the model.
            if (!IsEntity(entity, Cob))
            {
                InvalidEntity(position, entity);
            }

            Ignore(position);
            return;
        }

        if (_loop is Loop.Line or Loop.LineOther)
        {
            _loop = Loop.Line;
            if (entity.SequenceEqual("82"u8))
            {
                OpenLineRow.Rendering = name;
            }
            else if (!IsEntity(entity, LineEntities))
            {
                InvalidEntity(position, entity);
            }

            Ignore(position);
            return;
        }

        if (_loop is Loop.Claim)
        {
            if (entity.SequenceEqual("DN"u8) || entity.SequenceEqual("P3"u8))
            {
                OpenClaimRow.Referring ??= name;
            }
            else if (entity.SequenceEqual("82"u8))
            {
                OpenClaimRow.Rendering = name;
            }
            else if (!IsEntity(entity, ClaimEntities))
            {
                InvalidEntity(position, entity);
            }

            _claimProvider.Reset(position);
            _target = _claimProvider;
            return;
        }

        if (entity.SequenceEqual("41"u8))
        {
            Assign(_submitter, name, position, "1000A submitter");
        }
        else if (entity.SequenceEqual("40"u8))
        {
            Assign(_receiver, name, position, "1000B receiver");
        }
        else if (entity.SequenceEqual("85"u8) && _inBilling && !_inSubscriber)
        {
            Assign(_billing, name, position, "2010AA billing provider");
            _billingRecord = null;
        }
        else if (entity.SequenceEqual("IL"u8) && _inSubscriber)
        {
            Assign(_subscriber, name, position, "2010BA subscriber");
            _subscriberRecord = null;
        }
        else if (entity.SequenceEqual("PR"u8) && _inSubscriber)
        {
            Assign(_payer, name, position, "2010BB payer");
            _subscriberRecord = null;
        }
        else if (entity.SequenceEqual("QC"u8) && _inPatient)
        {
            Assign(_patient, name, position, "2010CA patient");
            _patientRecord = null;
        }
        else if (IsEntity(entity, HeaderEntities))
        {
            Ignore(position);
        }
        else
        {
            InvalidEntity(position, entity);
            Ignore(position);
        }
    }

    /// <summary>A name loop the model does not keep: its N3/N4 are still checked for order.</summary>
    private void Ignore(long position)
    {
        _ignored.Reset(position);
        _target = _ignored;
    }

    private void Assign(PartyDraft party, X12Name name, long position, string loop)
    {
        if (party.Name is not null)
        {
            context.Error(X12ErrorCodes.SegmentRepeatExceeded, position, "NM1", null, $"loop {loop} appears more than once (maximum 1)");
            Ignore(position);
            return;
        }

        party.Reset(position);
        party.Name = name;
        party.NameCount = 1;
        _target = party;
    }

    private void InvalidEntity(long position, ReadOnlySpan<byte> entity) =>
        context.Error(X12ErrorCodes.InvalidCode, position, "NM1", 1, $"NM101 '{X12Bytes.Show(entity)}' is not an entity code of this 837P loop");

    private void OnN3(in X12Fields f)
    {
        var target = _target;
        if (target.HasN4)
        {
            context.Error(X12ErrorCodes.SegmentOutOfOrder, f.Position, "N3", null, "N3 (address) must come before N4 (city, state, ZIP)");
        }

        target.HasN3 = true;
        // Address lines are close to unique: decoded, not cached (see X12StringCache).
        target.Line1 = X12Bytes.Text(f[1]);
        target.Line2 = X12Bytes.TextOrNull(f[2]);
        Invalidate(target);
    }

    private void OnN4(in X12Fields f)
    {
        var target = _target;
        target.HasN4 = true;
        target.City = _strings.Get(f[1]);
        target.State = _strings.GetOrNull(f[2]);
        target.PostalCode = _strings.GetOrNull(f[3]);
        Invalidate(target);
    }

    private void OnDmg(in X12Fields f)
    {
        var target = _target;
        if (f[1].SequenceEqual("D8"u8) && !f[2].IsEmpty)
        {
            if (X12Bytes.TryParseDate(f[2], out var birth))
            {
                target.BirthDate = birth;
            }
            else
            {
                context.Error(X12ErrorCodes.InvalidDate, f.Position, "DMG", 2, $"'{X12Bytes.Show(f[2])}' is not a CCYYMMDD date");
            }
        }

        target.Gender = _strings.GetOrNull(f[3]);
        Invalidate(target);
    }

    private void Invalidate(PartyDraft target)
    {
        if (ReferenceEquals(target, _billing))
        {
            _billingRecord = null;
        }
        else if (ReferenceEquals(target, _subscriber) || ReferenceEquals(target, _payer))
        {
            _subscriberRecord = null;
        }
        else if (ReferenceEquals(target, _patient))
        {
            _patientRecord = null;
        }
    }

    private void OnRef(in X12Fields f)
    {
        var qualifier = f[1];
        if (_loop is Loop.BillingProvider && ReferenceEquals(_target, _billing) && (qualifier.SequenceEqual("EI"u8) || qualifier.SequenceEqual("SY"u8)))
        {
            if (++_billing.TaxIdCount > 1)
            {
                context.Error(X12ErrorCodes.SegmentRepeatExceeded, f.Position, "REF", null,
                    "loop 2010AA carries more than one tax id REF (maximum 1)");
                return;
            }

            _billing.TaxIdQualifier = _strings.Get(qualifier);
            _billing.TaxId = X12Bytes.Text(f[2]);
            _billingRecord = null;
        }
        else if (_loop is Loop.Claim && ReferenceEquals(_target, _ignored))
        {
            if (qualifier.SequenceEqual("G1"u8))
            {
                OpenClaimRow.PriorAuthorization = X12Bytes.Text(f[2]);
            }
            else if (qualifier.SequenceEqual("F8"u8))
            {
                OpenClaimRow.PayerClaimControlNumber = X12Bytes.Text(f[2]);
            }
        }
        else if (_loop is Loop.Line && qualifier.SequenceEqual("G1"u8))
        {
            OpenLineRow.PriorAuthorization = X12Bytes.Text(f[2]);
        }
    }

    private void OnSbr(in X12Fields f)
    {
        if (_loop is Loop.Claim or Loop.OtherSubscriber)
        {
            _loop = Loop.OtherSubscriber;
            _target = _ignored;
            return;
        }

        if (!_inSubscriber || _inPatient)
        {
            context.Error(X12ErrorCodes.SegmentOutOfOrder, f.Position, "SBR", null, "SBR outside loop 2000B");
            return;
        }

        _hasSbr = true;
        _sbr01 = _strings.Get(f[1]);
        _sbr02 = _strings.GetOrNull(f[2]);
        _sbr03 = X12Bytes.TextOrNull(f[3]);
        _sbr09 = _strings.GetOrNull(f[9]);
        if (f[1].IsEmpty)
        {
            context.Error(X12ErrorCodes.RequiredElementMissing, f.Position, "SBR", 1, "SBR01 payer responsibility sequence is required");
        }

        _subscriberRecord = null;
    }

    private void OnPat(in X12Fields f)
    {
        if (!_inPatient)
        {
            return;
        }

        _patientRelationship = _strings.Get(f[1]);
        if (f[1].IsEmpty)
        {
            context.Error(X12ErrorCodes.RequiredElementMissing, f.Position, "PAT", 1, "PAT01 individual relationship code is required");
        }

        _patientRecord = null;
    }

    private void OnClm(in X12Fields f)
    {
        var position = f.Position;
        CloseClaim();
        if (!_inSubscriber)
        {
            context.Error(X12ErrorCodes.SegmentOutOfOrder, position, "CLM", null, "CLM outside a subscriber or patient HL");
        }

        CheckBilling();
        _inClaim = true;
        _loop = Loop.Claim;
        _target = _ignored;
        _lastLineNumber = 0;
        _claimPosition = position;
        _claimHasHi = false;
        ref var claim = ref OpenClaimRow;
        claim = default;
        claim.DiagnosisStart = _batch.DiagnosisCount;
        claim.LineStart = _batch.LineCount;
        claim.PatientControlNumber = X12Bytes.Text(f[1]);
        if (f[1].IsEmpty)
        {
            context.Error(X12ErrorCodes.RequiredElementMissing, position, "CLM", 1, "CLM01 patient control number is required");
        }

        claim.TotalCharge = Amount(f, 2, required: true);
        if (f[5].IsEmpty)
        {
            claim.PlaceOfService = claim.FrequencyCode = string.Empty;
            context.Error(X12ErrorCodes.RequiredElementMissing, position, "CLM", 5, "CLM05 place of service, facility qualifier and frequency are required");
        }
        else
        {
            claim.PlaceOfService = _strings.Get(f.Component(5, 1));
            claim.FrequencyCode = _strings.Get(f.Component(5, 3));
            if (claim.PlaceOfService.Length == 0 || claim.FrequencyCode.Length == 0)
            {
                context.Error(X12ErrorCodes.RequiredElementMissing, position, "CLM", 5, "CLM05-1 place of service and CLM05-3 frequency code are required");
            }
        }

        claim.ProviderSignature = _strings.GetOrNull(f[6]);
        claim.Assignment = _strings.GetOrNull(f[7]);
        claim.BenefitsAssignment = _strings.GetOrNull(f[8]);
        claim.ReleaseOfInformation = _strings.GetOrNull(f[9]);
    }

    private void OnHi(in X12Fields f)
    {
        if (!_inClaim)
        {
            return;
        }

        // HI also carries anesthesia procedures (BP), condition codes (BG) and others; only the
        // ICD diagnosis qualifiers belong to the diagnosis list (005010X222A1 loop 2300 HI).
        var first = f.Component(1, 1);
        if (!IsDiagnosisQualifier(first))
        {
            return;
        }

        _claimHasHi = true;
        var diagnosisStart = OpenClaimRow.DiagnosisStart;
        var separator = f.ComponentSeparator;
        for (var i = 1; i <= f.Count; i++)
        {
            // Components 1 and 2 of the element in one pass (X12Bytes.Component's rules).
            var element = f[i];
            var colon = element.IndexOf(separator);
            var qualifier = colon < 0 ? element : element[..colon];
            var code = default(ReadOnlySpan<byte>);
            if (colon >= 0)
            {
                code = element[(colon + 1)..];
                var next = code.IndexOf(separator);
                if (next >= 0)
                {
                    code = code[..next];
                }
            }

            if (qualifier.IsEmpty && code.IsEmpty)
            {
                continue;
            }

            if (!IsDiagnosisQualifier(qualifier))
            {
                context.Error(X12ErrorCodes.InvalidCode, f.Position, "HI", i, $"'{X12Bytes.Show(qualifier)}' is not a diagnosis qualifier (ABK, ABF)");
                break;
            }

            if (code.IsEmpty)
            {
                context.Error(X12ErrorCodes.RequiredElementMissing, f.Position, "HI", i, "the diagnosis code is missing");
                break;
            }

            if (_batch.DiagnosisCount - diagnosisStart == 12)
            {
                context.Error(X12ErrorCodes.TooManyRepeats, f.Position, "HI", i, "a claim carries at most 12 diagnosis codes");
                break;
            }

            RowArrays.Next(ref _batch.Diagnoses, _batch.DiagnosisCount) = Diagnosis(qualifier, code);
            _batch.DiagnosisCount++;
        }
    }

    private static bool IsDiagnosisQualifier(ReadOnlySpan<byte> qualifier) => qualifier.Length switch
    {
        3 => qualifier[0] == 'A' && qualifier[1] == 'B' && qualifier[2] is (byte)'K' or (byte)'F',
        2 => qualifier[0] == 'B' && qualifier[1] is (byte)'K' or (byte)'F',
        _ => false,
    };

    private void OnLx(in X12Fields f)
    {
        if (!_inClaim)
        {
            context.Error(X12ErrorCodes.SegmentOutOfOrder, f.Position, "LX", null, "LX (service line) outside a claim");
            return;
        }

        CloseLine();
        var number = X12Bytes.TryParseCount(f[1], out var n) && n <= int.MaxValue ? (int)n : _lastLineNumber + 1;
        if (f[1].IsEmpty)
        {
            context.Error(X12ErrorCodes.RequiredElementMissing, f.Position, "LX", 1, "LX01 line number is required");
        }

        OpenLine(f.Position, number);
    }

    private void OpenLine(long position, int number)
    {
        _linePosition = position;
        _lineHasSv1 = false;
        _lineHasDate = false;
        ref var line = ref OpenLineRow;
        line = default;
        line.LineNumber = number;
        _lastLineNumber = number;
        _inLine = true;
        _loop = Loop.Line;
        _target = _ignored;
    }

    private void OnSv1(in X12Fields f)
    {
        var position = f.Position;
        if (!_inClaim)
        {
            context.Error(X12ErrorCodes.SegmentOutOfOrder, position, "SV1", null, "SV1 outside a claim");
            return;
        }

        if (!_inLine || _lineHasSv1)
        {
            Missing(position, "LX", "SV1 without its LX: every service line starts with LX (loop 2400)");
            CloseLine();
            OpenLine(position, _lastLineNumber + 1);
        }

        _loop = Loop.Line;
        _lineHasSv1 = true;
        ref var line = ref OpenLineRow;
        var procedure = new X12Composite(f[1], f.ComponentSeparator, _procedureBounds);
        line.Qualifier = _strings.Get(procedure[1]);
        line.ProcedureCode = _strings.Get(procedure[2]);
        if (line.Qualifier.Length == 0 || line.ProcedureCode.Length == 0)
        {
            context.Error(X12ErrorCodes.RequiredElementMissing, position, "SV1", 1, "SV101-1 qualifier and SV101-2 procedure code are required");
        }

        var modifierCount = 0;
        for (var i = 3; i <= 6; i++)
        {
            if (!procedure[i].IsEmpty)
            {
                modifierCount = i - 2;
            }
        }

        if (modifierCount > 0)
        {
            line.Modifiers = Modifiers(procedure, modifierCount);
        }

        line.Description = X12Bytes.TextOrNull(procedure[7]);
        line.Charge = Amount(f, 2, required: true);
        var basis = f[3];
        if (!basis.SequenceEqual("UN"u8) && !basis.SequenceEqual("MJ"u8))
        {
            context.Error(basis.IsEmpty ? X12ErrorCodes.RequiredElementMissing : X12ErrorCodes.InvalidCode, position, "SV1", 3,
                $"SV103 unit basis '{X12Bytes.Show(basis)}' must be UN (units) or MJ (minutes)");
        }

        line.UnitBasis = _strings.Get(basis);
        line.Units = Amount(f, 4, required: true);
        line.PlaceOfService = _strings.GetOrNull(f[5]);
        line.Pointers = Pointers(f, position);
    }

    /// <summary>
    /// The NM1 as a name. The same NM1 bytes as the last NM1 of that entity code (the payer of
    /// every subscriber, the same rendering provider) give back the same name object.
    /// </summary>
    private X12Name Name(in X12Fields f, ReadOnlySpan<byte> entity)
    {
        var raw = f.Raw;
        ref var slot = ref _names[(entity[0] ^ (entity.Length > 1 ? entity[1] * 7 : 0)) & (_names.Length - 1)];
        if (slot.Name is { } known && raw.SequenceEqual(slot.Bytes.AsSpan(0, slot.Length)))
        {
            return known;
        }

        // Identifiers are unique per person or provider: never cached (see X12StringCache).
        var name = new X12Name(_strings.Get(entity), _strings.Get(f[2]), _personNames.Get(f[3]), _personNames.GetOrNull(f[4]),
            _personNames.GetOrNull(f[5]), _strings.GetOrNull(f[7]), _strings.GetOrNull(f[8]), X12Bytes.TextOrNull(f[9]));
        if (slot.Bytes is null || slot.Bytes.Length < raw.Length)
        {
            slot.Bytes = new byte[Math.Max(raw.Length, 64)];
        }

        raw.CopyTo(slot.Bytes);
        slot.Length = raw.Length;
        slot.Name = name;
        return name;
    }

    private Diagnosis837 Diagnosis(ReadOnlySpan<byte> qualifier, ReadOnlySpan<byte> code)
    {
        if (!X12Interning.TryPack(qualifier, out var qualifierKey) || !X12Interning.TryPack(code, out var codeKey))
        {
            return new Diagnosis837(_strings.Get(qualifier), _strings.Get(code));
        }

        return _diagnoses.TryGet(qualifierKey, codeKey, out var known)
            ? known
            : _diagnoses.Add(qualifierKey, codeKey, new Diagnosis837(_strings.Get(qualifier), _strings.Get(code)));
    }

    /// <summary>
    /// SV101-3 to SV101-6. Modifier lists repeat like codes (25, 59, LT, RT:59…), so a list of
    /// modifiers of at most two bytes each is shared, keyed by the modifiers packed 16 bits apiece
    /// in their places (an empty one packs to zero and keeps its place, so "59" and "::59" differ).
    /// </summary>
    private string[] Modifiers(in X12Composite procedure, int count)
    {
        ulong key = 0;
        var shared = true;
        for (var i = 0; i < count && shared; i++)
        {
            shared = X12Interning.TryPack(procedure[i + 3], out var modifier) && modifier <= 0xFFFF;
            key |= modifier << (16 * i);
        }

        if (shared && _modifierLists.TryGet(key, (ulong)count, out var known))
        {
            return known;
        }

        var modifiers = new string[count];
        for (var i = 0; i < count; i++)
        {
            modifiers[i] = _strings.Get(procedure[i + 3]);
        }

        return shared ? _modifierLists.Add(key, (ulong)count, modifiers) : modifiers;
    }

    private int[] Pointers(in X12Fields f, long position)
    {
        var element = f[7];
        if (element.IsEmpty)
        {
            context.Error(X12ErrorCodes.RequiredElementMissing, position, "SV1", 7, "SV107 diagnosis code pointer is required");
            return [];
        }

        // Only valid lists are shared, so a bad pointer is reported every time it occurs.
        var packed = X12Interning.TryPack(element, out var key);
        if (packed && _pointerLists.TryGet(key, f.ComponentSeparator, out var known))
        {
            return known;
        }

        var pointers = ParsePointers(element, f.ComponentSeparator, position, out var valid);
        if (packed && valid)
        {
            _pointerLists.Add(key, f.ComponentSeparator, pointers);
        }

        return pointers;
    }

    private int[] ParsePointers(ReadOnlySpan<byte> element, byte separator, long position, out bool valid)
    {
        valid = true;
        var count = element.Count(separator) + 1;
        if (count > 4)
        {
            context.Error(X12ErrorCodes.TooManyRepeats, position, "SV1", 7, "SV107 carries at most 4 diagnosis pointers");
            valid = false;
            count = 4;
        }

        var pointers = new int[count];
        var used = 0;
        for (var i = 1; i <= count; i++)
        {
            var component = X12Bytes.Component(element, i, separator);
            if (component.IsEmpty)
            {
                continue;
            }

            if (!X12Bytes.TryParseCount(component, out var pointer) || pointer is < 1 or > 12)
            {
                context.Error(X12ErrorCodes.InvalidNumber, position, "SV1", 7, $"diagnosis pointer '{X12Bytes.Show(component)}' is not 1–12");
                valid = false;
                continue;
            }

            pointers[used++] = (int)pointer;
        }

        return used == count ? pointers : pointers[..used];
    }

    private void OnDtp(in X12Fields f)
    {
        if (!_inLine || !f[1].SequenceEqual("472"u8))
        {
            return;
        }

        var format = f[2];
        var value = f[3];
        if (format.SequenceEqual("D8"u8))
        {
            if (X12Bytes.TryParseDate(value, out var date))
            {
                ref var line = ref OpenLineRow;
                line.ServiceFrom = date;
                line.ServiceTo = null;
                _lineHasDate = true;
                return;
            }
        }
        else if (format.SequenceEqual("RD8"u8))
        {
            var dash = value.IndexOf((byte)'-');
            if (dash > 0 && X12Bytes.TryParseDate(value[..dash], out var from) && X12Bytes.TryParseDate(value[(dash + 1)..], out var to))
            {
                ref var line = ref OpenLineRow;
                line.ServiceFrom = from;
                line.ServiceTo = to;
                _lineHasDate = true;
                return;
            }
        }
        else
        {
            context.Error(X12ErrorCodes.InvalidCode, f.Position, "DTP", 2, $"DTP02 '{X12Bytes.Show(format)}' must be D8 or RD8");
            return;
        }

        context.Error(X12ErrorCodes.InvalidDate, f.Position, "DTP", 3, $"'{X12Bytes.Show(value)}' is not a valid {X12Bytes.Show(format)} date");
    }

    private void CloseLine()
    {
        if (!_inLine)
        {
            return;
        }

        _inLine = false;
        if (!_lineHasSv1)
        {
            // Not kept: the next line's row overwrites this one.
            Missing(_linePosition, "SV1", "loop 2400 has no SV1 (professional service)");
            return;
        }

        if (!_lineHasDate)
        {
            Missing(_linePosition, "DTP", "loop 2400 has no DTP*472 service date");
        }

        _batch.LineCount++;
    }

    private void CloseClaim()
    {
        if (!_inClaim)
        {
            return;
        }

        CloseLine();
        _inClaim = false;
        ref var row = ref OpenClaimRow;
        if (!_claimHasHi)
        {
            Missing(_claimPosition, "HI", "claim has no HI (diagnosis codes)");
        }

        if (_batch.LineCount == row.LineStart)
        {
            Missing(_claimPosition, "LX", "claim has no service line (loop 2400)");
        }

        _loop = Loop.Claim;
        row.BillingProvider = BillingRecord();
        row.Subscriber = SubscriberRecord();
        row.Patient = _inPatient ? PatientRecord() : null;
        row.DiagnosisEnd = _batch.DiagnosisCount;
        row.LineEnd = _batch.LineCount;
        _batch.ClaimCount++;
        var result = context.Result;
        result.Claims++;
        result.TotalCharge += row.TotalCharge;
        if (_batch.IsFull)
        {
            Flush();
        }
    }

    // The batch never holds more than Capacity claims (it is flushed when full), so the open claim's slot always exists.
    private ref ClaimData OpenClaimRow => ref _batch.Claims[_batch.ClaimCount];

    // Taken afresh for every write: a claim with many lines can grow the array under a held reference.
    private ref LineData OpenLineRow => ref RowArrays.Next(ref _batch.Lines, _batch.LineCount);

    /// <summary>Hands the closed claims to the sink and empties the batch.</summary>
    private void Flush()
    {
        if (_batch.ClaimCount == 0)
        {
            return;
        }

        context.Sink?.OnClaims837(_batch);
        _batch.Clear();
    }

    private BillingProvider837 BillingRecord() =>
        _billingRecord ??= new BillingProvider837(_billing.Name ?? Empty("85"), _billing.Address, _billing.TaxIdQualifier, _billing.TaxId);

    private Subscriber837 SubscriberRecord() =>
        _subscriberRecord ??= new Subscriber837(_sbr01, _sbr02, _sbr03, _sbr09, _subscriber.Name ?? Empty("IL"), _subscriber.Address,
            _subscriber.BirthDate, _subscriber.Gender, _payer.Name ?? Empty("PR"));

    private Patient837 PatientRecord() =>
        _patientRecord ??= new Patient837(_patientRelationship ?? string.Empty, _patient.Name ?? Empty("QC"), _patient.Address,
            _patient.BirthDate, _patient.Gender);

    private decimal Amount(in X12Fields f, int element, bool required)
    {
        var value = f[element];
        if (value.IsEmpty)
        {
            if (required)
            {
                context.Error(X12ErrorCodes.RequiredElementMissing, f.Position, Id(f), element, $"element {element} (an amount) is required");
            }

            return 0m;
        }

        if (!X12Bytes.TryParseDecimal(value, out var amount))
        {
            context.Error(X12ErrorCodes.InvalidNumber, f.Position, Id(f), element, $"'{X12Bytes.Show(value)}' is not a decimal number");
        }

        return amount;
    }

    private static string Id(in X12Fields f) => X12Bytes.Text(f[0]);

    private void Missing(long position, string segmentId, string message) =>
        context.Error(X12ErrorCodes.RequiredSegmentMissing, position, segmentId, null, message);

    private static X12Name Empty(string entity) => new(entity, string.Empty, string.Empty);

    private static bool IsEntity(ReadOnlySpan<byte> entity, string[] allowed)
    {
        foreach (var code in allowed)
        {
            if (entity.Length == code.Length && entity[0] == code[0] && entity[^1] == code[^1])
            {
                return true;
            }
        }

        return false;
    }

    // Entity codes each loop allows (pyx12 837.5010.X222.A1.xml; FACTS.md §4.2).
    private static readonly string[] HeaderEntities = ["41", "40", "85", "87", "PE", "IL", "PR", "QC"];
    private static readonly string[] ClaimEntities = ["DN", "P3", "82", "77", "DQ", "PW", "45"];
    private static readonly string[] Cob = ["IL", "PR", "DN", "P3", "82", "77", "DQ", "85"];
    private static readonly string[] LineEntities = ["82", "QB", "77", "DQ", "DK", "DN", "P3", "PW", "45"];

    /// <summary>An HL01 kept for the HL02s that point at it, in a buffer reused from HL to HL.</summary>
    private sealed class HlId
    {
        private byte[] _bytes = new byte[16];
        private int _length;

        public ReadOnlySpan<byte> Value => _bytes.AsSpan(0, _length);

        public void Set(ReadOnlySpan<byte> id)
        {
            if (id.Length > _bytes.Length)
            {
                _bytes = new byte[id.Length];
            }

            id.CopyTo(_bytes);
            _length = id.Length;
        }
    }

    /// <summary>The last NM1 seen for one entity code and the name built from it.</summary>
    private struct NameSlot
    {
        public byte[]? Bytes;
        public int Length;
        public X12Name? Name;
    }
}
