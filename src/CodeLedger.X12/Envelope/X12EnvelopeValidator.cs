using CodeLedger.X12.Claims837;
using CodeLedger.X12.Reading;
using CodeLedger.X12.Remittance835;

namespace CodeLedger.X12.Envelope;

/// <summary>
/// Checks the envelope as segments stream past (005010 control segments; pyx12 x12file.py
/// enforces the same rules): ISA length and version, IEA02 = ISA13, IEA01 = groups, GE02 = GS06,
/// GE01 = sets, SE02 = ST02, SE01 = segments ST..SE. It hands each set's body to the builder for
/// its transaction type. State is a handful of fields: memory does not grow with the file.
/// </summary>
internal sealed class X12EnvelopeValidator(X12ParseContext context)
{
    private const int IsaLength = 106;

    private readonly X12ParseResult _result = context.Result;

    private bool _inInterchange;
    private bool _unsupported;
    private string _isaControl = string.Empty;
    private int _groupCount;

    private bool _inGroup;
    private string _gsControl = string.Empty;
    private string _gsVersion = string.Empty;
    private int _transactionCount;

    private bool _inTransaction;
    private long _stPosition;
    private string _stControl = string.Empty;
    private ITransactionBuilder? _builder;

    private bool _outsideReported;

    // Control numbers seen in the open interchange (GS06) and the open group (ST02): a handful
    // per file, not per claim.
    private readonly HashSet<string> _groupControls = new(StringComparer.Ordinal);
    private readonly HashSet<string> _setControls = new(StringComparer.Ordinal);

    /// <summary>The builder that takes body segments as they come, when a supported set is open.</summary>
    public ITransactionBuilder? BodyBuilder => _inTransaction && !_unsupported ? _builder : null;

    public void OnSegment(in X12Segment segment)
    {
        _result.Segments = segment.Position;
        var raw = segment.Raw;

        // Control segments start with I, G or S; everything else in a set goes straight to the builder.
        var control = raw.Length > 1 && raw[0] is (byte)'I' or (byte)'G' or (byte)'S';
        if (!control && _inTransaction && !_unsupported)
        {
            if (IsValidId(segment.Id))
            {
                _builder?.OnSegment(segment);
            }
            else
            {
                context.Error(X12ErrorCodes.InvalidSegmentId, segment.Position, Id(segment), null,
                    $"'{X12Bytes.Show(segment.Id)}' is not a segment identifier (2–3 upper-case letters or digits)");
            }

            return;
        }

        if (segment.Is("ISA"u8))
        {
            OnIsa(segment);
            return;
        }

        if (!_inInterchange)
        {
            if (!_outsideReported)
            {
                _outsideReported = true;
                context.Report(X12ErrorCodes.OutsideInterchange, X12Severity.Error, segment.Position, Id(segment), null,
                    "segment outside any ISA/IEA interchange", X12Scope.File);
            }

            return;
        }

        if (_unsupported)
        {
            if (segment.Is("IEA"u8))
            {
                _inInterchange = false;
            }

            return;
        }

        if (_inTransaction)
        {
            if (segment.Is("SE"u8))
            {
                OnSe(segment);
            }
            else if (segment.Is("ST"u8) || segment.Is("GE"u8) || segment.Is("IEA"u8) || segment.Is("GS"u8))
            {
                CloseTransaction(segment.Position, missingSe: true);
                OnSegment(segment);
            }
            else if (!IsValidId(segment.Id))
            {
                context.Error(X12ErrorCodes.InvalidSegmentId, segment.Position, Id(segment), null,
                    $"'{X12Bytes.Show(segment.Id)}' is not a segment identifier (2–3 upper-case letters or digits)");
            }
            else
            {
                _builder?.OnSegment(segment);
            }

            return;
        }

        if (segment.Is("ST"u8))
        {
            OnSt(segment);
        }
        else if (segment.Is("GS"u8))
        {
            OnGs(segment);
        }
        else if (segment.Is("GE"u8))
        {
            OnGe(segment);
        }
        else if (segment.Is("IEA"u8))
        {
            OnIea(segment);
        }
        else if (segment.Is("TA1"u8) && !_inGroup)
        {
            OnTa1(segment);
        }
        else
        {
            context.Report(X12ErrorCodes.OutsideGroup, X12Severity.Error, segment.Position, Id(segment), null,
                "segment outside any ST/SE transaction set", _inGroup ? X12Scope.Group : X12Scope.Interchange);
        }
    }

