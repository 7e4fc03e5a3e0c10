using CodeLedger.X12.Claims837;
using CodeLedger.X12.Envelope;
using CodeLedger.X12.Remittance835;

namespace CodeLedger.X12.Tests;

/// <summary>Records are made by default only for a sink that has a method to receive them.</summary>
public class X12ClaimSinkTests
{
    [Fact]
    public void A_sink_that_only_wants_headers_gets_no_records_made()
    {
        var sink = new HeaderSink();
        Assert.False(sink.TakesRecords837);
        Assert.False(sink.TakesRecords835);

        // Headers still arrive.
        X12Parser.Parse(Fixtures.Bytes(Fixtures.Text837()), new X12ParseOptions { Sink = sink });
        Assert.Equal(1, sink.Headers);
    }

    [Fact]
    public void A_sink_that_overrides_a_record_method_takes_records_of_that_kind_only()
    {
        var sink = new PaymentSink();
        Assert.False(sink.TakesRecords837);
        Assert.True(sink.TakesRecords835);
        X12Parser.Parse(Fixtures.Bytes(Fixtures.Text835()), new X12ParseOptions { Sink = sink });
        Assert.Equal(3, sink.Payments);
    }

    [Fact]
    public void An_override_inherited_from_a_base_sink_counts()
    {
        Assert.True(new DerivedClaimSink().TakesRecords837);
    }

    private sealed class HeaderSink : X12ClaimSink
    {
        public int Headers { get; private set; }

        public override void OnTransaction837(Transaction837Header header) => Headers++;
    }

    private sealed class PaymentSink : X12ClaimSink
    {
        public int Payments { get; private set; }

        public override void OnClaimPayment835(ClaimPayment835 claim) => Payments++;
    }

    private class ClaimSink : X12ClaimSink
    {
        public override void OnClaim837(Claim837 claim)
        {
        }
    }

    private sealed class DerivedClaimSink : ClaimSink;
}
