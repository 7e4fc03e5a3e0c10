using CodeLedger.Core.Billing;

namespace CodeLedger.Core.Tests.Billing;

/// <summary>
/// A claim an acknowledgment rejected goes out again as a new submission (docs/BILLING.md,
/// "Resending a rejected claim"): once, keeping its frequency, from the current coding.
/// </summary>
public sealed class ClaimResendTests
{
    private static ClaimResend.Claim Claim(string id, ClaimStatus status, string? follows = null) => new(id, status, follows);

    [Fact]
    public void Only_rejected_claims_that_nothing_follows_yet_are_due()
    {
        var due = ClaimResend.Due(
        [
            Claim("B-1", ClaimStatus.Rejected),
            Claim("A-1", ClaimStatus.Rejected),
            Claim("C-1", ClaimStatus.Submitted),
            Claim("D-1", ClaimStatus.FixQueue),
            Claim("E-1", ClaimStatus.Accepted),
            Claim("F-1", ClaimStatus.Paid),
            Claim("G-1", ClaimStatus.Denied),
            Claim("H-1", ClaimStatus.Ready),
        ]);

        Assert.Equal(["A-1", "B-1"], due);
    }

    [Fact]
    public void A_rejected_claim_is_resent_once_and_a_rejected_resend_is_resent_in_turn()
    {
        var rejected = Claim("ENC-1", ClaimStatus.Rejected);

        Assert.Empty(ClaimResend.Due([rejected, Claim("ENC-2", ClaimStatus.FixQueue, "ENC-1")]));
        Assert.Empty(ClaimResend.Due([rejected, Claim("ENC-2", ClaimStatus.Submitted, "ENC-1")]));
        Assert.Equal(["ENC-2"], ClaimResend.Due([rejected, Claim("ENC-2", ClaimStatus.Rejected, "ENC-1")]));
    }

    [Fact]
    public void A_rejected_original_goes_out_again_as_an_original_from_the_current_final_coding()
    {
        var resend = ClaimResend.Of(new ClaimResend.Rejected("ENC-1", ClaimFrequency.Original, CodingVersion: 2, PayerClaimControlNumber: null), currentFinalVersion: 3);

        Assert.Equal(new ClaimResend.Resend("ENC-1", ClaimFrequency.Original, null, 3), resend);
    }

    [Fact]
    public void A_rejected_replacement_stays_a_replacement_of_the_same_payer_claim_and_a_rejected_void_repeats_its_own_lines()
    {
        var replacement = ClaimResend.Of(new ClaimResend.Rejected("ENC-2", ClaimFrequency.Replacement, 2, "PCCN-9"), currentFinalVersion: 4);
        var voided = ClaimResend.Of(new ClaimResend.Rejected("ENC-3", ClaimFrequency.Void, 2, "PCCN-9"), currentFinalVersion: 4);

        Assert.Equal(new ClaimResend.Resend("ENC-2", ClaimFrequency.Replacement, "PCCN-9", 4), replacement);
        Assert.Equal(new ClaimResend.Resend("ENC-3", ClaimFrequency.Void, "PCCN-9", 2), voided);
    }

    [Fact]
    public void Without_a_final_coding_on_record_the_rejected_claims_own_version_is_sent() =>
        Assert.Equal(2, ClaimResend.Of(new ClaimResend.Rejected("ENC-1", ClaimFrequency.Original, 2, null), currentFinalVersion: null).CodingVersion);

    [Theory]
    [InlineData("ENC-1", 1, "ENC-1-1")]
    [InlineData("ENC-1", 12, "ENC-1-12")]
    [InlineData("ENC-11", 2, "ENC-11-2")]
    public void A_lines_control_number_is_its_claims_CLM01_and_its_LX(string claimId, int line, string expected) =>
        Assert.Equal(expected, ClaimId.LineItemControlNumber(claimId, line));

    [Fact]
    public void Line_control_numbers_never_repeat_across_the_claims_of_a_practice()
    {
        var ids = Enumerable.Range(1, 30).SelectMany(e => Enumerable.Range(1, 3).Select(s => ClaimId.For($"ENC-{e}", s)))
            .SelectMany(c => Enumerable.Range(1, 50).Select(l => ClaimId.LineItemControlNumber(c, l))).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.InRange(id.Length, 1, 50));
    }
}