    /// <summary>The input ended: whatever is still open was truncated.</summary>
    public void OnEnd(long lastPosition)
    {
        if (_inTransaction)
        {
            CloseTransaction(lastPosition, missingSe: true);
        }

        if (_inGroup && !_unsupported)
        {
            context.Report(X12ErrorCodes.MissingGe, X12Severity.Error, lastPosition, "GE", null,
                $"functional group {X12Bytes.Show(_gsControl)} has no GE trailer", X12Scope.Group);
            _inGroup = false;
        }

        if (_inInterchange)
        {
            context.Report(X12ErrorCodes.MissingIea, X12Severity.Error, lastPosition, "IEA", null,
                $"interchange {X12Bytes.Show(_isaControl)} has no IEA trailer: the file is truncated", X12Scope.Interchange);
            _inInterchange = false;
        }
    }

    private void OnIsa(in X12Segment segment)
    {
        if (_inInterchange)
        {
            OnEnd(segment.Position - 1);
        }

        Span<int> scratch = stackalloc int[21];
        var f = new X12Fields(segment, scratch);
        var header = new X12InterchangeHeader(
            X12Bytes.Trimmed(f[1]), X12Bytes.Trimmed(f[2]), X12Bytes.Trimmed(f[3]), X12Bytes.Trimmed(f[4]),
            X12Bytes.Trimmed(f[5]), X12Bytes.Trimmed(f[6]), X12Bytes.Trimmed(f[7]), X12Bytes.Trimmed(f[8]),
            X12Bytes.Text(f[9]), X12Bytes.Text(f[10]), X12Bytes.Text(f[12]), X12Bytes.Text(f[13]),
            f[14].SequenceEqual("1"u8), X12Bytes.Text(f[15]));
        var summary = new X12InterchangeSummary(header);
        context.Interchange = summary;
        context.Group = null;
        context.Transaction = null;
        _result.InterchangeSummaries.Add(summary);
        _result.Interchanges++;
        _inInterchange = true;
        _unsupported = false;
        _groupCount = 0;
        _groupControls.Clear();
        _isaControl = header.ControlNumber;
        context.Sink?.OnInterchange(header);

        // The ISA is fixed length (106 bytes with its terminator) so that a receiver can find the
        // separators by position; a shorter or longer one means unpadded or mangled fields.
        var length = segment.Raw.Length + 1;
        if (length != IsaLength)
        {
            context.Report(X12ErrorCodes.IsaLength, X12Severity.Error, segment.Position, "ISA", null,
                $"ISA is {length} bytes long; it must be exactly {IsaLength} (fields padded to their fixed widths)", X12Scope.Interchange);
        }

        if (!f[12].SequenceEqual("00501"u8))
        {
            _unsupported = true;
            summary.Unsupported = true;
            context.Report(X12ErrorCodes.VersionNotSupported, X12Severity.Error, segment.Position, "ISA", 12,
                $"version not supported: ISA12 is '{X12Bytes.Show(f[12])}'; only 00501 (X12 005010) is read", X12Scope.Interchange);
            return;
        }

        if (f[13].Length != 9 || !X12Bytes.TryParseCount(f[13], out _))
        {
            context.Report(X12ErrorCodes.InvalidInterchangeControlNumber, X12Severity.Error, segment.Position, "ISA", 13,
                "ISA13 must be exactly 9 digits", X12Scope.Interchange);
        }
    }

