using CodeLedger.X12.Reading;

namespace CodeLedger.X12.Envelope;

/// <summary>
/// Shared by the envelope validator and the transaction builders of one parse: where findings
/// and totals go, and the transaction set they belong to.
/// </summary>
internal sealed class X12ParseContext(X12ParseOptions options)
{
    public X12ParseResult Result { get; } = new();

    public X12ParseOptions Options { get; } = options;

    public X12ClaimSink? Sink { get; } = options.Sink;

    public X12StringCache Strings { get; } = new();

    /// <summary>Person names: they repeat less than codes and would push them out of <see cref="Strings"/>.</summary>
    public X12StringCache Names { get; } = new(slotBits: 8);

    /// <summary>
    /// One batch for every 835 set of the parse: sets follow each other, and its arrays, once
    /// grown, are kept. Made on first use, so a parse of another kind does not pay for it.
    /// </summary>
    public Remittance835.ClaimPaymentBatch835 PaymentBatch => field ??= new();

    /// <summary>One batch for every 837P set of the parse, for the same reasons.</summary>
    public Claims837.ClaimBatch837 ClaimBatch => field ??= new();

    public X12InterchangeSummary? Interchange { get; set; }

    public X12GroupSummary? Group { get; set; }

    public X12TransactionSummary? Transaction { get; set; }

    /// <summary>The loop the open set is in, kept by the guide validator; findings in the set carry it.</summary>
    public string? Loop { get; set; }

    // The open claim's CLM01 / CLP01 and the one before it, copied into reused buffers (no string
    // per claim): a string is made only when a finding inside a claim needs it for CTX. A finding
    // is placed by its segment position, because a claim's own findings (balancing, a missing HI)
    // are reported when the next claim's CLM or CLP has already arrived.
    private readonly ClaimSpan _current = new();
    private readonly ClaimSpan _previous = new();

    public void EnterClaim(ReadOnlySpan<byte> id, long position)
    {
        LeaveClaim(position);
        _current.Set(id, position);
    }

    public void LeaveClaim(long position)
    {
        if (_current.Length >= 0)
        {
            _previous.CopyFrom(_current, end: position);
            _current.Length = -1;
        }
    }

    /// <summary>A set begins or ends: no claim is open and none just closed.</summary>
    public void ClearClaims()
    {
        _current.Length = -1;
        _previous.Length = -1;
    }

    private string? ClaimAt(long segment) =>
        _current.Length > 0 && segment >= _current.Start ? _current.Text()
        : _previous.Length > 0 && segment >= _previous.Start && segment < _previous.End ? _previous.Text()
        : null;

    private sealed class ClaimSpan
    {
        private readonly byte[] _bytes = new byte[64];

        public int Length { get; set; } = -1;

        public long Start { get; private set; }

        public long End { get; private set; } = long.MaxValue;

        public void Set(ReadOnlySpan<byte> id, long start)
        {
            Length = Math.Min(id.Length, _bytes.Length);
            id[..Length].CopyTo(_bytes);
            Start = start;
            End = long.MaxValue;
        }

        public void CopyFrom(ClaimSpan other, long end)
        {
            other._bytes.AsSpan(0, Math.Max(0, other.Length)).CopyTo(_bytes);
            Length = other.Length;
            Start = other.Start;
            End = end;
        }

        public string Text() => X12Bytes.Text(_bytes.AsSpan(0, Length));
    }

    public void Report(string code, X12Severity severity, long segment, string segmentId, int? element, string message, X12Scope scope = X12Scope.Transaction) =>
        Report(code, severity, segment, segmentId, element, message, scope, component: null, value: null, loop: null);

    public void Report(string code, X12Severity severity, long segment, string segmentId, int? element, string message, X12Scope scope,
        int? component, string? value, string? loop)
    {
        var inSet = scope == X12Scope.Transaction;
        var error = new X12Error(code, severity, segment, segmentId, element, message)
        {
            Loop = inSet && (loop ?? Loop) is { Length: > 0 } named ? named : null,
            Component = component,
            Value = value,
            ClaimId = inSet ? ClaimAt(segment) : null,
        };
        if (Result.Errors.Count < Options.MaxErrors)
        {
            Result.Errors.Add(error);
        }
        else
        {
            Result.ErrorsNotKept++;
        }

        var list = scope switch
        {
            X12Scope.Transaction => Transaction?.Errors,
            X12Scope.Group => Group?.Errors,
            X12Scope.Interchange => Interchange?.Errors,
            _ => null,
        };

        if (list is not null && list.Count < Options.MaxErrors)
        {
            list.Add(error);
        }
    }

    public void Error(string code, long segment, string segmentId, int? element, string message) =>
        Report(code, X12Severity.Error, segment, segmentId, element, message);

    public void Warning(string code, long segment, string segmentId, int? element, string message) =>
        Report(code, X12Severity.Warning, segment, segmentId, element, message);
}
