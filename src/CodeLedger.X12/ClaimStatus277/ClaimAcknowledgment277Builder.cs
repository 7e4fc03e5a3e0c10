using CodeLedger.X12.Envelope;
using CodeLedger.X12.Guide;
using CodeLedger.X12.Reading;

namespace CodeLedger.X12.ClaimStatus277;

/// <summary>
/// Reads one 277CA set into a <see cref="ClaimAcknowledgment277"/> and hands it to the sink at SE.
/// Like the 999, a 277CA is small next to the 837P it answers (a few segments per claim), so it is
/// built whole. The hierarchy is followed by HL03 (20, 21, 19, PT); a TRN under the patient level
/// opens a claim (2200D), an SVC under it a line (2220D). Patient names and ids (2100D) are read
/// past, never kept.
/// </summary>
internal sealed class ClaimAcknowledgment277Builder(X12ParseContext context, string controlNumber) : ITransactionBuilder
{
    private readonly Guide277CA _guide = new(context);
    private readonly List<ClaimStatus277> _claims = [];
    private readonly List<StatusInformation277> _receiver = [];
    private readonly List<StatusInformation277> _statuses = [];
    private readonly List<LineStatus277> _lines = [];
    private readonly List<StatusInformation277> _lineStatuses = [];

    private string _level = string.Empty;
    private string? _sourceName;
    private string? _sourceId;
    private (string Id, long Position)? _claim;
    private string? _payerNumber;
    private string? _traceNumber;
    private (string? Procedure, bool Open) _line;
    private string? _lineControl;

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
            case X12SegmentIds.Hl:
                CloseClaim();
                _level = X12Bytes.Text(f[3]);
                break;
            case X12SegmentIds.Nm1 when _level == "20":
                (_sourceName, _sourceId) = (X12Bytes.TextOrNull(f[3]), X12Bytes.TextOrNull(f[9]));
                break;
            case X12SegmentIds.Trn when _level == "PT":
                CloseClaim();
                _claim = (X12Bytes.Text(f[2]), f.Position);
                break;
            case X12SegmentIds.Stc:
                var status = Status(f);
                if (_line.Open)
                {
                    _lineStatuses.Add(status);
                }
                else if (_claim is not null)
                {
                    _statuses.Add(status);
                }
                else if (_level == "21")
                {
                    _receiver.Add(status);
                }

                break;
            case X12SegmentIds.Ref when _claim is not null:
                var qualifier = f[1];
                if (_line.Open && qualifier.SequenceEqual("FJ"u8))
                {
                    _lineControl = X12Bytes.TextOrNull(f[2]);
                }
                else if (!_line.Open && qualifier.SequenceEqual("1K"u8))
                {
                    _payerNumber = X12Bytes.TextOrNull(f[2]);
                }
                else if (!_line.Open && qualifier.SequenceEqual("D9"u8))
                {
                    _traceNumber = X12Bytes.TextOrNull(f[2]);
                }

                break;
            case X12SegmentIds.Svc when _claim is not null:
                CloseLine();
                _line = (X12Bytes.TextOrNull(f.Component(1, 2)), true);
                break;
            default:
                break;
        }
    }

    public void Complete(long position)
    {
        _guide.Complete(position);
        CloseClaim();
        context.Sink?.OnClaimAcknowledgment277(new ClaimAcknowledgment277(controlNumber, _sourceName, _sourceId, [.. _receiver], [.. _claims]));
    }

    private static StatusInformation277 Status(in X12Fields f)
    {
        var codes = new List<StatusCode277>(1);
        foreach (var element in (ReadOnlySpan<int>)[1, 10, 11])
        {
            var category = f.Component(element, 1);
            var code = f.Component(element, 2);
            if (!category.IsEmpty || !code.IsEmpty)
            {
                codes.Add(new StatusCode277(X12Bytes.Text(category), X12Bytes.Text(code), X12Bytes.TextOrNull(f.Component(element, 3))));
            }
        }

        return new StatusInformation277([.. codes], X12Bytes.TextOrNull(f[2]), X12Bytes.TextOrNull(f[3]));
    }

    private void CloseLine()
    {
        if (_line.Open)
        {
            _lines.Add(new LineStatus277(_line.Procedure, _lineControl, [.. _lineStatuses]));
        }

        (_line, _lineControl) = ((null, false), null);
        _lineStatuses.Clear();
    }

    private void CloseClaim()
    {
        CloseLine();
        if (_claim is { } claim)
        {
            _claims.Add(new ClaimStatus277(claim.Id, _payerNumber, _traceNumber, [.. _statuses], [.. _lines], claim.Position));
        }

        (_claim, _payerNumber, _traceNumber) = (null, null, null);
        _statuses.Clear();
        _lines.Clear();
    }
}