    private void OnGs(in X12Segment segment)
    {
        if (_inGroup)
        {
            context.Report(X12ErrorCodes.MissingGe, X12Severity.Error, segment.Position, "GE", null,
                $"functional group {X12Bytes.Show(_gsControl)} has no GE trailer before the next GS", X12Scope.Group);
        }

        Span<int> scratch = stackalloc int[13];
        var f = new X12Fields(segment, scratch);
        var header = new X12GroupHeader(X12Bytes.Text(f[1]), X12Bytes.Text(f[2]), X12Bytes.Text(f[3]), X12Bytes.Text(f[4]),
            X12Bytes.Text(f[5]), X12Bytes.Text(f[6]), X12Bytes.Text(f[8]));
        var group = new X12GroupSummary(header);
        context.Interchange!.Groups.Add(group);
        context.Group = group;
        context.Transaction = null;
        _inGroup = true;
        _groupCount++;
        _transactionCount = 0;
        _setControls.Clear();
        _gsControl = header.ControlNumber;
        if (!_groupControls.Add(header.ControlNumber))
        {
            context.Report(X12ErrorCodes.DuplicateGroupControlNumber, X12Severity.Error, segment.Position, "GS", 6,
                $"GS06 '{X12Bytes.Show(header.ControlNumber)}' is already used by an earlier group of this interchange", X12Scope.Group);
        }

        _gsVersion = header.Version;
        _result.Groups++;
        _result.Version ??= header.Version;
        context.Sink?.OnGroup(header);
        if (!f[8].StartsWith("005010"u8))
        {
            context.Report(X12ErrorCodes.GroupVersionNotSupported, X12Severity.Error, segment.Position, "GS", 8,
                $"version not supported: GS08 is '{X12Bytes.Show(f[8])}'; only 005010 guides are read", X12Scope.Group);
        }
    }

    private void OnSt(in X12Segment segment)
    {
        if (!_inGroup)
        {
            context.Report(X12ErrorCodes.OutsideGroup, X12Severity.Error, segment.Position, "ST", null,
                "ST outside any GS/GE functional group", X12Scope.Interchange);
        }

        Span<int> scratch = stackalloc int[9];
        var f = new X12Fields(segment, scratch);
        var guide = f[3].IsEmpty ? _gsVersion : X12Bytes.Text(f[3]);
        var summary = new X12TransactionSummary(X12Bytes.Text(f[1]), X12Bytes.Text(f[2]), X12Bytes.TextOrNull(f[3]), segment.Position);
        context.Group?.Transactions.Add(summary);
        context.Transaction = summary;
        _inTransaction = true;
        _stPosition = segment.Position;
        _stControl = summary.ControlNumber;
        _transactionCount++;

        // A receiver matches acknowledgments by ST02 within the group (AK202): two sets with one
        // number cannot both be answered.
        if (!_setControls.Add(summary.ControlNumber))
        {
            context.Error(X12ErrorCodes.DuplicateTransactionControlNumber, segment.Position, "ST", 2,
                $"ST02 '{X12Bytes.Show(summary.ControlNumber)}' is already used by an earlier set of this group");
        }
        _result.Transactions++;
        _builder = null;
        context.Loop = null;
        context.ClearClaims();

        if (f[1].SequenceEqual("837"u8))
        {
            if (guide.Contains("X222", StringComparison.Ordinal))
            {
                Kind(X12DocumentKind.Claim837P);
                if (guide != "005010X222A1")
                {
                    // LinuxForHealth writes X222A2 and OopFactory plain X222: the segments this
                    // reader uses are the same in both, so the set is read as A1 and flagged.
                    context.Warning(X12ErrorCodes.GuideVariant, segment.Position, "ST", 3,
                        $"guide '{X12Bytes.Show(guide)}' is read as 005010X222A1");
                }

                _builder = new Claim837Builder(context, summary.ControlNumber);
            }
            else
            {
                context.Error(X12ErrorCodes.TransactionNotSupported, segment.Position, "ST", 3,
                    $"837 with guide '{X12Bytes.Show(guide)}' is not supported: only professional claims (005010X222A1) are read");
            }
        }
        else if (f[1].SequenceEqual("835"u8))
        {
            Kind(X12DocumentKind.Remittance835);
            if (guide != "005010X221A1")
            {
                context.Warning(X12ErrorCodes.GuideVariant, segment.Position, "ST", 3, $"guide '{X12Bytes.Show(guide)}' is read as 005010X221A1");
            }

            _builder = new Remittance835Builder(context, summary.ControlNumber);
        }
        else if (f[1].SequenceEqual("999"u8))
        {
            Kind(X12DocumentKind.Acknowledgment999);
            _builder = new Acknowledgments.Reading.Acknowledgment999Builder(context, summary.ControlNumber);
        }
        else if (f[1].SequenceEqual("277"u8) && guide == "005010X214")
        {
            Kind(X12DocumentKind.ClaimAcknowledgment277);
            _builder = new ClaimStatus277.ClaimAcknowledgment277Builder(context, summary.ControlNumber);
        }
        else if (f[1].SequenceEqual("277"u8))
        {
            // A 277 answering a 276 status inquiry (X212) is not an acknowledgment of claims sent.
            context.Error(X12ErrorCodes.TransactionNotSupported, segment.Position, "ST", 3,
                $"277 with guide '{X12Bytes.Show(guide)}' is not supported: only the claim acknowledgment (005010X214) is read");
        }
        else
        {
            context.Error(X12ErrorCodes.TransactionNotSupported, segment.Position, "ST", 1,
                $"transaction set '{X12Bytes.Show(f[1])}' is not supported (837P, 835, 999 and 277CA are)");
        }
    }

