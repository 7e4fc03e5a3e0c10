using System.Text;
using CodeLedger.Testing;
using CodeLedger.X12.Acknowledgments.Reading;
using CodeLedger.X12.ClaimStatus277;
using CodeLedger.X12.Envelope;

namespace CodeLedger.X12.Tests.ClaimStatus277;

/// <summary>
/// The 277CA reader (005010X214): per claim (2200D) the CLM01 from TRN02, the payer's claim
/// control number from REF*1K, every STC with its category, status and entity codes, line-level
/// STC under SVC; accepted unless an STC rejects (STC03 U or a rejecting category); guide findings
/// by loop, segment and element; pyx12's 277.5010.X214 map as the oracle.
/// </summary>
public class ClaimAcknowledgment277Tests
{
    private static X12AcknowledgmentDocument Load(string text) => X12AcknowledgmentDocument.Load(Encoding.ASCII.GetBytes(text));

    [Fact]
    public void Each_claim_is_read_by_its_CLM01_accepted_with_the_payer_claim_control_number_or_rejected_with_its_reasons()
    {
        var doc = Load(Samples277.Text(Samples277.Mixed));

        Assert.Empty(doc.Result.Errors);
        Assert.Equal(X12DocumentKind.ClaimAcknowledgment277, doc.Result.Kind);
        var ack = Assert.Single(doc.ClaimAcknowledgments277);
        Assert.Equal(("ACME HEALTH PLAN", "12345"), (ack.SourceName, ack.SourceId));
        Assert.Equal("A1", Assert.Single(Assert.Single(ack.ReceiverStatuses).Codes).Category);
        Assert.Collection(ack.Claims,
            accepted =>
            {
                Assert.Equal("ENC-1001-1", accepted.ClaimId);
                Assert.True(accepted.Accepted);
                Assert.Equal("PCCN24075000001", accepted.PayerClaimControlNumber);
                Assert.Equal(["STC A2:20:PR accepted into adjudication: accepted for processing (payer)"], accepted.Reasons());
            },
            rejected =>
            {
                Assert.Equal("ENC-1002-1", rejected.ClaimId);
                Assert.False(rejected.Accepted);
                Assert.Null(rejected.PayerClaimControlNumber);
                Assert.Equal(["STC A7:562:85 rejected for invalid information: entity's National Provider Identifier (NPI) (billing provider)"], rejected.Reasons());
            });
    }

