using System.Globalization;
using CodeLedger.X12.Envelope;
using CodeLedger.X12.Guide;
using CodeLedger.X12.Reading;

namespace CodeLedger.X12.Acknowledgments.Reading;

/// <summary>
/// Reads one 999 set into an <see cref="Acknowledgment999"/> and hands it to the sink at SE. A 999
/// is small (a segment or a few per acknowledged set), so it is built as a whole record rather
/// than in batches of rows; the guide checks run first, as for the 837P and 835.
/// </summary>
internal sealed class Acknowledgment999Builder(X12ParseContext context, string controlNumber) : ITransactionBuilder
{
    private readonly Guide999 _guide = new(context);
    private readonly List<SetResponse999> _sets = [];
    private readonly List<SegmentError999> _segments = [];
    private readonly List<ElementError999> _elements = [];
    private readonly List<Context999> _contexts = [];

    private string _functionalId = string.Empty;
    private string _groupControl = string.Empty;
    private string? _version;

    private (string Id, string Control, string? Convention)? _set;
    private (string Id, long Position, string? Loop, string Code)? _segment;
    private Acknowledgment999? _trailer;

    public void OnSegment(in X12Segment segment)
    {
        Span<int> scratch = stackalloc int[25];
        OnFields(X12SegmentIds.Key(segment.Id), new X12Fields(segment, scratch));
    }

    public void OnFields(uint key, in X12Fields f)
    {
        _guide.OnFields(key, f);
        switch (key)
        {
            case X12SegmentIds.Ak1:
                (_functionalId, _groupControl, _version) = (X12Bytes.Text(f[1]), X12Bytes.Text(f[2]), X12Bytes.TextOrNull(f[3]));
                break;
            case X12SegmentIds.Ak2:
                CloseSet(status: "R", codes: []);
                _set = (X12Bytes.Text(f[1]), X12Bytes.Text(f[2]), X12Bytes.TextOrNull(f[3]));
                break;
            case X12SegmentIds.Ik3:
                CloseSegment();
                _segment = (X12Bytes.Text(f[1]), Number(f[2]), X12Bytes.TextOrNull(f[3]), X12Bytes.Text(f[4]));
                break;
            case X12SegmentIds.Ctx:
                _contexts.Add(new Context999(X12Bytes.Text(f.Component(1, 1)), X12Bytes.TextOrNull(f.Component(1, 2)), X12Bytes.TextOrNull(f[2]),
                    f[3].IsEmpty ? null : Number(f[3]), X12Bytes.TextOrNull(f[4])));
                break;
            case X12SegmentIds.Ik4:
                _elements.Add(new ElementError999((int)Number(f.Component(1, 1)), OptionalNumber(f.Component(1, 2)), OptionalNumber(f.Component(1, 3)),
                    X12Bytes.TextOrNull(f[2]), X12Bytes.Text(f[3]), X12Bytes.TextOrNull(f[4])));
                break;
            case X12SegmentIds.Ik5:
                CloseSet(X12Bytes.Text(f[1]), Codes(f, 2, 6));
                break;
            case X12SegmentIds.Ak9:
                CloseSet(status: "R", codes: []);
                _trailer = new Acknowledgment999(controlNumber, _functionalId, _groupControl, _version, [.. _sets], X12Bytes.Text(f[1]),
                    (int)Number(f[2]), (int)Number(f[3]), (int)Number(f[4]), Codes(f, 5, 9));
                break;
            default:
                break;
        }
    }

    public void Complete(long position)
    {
        _guide.Complete(position);
        CloseSet(status: "R", codes: []);
        context.Sink?.OnAcknowledgment999(_trailer ?? new Acknowledgment999(controlNumber, _functionalId, _groupControl, _version, [.. _sets], string.Empty, 0, 0, 0, []));
    }

    private void CloseSegment()
    {
        if (_segment is { } s)
        {
            _segments.Add(new SegmentError999(s.Id, s.Position, s.Loop, s.Code, [.. _contexts], [.. _elements]));
        }
        else if (_elements.Count > 0 || _contexts.Count > 0)
        {
            // IK4 or CTX without an IK3: the guide validator reported the order; keep the data.
            _segments.Add(new SegmentError999(string.Empty, 0, null, string.Empty, [.. _contexts], [.. _elements]));
        }

        _segment = null;
        _elements.Clear();
        _contexts.Clear();
    }

    // A set with no IK5 (reported by the guide) counts as rejected: nothing says it was accepted.
    private void CloseSet(string status, EquatableArray<string> codes)
    {
        CloseSegment();
        if (_set is { } set)
        {
            _sets.Add(new SetResponse999(set.Id, set.Control, set.Convention, [.. _segments], status, codes));
        }

        _set = null;
        _segments.Clear();
    }

    private static EquatableArray<string> Codes(in X12Fields f, int from, int to)
    {
        var codes = new List<string>();
        for (var i = from; i <= to; i++)
        {
            if (!f[i].IsEmpty)
            {
                codes.Add(X12Bytes.Text(f[i]));
            }
        }

        return [.. codes];
    }

    private static long Number(ReadOnlySpan<byte> value) => X12Bytes.TryParseCount(value, out var n) ? n : 0;

    private static int? OptionalNumber(ReadOnlySpan<byte> value) => X12Bytes.TryParseCount(value, out var n) ? (int)n : null;
}