    private void OnSe(in X12Segment segment)
    {
        Span<int> scratch = stackalloc int[5];
        var f = new X12Fields(segment, scratch);
        var actual = segment.Position - _stPosition + 1;
        if (!X12Bytes.TryParseCount(f[1], out var declared) || declared != actual)
        {
            context.Error(X12ErrorCodes.SegmentCountMismatch, segment.Position, "SE", 1,
                $"SE01 says {X12Bytes.Show(f[1])} segments; ST through SE holds {actual}");
        }

        if (!f[2].SequenceEqual(System.Text.Encoding.UTF8.GetBytes(_stControl)))
        {
            context.Error(X12ErrorCodes.TransactionControlMismatch, segment.Position, "SE", 2,
                $"SE02 '{X12Bytes.Show(f[2])}' does not match ST02 '{X12Bytes.Show(_stControl)}'");
        }

        CloseTransaction(segment.Position, missingSe: false);
    }

    private void CloseTransaction(long position, bool missingSe)
    {
        if (missingSe)
        {
            context.Error(X12ErrorCodes.MissingSe, position, "SE", null, $"transaction set {X12Bytes.Show(_stControl)} has no SE trailer");
        }

        _builder?.Complete(position);
        context.Loop = null;
        context.ClearClaims();
        context.Sink?.OnTransactionEnd();
        _builder = null;
        _inTransaction = false;
    }

    private void OnGe(in X12Segment segment)
    {
        if (!_inGroup)
        {
            context.Report(X12ErrorCodes.OutsideGroup, X12Severity.Error, segment.Position, "GE", null, "GE without a GS", X12Scope.Interchange);
            return;
        }

        Span<int> scratch = stackalloc int[5];
        var f = new X12Fields(segment, scratch);
        if (!X12Bytes.TryParseCount(f[1], out var declared) || declared != _transactionCount)
        {
            context.Report(X12ErrorCodes.TransactionCountMismatch, X12Severity.Error, segment.Position, "GE", 1,
                $"GE01 says {X12Bytes.Show(f[1])} transaction sets; the group holds {_transactionCount}", X12Scope.Group);
        }

        if (X12Bytes.Text(f[2]) != _gsControl)
        {
            context.Report(X12ErrorCodes.GroupControlMismatch, X12Severity.Error, segment.Position, "GE", 2,
                $"GE02 '{X12Bytes.Show(f[2])}' does not match GS06 '{X12Bytes.Show(_gsControl)}'", X12Scope.Group);
        }

        _inGroup = false;
    }

