using CodeLedger.X12.Envelope;
using CodeLedger.X12.Reading;

namespace CodeLedger.X12.Claims837;

/// <summary>
/// Reads one 837P set (005010X222A1) segment by segment into the typed rows of a claim batch
/// (<see cref="ClaimBatch837"/>), handing the batch to the sink when it is full and at the end of
/// the set. It follows the HL hierarchy by level code (20 billing provider, 22 subscriber, 23
/// patient) and checks the loop rules that decide whether a claim can be trusted: required name
/// loops and segments, repeats, order.
/// <para>
/// This file dispatches segments and walks the hierarchy; each loop's state and rules are in a
/// file of their own: Header (BHT, 1000A, 1000B), BillingProvider (2000A, 2010AA), Subscriber
/// (2000B, 2010BA, 2010BB), Patient (2000C, 2010CA), Claim (2300, 2310, 2320), ServiceLine
/// (2400, 2420), and Parties (NM1, N3, N4, DMG, which every name loop shares).
/// </para>
/// </summary>
internal sealed partial class Claim837Builder(X12ParseContext context, string controlNumber) : ITransactionBuilder
{
    private readonly Guide.Guide837P _guide = new(context);
    private readonly X12StringCache _strings = context.Strings;
    private readonly X12StringCache _personNames = context.Names;

    // Claims and their lines are written straight into the rows of a reused batch; the sink gets
    // the batch, and only a sink that asks for records makes any.
    private readonly ClaimBatch837 _batch = context.ClaimBatch;

    private Loop _loop = Loop.Header;

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
        // Guide rules first: they name the loop every finding of this segment carries.
        _guide.OnFields(key, f);

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
            case X12SegmentIds.Lin or X12SegmentIds.Svd or X12SegmentIds.Lq:
                OpenUnmodelledLineLoop();
                break;
            default:
                break;
        }
    }

    public void Complete(long position)
    {
        _guide.Complete(position);
        EnsureHeader(position);
        CloseHierarchy(level: 0);
        Flush();
    }

    private void OnHl(in X12Fields f)
    {
        var level = f[3];
        if (level.SequenceEqual("20"u8))
        {
            OpenBillingProvider(f);
        }
        else if (level.SequenceEqual("22"u8))
        {
            OpenSubscriber(f);
        }
        else if (level.SequenceEqual("23"u8))
        {
            OpenPatient(f);
        }
        else
        {
            context.Error(X12ErrorCodes.InvalidCode, f.Position, "HL", 3,
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

    /// <summary>Each loop keeps its own references; a REF anywhere else is not part of the model.</summary>
    private void OnRef(in X12Fields f)
    {
        switch (_loop)
        {
            case Loop.BillingProvider:
                OnBillingProviderRef(f);
                break;
            case Loop.Claim:
                OnClaimRef(f);
                break;
            case Loop.Line:
                OnLineRef(f);
                break;
            default:
                break;
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
}
