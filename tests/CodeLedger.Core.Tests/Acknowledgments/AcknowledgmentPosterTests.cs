using System.Text;
using CodeLedger.Core.Acknowledgments;
using CodeLedger.Core.Billing;
using CodeLedger.X12.Acknowledgments.Reading;

namespace CodeLedger.Core.Tests.Acknowledgments;

/// <summary>
/// <see cref="AcknowledgmentPoster"/>: which claims a 999, TA1 or 277CA names, what it does to
/// each (a rejection overrules an acceptance, never the reverse; a TA1 that accepts changes no
/// status), which reasons each rejected claim gets, and what is reported as naming no claim sent.
/// </summary>
public class AcknowledgmentPosterTests
{
    private static readonly Dictionary<string, int> OneLine = new(StringComparer.Ordinal) { ["1"] = 1 };

    private static SentClaim Sent(string id, ClaimStatus status = ClaimStatus.Submitted, int st02 = 1) =>
        new(id, status, 907, "12345", 1, st02, OneLine);

    private static X12AcknowledgmentDocument Load(string body, string sender = "12345") =>
        X12AcknowledgmentDocument.Load(Encoding.ASCII.GetBytes(
            $"ISA*00*          *00*          *30*{sender,-15}*30*000000005      *261103*0900*^*00501*000000044*0*P*:~" + body + "IEA*1*000000044~"));

    private static string Group999(params string[] segments)
    {
        var set = new List<string> { "ST*999*0001*005010X231A1", "AK1*HC*1*005010X222A1" };
        set.AddRange(segments);
        set.Add($"SE*{set.Count + 1}*0001");
        return "GS*FA*12345*CODELEDGER*20261103*0900*44*X*005010X231A1~" + string.Concat(set.Select(s => s + "~")) + "GE*1*44~";
    }

    [Fact]
    public void A_999_rejecting_one_set_of_a_group_rejects_its_claims_each_with_its_own_segment_errors_and_accepts_the_other_set()
    {
        var doc = Load(Group999(
            "AK2*837*0001*005010X222A1", "IK3*SV1*30*2400*8", "CTX*CLM01:A-1", "IK4*3**7*XX", "IK3*DTP*40*2400*8", "CTX*CLM01:A-2", "IK4*3**8", "IK5*R*5",
            "AK2*837*0002*005010X222A1", "IK5*A",
            "AK9*P*2*2*1"));
        Assert.Empty(doc.Result.Errors);

        var plan = AcknowledgmentPoster.Plan(doc, ["12345"], [Sent("A-1"), Sent("A-2"), Sent("B-1", st02: 2)]);

        Assert.Equal(AcknowledgmentKind.Ack999, plan.Kind);
        var byId = plan.Claims.ToDictionary(c => c.ClaimId);
        Assert.Equal([ClaimStatus.Rejected, ClaimStatus.Rejected, ClaimStatus.Accepted], new[] { "A-1", "A-2", "B-1" }.Select(id => byId[id].Status));
        var a1 = byId["A-1"].Findings.Select(f => f.Message).ToList();
        Assert.Equal("the 999 rejected transaction set 0001 of group 1 (IK5 R)", a1[0]);
        Assert.Contains("IK5 5: one or more segments in error", a1);
        Assert.Contains(a1, m => m.StartsWith("IK4 7: invalid code value: SV103 'XX' (claim A-1)", StringComparison.Ordinal));
        Assert.DoesNotContain(a1, m => m.Contains("A-2", StringComparison.Ordinal));
        Assert.Empty(byId["B-1"].Findings);
        Assert.Empty(plan.Unmatched);
    }

