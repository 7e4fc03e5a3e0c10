using System.Text;
using CodeLedger.X12.Acknowledgments;
using CodeLedger.X12.Envelope;
using CodeLedger.X12.Tests.Samples;

namespace CodeLedger.X12.Tests.Acknowledgments;

public class AcknowledgmentTests
{
    private static readonly X12AckOptions Options = new(new DateTimeOffset(2024, 3, 16, 8, 5, 0, TimeSpan.Zero), Ack999ControlNumber: 17, Ta1ControlNumber: 18);

    private static (X12Acknowledgments Ack, string Text999) Ack(string text)
    {
        var ack = X12Acknowledger.Create(X12Parser.Parse(Encoding.ASCII.GetBytes(text)), Options);
        return (ack, ack.Ack999 is null ? string.Empty : Encoding.ASCII.GetString(ack.Ack999));
    }

    [Fact]
    public void Clean_837P_is_accepted_and_the_999_is_itself_clean_X12()
    {
        var (ack, text) = Ack(Fixtures.Text837());
        Assert.Null(ack.Ta1);
        Assert.Equal("A", ack.Ack999Status);
        Assert.Contains("AK1*HC*42*005010X222A1~AK2*837*0001*005010X222A1~IK5*A~AK9*A*1*1*1~", text, StringComparison.Ordinal);
        var reread = X12Parser.Parse(ack.Ack999);
        Assert.Empty(reread.Errors);
        Assert.Equal(X12DocumentKind.Acknowledgment999, reread.Kind);
        Assert.Contains("*ZZ*PAYER01        *ZZ*CODELEDGER     *240316*0805*", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_segment_count_rejects_the_set_with_IK5_code_4()
    {
        var text = Fixtures.Text837();
        var se = text.IndexOf("SE*", StringComparison.Ordinal);
        var (ack, ack999) = Ack(text[..se] + "SE*3*0001~GE*1*42~IEA*1*000000042~");
        Assert.Equal("R", ack.Ack999Status);
        Assert.Contains("IK5*R*4~AK9*R*1*1*0~", ack999, StringComparison.Ordinal);
    }

    [Fact]
    public void Element_error_gives_IK3_and_IK4()
    {
        var text = Fixtures.Text837().Replace("SV1*HC:83036*75.5*UN*", "SV1*HC:83036*75.5*XX*", StringComparison.Ordinal);
        var (_, ack999) = Ack(text);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(ack999, @"IK3\*SV1\*\d+\*2400\*8~CTX\*CLM01:PCN-1001~IK4\*3\*\*7~"), ack999);
        Assert.Contains("IK5*R*5~", ack999, StringComparison.Ordinal);
    }

    [Fact]
    public void One_rejected_set_of_two_is_partially_accepted()
    {
        var text = Fixtures.Text837();
        var st = text.IndexOf("ST*", StringComparison.Ordinal);
        var ge = text.IndexOf("GE*", StringComparison.Ordinal);
        var set = text[st..ge];
        var broken = set.Replace("ST*837*0001", "ST*837*0002", StringComparison.Ordinal);
        broken = broken[..broken.IndexOf("SE*", StringComparison.Ordinal)] + "SE*3*0002~";
        var (ack, ack999) = Ack(text[..ge] + broken + "GE*2*42~IEA*1*000000042~");
        Assert.Equal("P", ack.Ack999Status);
        Assert.Contains("AK9*P*2*2*1~", ack999, StringComparison.Ordinal);
    }

    [Fact]
    public void Guide_variant_is_accepted_with_errors_noted()
    {
        var (ack, ack999) = Ack(File.ReadAllText(SampleFiles.Path("x12-samples/837p/linuxforhealth/demo.837")));
        Assert.Equal("E", ack.Ack999Status);
        Assert.Contains("IK5*E~AK9*E*1*1*1~", ack999, StringComparison.Ordinal);
    }

    [Fact]
    public void TA1_is_sent_when_ISA14_asks_for_one()
    {
        var ack = X12Acknowledger.Create(X12Parser.Parse(Fixtures.Bytes(Fixtures.Text837(ackRequested: true))), Options);
        Assert.Contains("TA1*000000042*240315*0930*A*000~", Encoding.ASCII.GetString(ack.Ta1!), StringComparison.Ordinal);
        Assert.NotNull(ack.Ack999);
    }

    [Fact]
    public void Broken_envelope_gets_a_rejecting_TA1_and_no_999()
    {
        var text = Fixtures.Text837().Replace("IEA*1*000000042", "IEA*1*000000099", StringComparison.Ordinal);
        var (ack, _) = Ack(text);
        Assert.Null(ack.Ack999);
        Assert.Equal("R", ack.Ta1Status);
        Assert.Contains("TA1*000000042*240315*0930*R*001~", Encoding.ASCII.GetString(ack.Ta1!), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_acknowledgment_carries_its_own_control_number_in_ISA13_IEA02_and_the_999_in_GS06_GE02()
    {
        var ack = X12Acknowledger.Create(X12Parser.Parse(Fixtures.Bytes(Fixtures.Text837(ackRequested: true))), Options);
        var ack999 = Encoding.ASCII.GetString(ack.Ack999!);
        var ta1 = Encoding.ASCII.GetString(ack.Ta1!);
        Assert.Contains("*240316*0805*^*00501*000000017*0*P*:~GS*FA*PAYER01*CODELEDGER*20240316*0805*17*X*005010X231A1~", ack999, StringComparison.Ordinal);
        Assert.EndsWith("GE*1*17~IEA*1*000000017~", ack999, StringComparison.Ordinal);
        Assert.Contains("*240316*0805*^*00501*000000018*0*P*:~TA1*", ta1, StringComparison.Ordinal);
        Assert.EndsWith("IEA*0*000000018~", ta1, StringComparison.Ordinal);
        Assert.Empty(X12Parser.Parse(ack.Ack999).Errors);
    }

    [Fact]
    public void Envelopes_name_the_acknowledgments_due_and_their_parties_reversed()
    {
        var reply = new X12Parties("ZZ", "PAYER01", "ZZ", "CODELEDGER");
        Assert.Equal(new X12AckEnvelopes(reply, null), X12Acknowledger.Envelopes(X12Parser.Parse(Fixtures.Bytes(Fixtures.Text837()))));
        Assert.Equal(new X12AckEnvelopes(reply, reply), X12Acknowledger.Envelopes(X12Parser.Parse(Fixtures.Bytes(Fixtures.Text837(ackRequested: true)))));
        var broken = Fixtures.Text837().Replace("IEA*1*000000042", "IEA*1*000000099", StringComparison.Ordinal);
        Assert.Equal(new X12AckEnvelopes(null, reply), X12Acknowledger.Envelopes(X12Parser.Parse(Fixtures.Bytes(broken))));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_000_000_000)]
    public void A_control_number_outside_nine_digits_is_refused(int number)
    {
        var result = X12Parser.Parse(Fixtures.Bytes(Fixtures.Text837()));
        Assert.Throws<ArgumentOutOfRangeException>(() => X12Acknowledger.Create(result, Options with { Ack999ControlNumber = number }));
    }
}