    [Fact]
    public void The_patient_name_and_member_id_of_loop_2100D_are_not_kept()
    {
        var ack = Assert.Single(Load(Samples277.Text(Samples277.Mixed)).ClaimAcknowledgments277);

        var everything = ack.ToString();
        Assert.DoesNotContain("QUIXOTEFISH", everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("MB7Q3X9W", everything, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A3:21:85", "WQ")]
    [InlineData("A6:21:IL", "WQ")]
    [InlineData("A8:454", "WQ")]
    [InlineData("E0:0", "WQ")]
    [InlineData("R3:21", "WQ")]
    [InlineData("A1:19:PR", "U")]
    public void A_rejecting_category_or_action_code_U_rejects_the_claim(string status, string action)
    {
        var ack = Assert.Single(Load(Samples277.Text(new Samples277.Claim("ENC-1-1", status, action))).ClaimAcknowledgments277);

        Assert.False(Assert.Single(ack.Claims).Accepted);
    }

    [Theory]
    [InlineData("A1:19:PR")]
    [InlineData("A2:20:PR")]
    [InlineData("A5:20")]
    public void An_acknowledging_category_with_WQ_accepts_the_claim(string status)
    {
        var ack = Assert.Single(Load(Samples277.Text(new Samples277.Claim("ENC-1-1", status, "WQ"))).ClaimAcknowledgments277);

        Assert.True(Assert.Single(ack.Claims).Accepted);
    }

    [Fact]
    public void A_rejected_service_line_rejects_its_claim_and_names_the_line()
    {
        var doc = Load(Samples277.Text(new Samples277.Claim("ENC-1-1", "A2:20:PR", "WQ", "PCCN1", Line: "A7:454")));

        Assert.Empty(doc.Result.Errors);
        var claim = Assert.Single(Assert.Single(doc.ClaimAcknowledgments277).Claims);
        Assert.False(claim.Accepted);
        var line = Assert.Single(claim.Lines);
        Assert.Equal(("99213", "1"), (line.Procedure, line.LineItemControlNumber));
        Assert.Contains("line 1: STC A7:454 rejected for invalid information: procedure code for services rendered", claim.Reasons());
    }

    [Fact]
    public void A_claim_without_STC_is_reported_in_loop_2200D_with_its_CLM01_and_counts_as_not_accepted()
    {
        var text = Samples277.Without(Samples277.Text(Samples277.Mixed), "STC*A7:562:85*20240316*U*125");

        var doc = Load(text);

        var error = Assert.Single(doc.Result.Errors);
        Assert.Equal(("STC", "2200D", "ENC-1002-1"), (error.SegmentId, error.Loop, error.ClaimId));
        Assert.False(Assert.Single(doc.ClaimAcknowledgments277).Claims[1].Accepted);
    }

    [Fact]
    public void An_action_code_the_guide_does_not_allow_is_an_element_finding_with_the_value()
    {
        var doc = Load(Samples277.Text(new Samples277.Claim("ENC-1-1", "A2:20:PR", "OK")));

        var error = Assert.Single(doc.Result.Errors);
        Assert.Equal(("STC", 3, "OK", "2200D"), (error.SegmentId, error.Element, error.Value, error.Loop));
    }

    [Fact]
    public void A_277CA_without_BHT_or_the_payer_name_is_reported_by_segment()
    {
        var text = Samples277.Without(Samples277.Text(Samples277.Mixed), "BHT*0085*08*277CA0001*20240316*0805*TH", "NM1*PR*2*ACME HEALTH PLAN*****PI*12345");

        var doc = Load(text);

        Assert.Equal(["BHT", "NM1"], doc.Result.Errors.Select(e => e.SegmentId).Order());
        Assert.Contains(doc.Result.Errors, e => e.Loop == "2100A");
    }

    [Fact]
    public void A_277_answering_a_status_inquiry_is_not_read_as_a_claim_acknowledgment()
    {
        var doc = Load(Samples277.Text(Samples277.Mixed).Replace("005010X214", "005010X212", StringComparison.Ordinal));

        Assert.Empty(doc.ClaimAcknowledgments277);
        Assert.Contains(doc.Result.Errors, e => e.Code == X12ErrorCodes.TransactionNotSupported);
    }

    [Fact]
    public void Pyx12_accepts_the_277CA_samples()
    {
        foreach (var text in new[] { Samples277.Text(Samples277.Mixed), Samples277.Text(new Samples277.Claim("ENC-1-1", "A2:20:PR", "WQ", "PCCN1", Line: "A7:454")) })
        {
            var (ok, output) = Pyx12.Validate(Encoding.ASCII.GetBytes(text));
            Assert.True(ok, output);
            Assert.Empty(Load(text).Result.Errors);
        }
    }

    [Fact]
    public void Pyx12_and_CodeLedger_both_fail_a_277CA_with_a_bad_action_code_and_one_without_claim_status()
    {
        var badCode = Samples277.Text(new Samples277.Claim("ENC-1-1", "A2:20:PR", "OK"));
        var noStatus = Samples277.Without(Samples277.Text(Samples277.Mixed), "STC*A7:562:85*20240316*U*125");
        foreach (var text in new[] { badCode, noStatus })
        {
            var (ok, output) = Pyx12.Validate(Encoding.ASCII.GetBytes(text));
            Assert.False(ok, output);
            Assert.NotEmpty(Load(text).Result.Errors);
        }
    }
}
