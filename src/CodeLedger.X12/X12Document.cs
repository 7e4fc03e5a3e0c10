using CodeLedger.X12.Claims837;
using CodeLedger.X12.Envelope;
using CodeLedger.X12.Remittance835;

namespace CodeLedger.X12;

/// <summary>
/// A whole file read into memory: for small files, tests and round trips. Large files should be
/// parsed with <see cref="X12Parser"/> and a sink instead.
/// </summary>
public sealed class X12Document
{
    private X12Document(X12ParseResult result, IReadOnlyList<Claim837Interchange> claims, IReadOnlyList<RemittanceAdvice835> remittances)
    {
        Result = result;
        Claims837 = claims;
        Remittances835 = remittances;
    }

    public X12ParseResult Result { get; }

    public IReadOnlyList<Claim837Interchange> Claims837 { get; }

    public IReadOnlyList<RemittanceAdvice835> Remittances835 { get; }

    public static X12Document Load(ReadOnlySpan<byte> data)
    {
        var collector = new Collector();
        var result = X12Parser.Parse(data, new X12ParseOptions { Sink = collector });
        return new X12Document(result, collector.Interchanges(), collector.Remittances);
    }

    public static X12Document Load(Stream stream)
    {
        var collector = new Collector();
        var result = X12Parser.Parse(stream, new X12ParseOptions { Sink = collector });
        return new X12Document(result, collector.Interchanges(), collector.Remittances);
    }

    private sealed class Collector : X12ClaimSink
    {
        private readonly List<(X12InterchangeHeader Isa, X12GroupHeader Gs, List<Transaction837> Sets)> _groups = [];
        private X12InterchangeHeader? _isa;
        private Transaction837Header? _header837;
        private Remittance835Header? _header835;
        private readonly List<Claim837> _claims = [];
        private readonly List<ClaimPayment835> _payments = [];
        private readonly List<ProviderAdjustment835> _adjustments = [];

        public List<RemittanceAdvice835> Remittances { get; } = [];

        public override void OnInterchange(X12InterchangeHeader interchange) => _isa = interchange;

        public override void OnGroup(X12GroupHeader group) => _groups.Add((_isa!, group, []));

        public override void OnTransaction837(Transaction837Header header) => _header837 = header;

        public override void OnClaim837(Claim837 claim) => _claims.Add(claim);

        public override void OnRemittance835(Remittance835Header header) => _header835 = header;

        public override void OnClaimPayment835(ClaimPayment835 claim) => _payments.Add(claim);

        public override void OnProviderAdjustment835(ProviderAdjustment835 adjustment) => _adjustments.Add(adjustment);

        public override void OnTransactionEnd()
        {
            if (_header837 is not null && _groups.Count > 0)
            {
                _groups[^1].Sets.Add(new Transaction837(_header837, _claims.ToArray()));
            }

            if (_header835 is not null)
            {
                Remittances.Add(new RemittanceAdvice835(_header835, _payments.ToArray(), _adjustments.ToArray()));
            }

            _header837 = null;
            _header835 = null;
            _claims.Clear();
            _payments.Clear();
            _adjustments.Clear();
        }

        public List<Claim837Interchange> Interchanges() =>
            _groups.Where(g => g.Sets.Count > 0).Select(g => new Claim837Interchange(g.Isa, g.Gs, g.Sets.ToArray())).ToList();
    }
}
