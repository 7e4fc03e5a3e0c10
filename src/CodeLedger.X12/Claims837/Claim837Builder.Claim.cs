using CodeLedger.X12.Envelope;
using CodeLedger.X12.Reading;

namespace CodeLedger.X12.Claims837;

/// <summary>
/// Loop 2300 claim: CLM (patient control number, total charge, place of service and frequency,
/// the signature and assignment flags), HI diagnoses (required, at most 12), REF*G1 prior
/// authorization and REF*F8 payer claim control number, and the 2310 providers (referring,
/// rendering). A claim is written into the open row of the batch and counted when the next
/// claim, HL or the end of the set closes it. 2320/2330 (other subscribers) are read past.
/// </summary>
internal sealed partial class Claim837Builder
{
    // Diagnoses repeat from claim to claim: sharing the immutable objects built last time removes
    // their allocations (see X12Interner).
    private readonly X12Interner<Diagnosis837> _diagnoses = new();
    private readonly PartyDraft _claimProvider = new();

    // The open claim is the row at the batch's ClaimCount: segments write straight into it, and
    // closing it only counts it. What the row does not keep (where the loop began, whether a
    // segment was seen) stays here.
    private bool _inClaim;
    private long _claimPosition;
    private bool _claimHasHi;

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

    /// <summary>REF*G1 and REF*F8 of the claim itself (not of a 2310 provider).</summary>
    private void OnClaimRef(in X12Fields f)
    {
        if (!ReferenceEquals(_target, _ignored))
        {
            return;
        }

        var qualifier = f[1];
        if (qualifier.SequenceEqual("G1"u8))
        {
            OpenClaimRow.PriorAuthorization = X12Bytes.Text(f[2]);
        }
        else if (qualifier.SequenceEqual("F8"u8))
        {
            OpenClaimRow.PayerClaimControlNumber = X12Bytes.Text(f[2]);
        }
    }

    /// <summary>Loop 2310: the first referring provider (DN or P3) and the rendering provider (82) are kept.</summary>
    private void OnClaimNm1(long position, ReadOnlySpan<byte> entity, X12Name name)
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
    }

    /// <summary>An SBR inside a claim opens loop 2320 (another payer's view of the claim), which the model does not keep.</summary>
    private void OpenOtherSubscriber()
    {
        _loop = Loop.OtherSubscriber;
        _target = _ignored;
    }

    /// <summary>Loops 2330A–G (the other payer's parties) are not part of the model: only their entity codes are checked.</summary>
    private void OnOtherSubscriberNm1(long position, ReadOnlySpan<byte> entity)
    {
        if (!IsEntity(entity, Cob))
        {
            InvalidEntity(position, entity);
        }

        Ignore(position);
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

        // The segment that closes the claim has already opened its own loop; what the claim
        // lacks belongs to its 2300, and to its CLM01 (CTX in the 999).
        var open = context.Loop;
        context.Loop = "2300";
        if (!_claimHasHi)
        {
            Missing(_claimPosition, "HI", "claim has no HI (diagnosis codes)");
        }

        if (_batch.LineCount == row.LineStart)
        {
            Missing(_claimPosition, "LX", "claim has no service line (loop 2400)");
        }

        context.Loop = open;

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

    // Entity codes loops 2310 and 2330 allow (pyx12 837.5010.X222.A1.xml; FACTS.md §4.2).
    private static readonly string[] ClaimEntities = ["DN", "P3", "82", "77", "DQ", "PW", "45"];
    private static readonly string[] Cob = ["IL", "PR", "DN", "P3", "82", "77", "DQ", "85"];
}