    private void OnIea(in X12Segment segment)
    {
        if (_inGroup)
        {
            context.Report(X12ErrorCodes.MissingGe, X12Severity.Error, segment.Position, "GE", null,
                $"functional group {X12Bytes.Show(_gsControl)} has no GE trailer", X12Scope.Group);
            _inGroup = false;
        }

        Span<int> scratch = stackalloc int[5];
        var f = new X12Fields(segment, scratch);
        if (!X12Bytes.TryParseCount(f[1], out var declared) || declared != _groupCount)
        {
            context.Report(X12ErrorCodes.GroupCountMismatch, X12Severity.Error, segment.Position, "IEA", 1,
                $"IEA01 says {X12Bytes.Show(f[1])} functional groups; the interchange holds {_groupCount}", X12Scope.Interchange);
        }

        if (X12Bytes.Text(f[2]) != _isaControl)
        {
            context.Report(X12ErrorCodes.InterchangeControlMismatch, X12Severity.Error, segment.Position, "IEA", 2,
                $"IEA02 '{X12Bytes.Show(f[2])}' does not match ISA13 '{X12Bytes.Show(_isaControl)}'", X12Scope.Interchange);
        }

        _inInterchange = false;
    }

    /// <summary>
    /// TA1 (interchange acknowledgment) sits between ISA and IEA outside any group: TA101 the
    /// acknowledged ISA13, TA102/103 its date and time, TA104 A/E/R, TA105 the note code.
    /// </summary>
    private void OnTa1(in X12Segment segment)
    {
        Span<int> scratch = stackalloc int[8];
        var f = new X12Fields(segment, scratch);
        string[] statuses = ["A", "E", "R"];
        var status = X12Bytes.Text(f[4]);
        if (f[1].Length != 9 || !X12Bytes.TryParseCount(f[1], out _))
        {
            context.Report(X12ErrorCodes.InvalidInterchangeControlNumber, X12Severity.Error, segment.Position, "TA1", 1,
                "TA101 must be the 9-digit ISA13 of the acknowledged interchange", X12Scope.Interchange);
        }

        if (Array.IndexOf(statuses, status) < 0)
        {
            context.Report(f[4].IsEmpty ? X12ErrorCodes.RequiredElementMissing : X12ErrorCodes.InvalidCode, X12Severity.Error, segment.Position, "TA1", 4,
                $"TA104 '{X12Bytes.Show(status)}' is not A, E or R", X12Scope.Interchange);
        }

        if (f[5].Length != 3 || !X12Bytes.TryParseCount(f[5], out _))
        {
            context.Report(X12ErrorCodes.InvalidCode, X12Severity.Error, segment.Position, "TA1", 5,
                $"TA105 '{X12Bytes.Show(f[5])}' is not a 3-digit note code", X12Scope.Interchange);
        }

        context.Sink?.OnInterchangeAcknowledgment(new Acknowledgments.Reading.InterchangeAcknowledgment(
            X12Bytes.Text(f[1]), X12Bytes.Text(f[2]), X12Bytes.Text(f[3]), status, X12Bytes.Text(f[5])));
    }

    private void Kind(X12DocumentKind kind) =>
        _result.Kind = _result.Kind == X12DocumentKind.Unknown || _result.Kind == kind ? kind : X12DocumentKind.Mixed;

    private static string Id(in X12Segment segment) => X12Bytes.Show(segment.Id);

    /// <summary>X12.6: a segment identifier is two or three upper-case letters or digits, starting with a letter.</summary>
    private static bool IsValidId(ReadOnlySpan<byte> id)
    {
        if (id.Length is < 2 or > 3 || !X12Bytes.IsUpper(id[0]))
        {
            return false;
        }

        foreach (var b in id)
        {
            if (!X12Bytes.IsUpper(b) && !X12Bytes.IsDigit(b))
            {
                return false;
            }
        }

        return true;
    }
}