    [Fact]
    public void A_999_from_another_receiver_or_for_a_set_never_sent_names_no_claim_and_is_reported()
    {
        var doc = Load(Group999("AK2*837*0009*005010X222A1", "IK5*A", "AK9*A*1*1*1"));

        var plan = AcknowledgmentPoster.Plan(doc, ["12345"], [Sent("A-1")]);
        var stranger = AcknowledgmentPoster.Plan(Load(Group999("AK2*837*0001*005010X222A1", "IK5*A", "AK9*A*1*1*1"), "OTHER"), ["OTHER"], [Sent("A-1")]);

        Assert.Empty(plan.Claims);
        Assert.Equal(["999 for group '1', set '0009': no claim went out in it"], plan.Unmatched);
        Assert.Empty(stranger.Claims);
        Assert.Single(stranger.Unmatched);
    }

    [Fact]
    public void A_TA1_that_accepts_changes_no_status_and_one_that_rejects_rejects_every_claim_of_the_interchange()
    {
        var accept = Load("TA1*000000907*131031*1147*A*000~");
        var reject = Load("TA1*000000907*131031*1147*R*022~");
        var claims = new[] { Sent("A-1"), Sent("B-1", st02: 2) };

        var accepted = AcknowledgmentPoster.Plan(accept, ["12345"], claims);
        var rejected = AcknowledgmentPoster.Plan(reject, ["12345"], claims);

        Assert.All(accepted.Claims, c => Assert.Equal((true, false, ClaimStatus.Submitted), (c.Accepted, c.Changed, c.Status)));
        Assert.All(rejected.Claims, c => Assert.Equal((ClaimStatus.Rejected, "interchange 000000907 rejected: TA1 022: invalid control structure"), (c.Status, Assert.Single(c.Findings).Message)));
    }

    [Fact]
    public void The_verdicts_follow_claim_id_order_whatever_order_the_claims_were_read_in()
    {
        var reject = Load("TA1*000000907*131031*1147*R*022~");
        var read = new[] { Sent("B-1", st02: 2), Sent("A-2"), Sent("A-1") };

        var plan = AcknowledgmentPoster.Plan(reject, ["12345"], read);
        var reversed = AcknowledgmentPoster.Plan(reject, ["12345"], [.. read.Reverse()]);

        Assert.Equal(["A-1", "A-2", "B-1"], plan.Claims.Select(c => c.ClaimId));
        Assert.Equal(plan.Claims.Select(c => c.ClaimId), reversed.Claims.Select(c => c.ClaimId));
    }

    [Theory]
    [InlineData(ClaimStatus.Rejected, true, false, ClaimStatus.Rejected)]
    [InlineData(ClaimStatus.Paid, true, false, ClaimStatus.Paid)]
    [InlineData(ClaimStatus.Denied, false, false, ClaimStatus.Denied)]
    [InlineData(ClaimStatus.Accepted, false, true, ClaimStatus.Rejected)]
    [InlineData(ClaimStatus.Submitted, true, true, ClaimStatus.Accepted)]
    public void An_acceptance_never_overrules_a_rejection_or_an_835_and_a_rejection_overrules_an_acceptance(ClaimStatus before, bool accepts, bool changed, ClaimStatus after)
    {
        var doc = Load(Group999("AK2*837*0001*005010X222A1", accepts ? "IK5*A" : "IK5*R*5", accepts ? "AK9*A*1*1*1" : "AK9*R*1*1*0"));

        var verdict = Assert.Single(AcknowledgmentPoster.Plan(doc, ["12345"], [Sent("A-1", before)]).Claims);

        Assert.Equal((changed, after), (verdict.Changed, verdict.Status));
        Assert.True(changed || verdict.Findings.Count == 0);
    }

    [Fact]
    public void Claims_not_yet_sent_are_never_named()
    {
        var doc = Load(Group999("AK2*837*0001*005010X222A1", "IK5*A", "AK9*A*1*1*1"));

        var plan = AcknowledgmentPoster.Plan(doc, ["12345"], [Sent("A-1", ClaimStatus.Ready), Sent("A-2", ClaimStatus.FixQueue)]);

        Assert.Empty(plan.Claims);
        Assert.Single(plan.Unmatched);
    }
}
