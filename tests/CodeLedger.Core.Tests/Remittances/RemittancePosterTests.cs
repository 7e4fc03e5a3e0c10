using CodeLedger.Core.Common;
using CodeLedger.Core.Remittances;
using static CodeLedger.Core.Tests.Remittances.RemitFixtures;

namespace CodeLedger.Core.Tests.Remittances;

public sealed class RemittancePosterTests
{
    private static PostingPlan Post(string text, RemittanceBook? book = null, PostingOptions? options = null) =>
        RemittancePoster.Plan(ReadOne(text), book ?? RemittanceBook.Of(KnownClaims()), options);

    [Fact]
    public void Each_line_gets_its_payment_contractual_and_patient_adjustments_with_group_carc_and_rarcs()
    {
        var plan = Post(Text());

        var pcn1 = plan.Claims.Single(c => c.ClaimId == "PCN-1");
        var office = pcn1.Lines.Single(l => l.LineNumber == 1);
        Assert.Equal(80m, office.Paid);
        Assert.Equal([("CO", "45", 50m, AdjustmentKind.Contractual), ("PR", "3", 20m, AdjustmentKind.PatientResponsibility)],
            office.Adjustments.Select(a => (a.Group, a.Reason, a.Amount, a.Kind)));
        var denied = plan.Claims.Single(c => c.ClaimId == "PCN-2");
        Assert.True(denied.IsDenied);
        Assert.Equal(["M76"], Assert.Single(Assert.Single(denied.Lines).Adjustments).Remarks);
    }

    [Fact]
    public void Posted_payments_equal_the_sum_of_CLP04_and_after_PLB_equal_BPR02()
    {
        var plan = Post(Text(bpr02: "125", plb: "PLB*1234567893*20241231*WO:PAYERCCN1*20~"));

        Assert.Equal(145m, plan.PostedPayments);
        Assert.Equal(125m, plan.NetPayment);
        Assert.Equal(0m, plan.Claims.Sum(c => c.UnallocatedPaid));
    }

    [Fact]
    public void A_WO_recovery_naming_a_claims_payer_control_number_is_linked_to_that_claim()
    {
        var plan = Post(Text(bpr02: "125", plb: "PLB*1234567893*20241231*WO:PAYERCCN1*20~"));

        var wo = Assert.Single(plan.ProviderAdjustments);
        Assert.Equal(("WO", "PAYERCCN1", 20m, "PCN-1"), (wo.Reason, wo.Reference, wo.Amount, wo.ClaimId));
    }

    [Fact]
    public void A_PLB_naming_a_claim_by_its_CLM01_is_linked_too_and_one_naming_nothing_stays_at_provider_level()
    {
        var plan = Post(Text(bpr02: "140", plb: "PLB*1234567893*20241231*WO:PCN-2*10*L6:INTEREST*-5~"));

        Assert.Equal([("WO", "PCN-2"), ("L6", null)], plan.ProviderAdjustments.Select(p => (p.Reason, p.ClaimId)));
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void Lines_match_by_code_modifiers_and_date_when_the_payer_does_not_echo_the_line_control_number()
    {
        var claims = KnownClaims();
        var swapped = claims[0] with { Lines = [claims[0].Lines[1] with { Number = 1 }, claims[0].Lines[0] with { Number = 2 }] };

        var plan = RemittancePoster.Plan(ReadOne(Text()), RemittanceBook.Of([swapped, claims[1]]));

        var lines = plan.Claims.Single(c => c.ClaimId == "PCN-1").Lines;
        Assert.Equal([("99214", 2), ("36415", 1)], lines.Select(l => (l.ProcedureCode, l.LineNumber)));
    }

    [Fact]
    public void A_line_control_number_wins_over_code_and_date()
    {
        var claims = KnownClaims();
        var twins = claims[0] with
        {
            Lines = [claims[0].Lines[1] with { Number = 1, LineItemControlNumber = "A" }, claims[0].Lines[1] with { Number = 2, LineItemControlNumber = "B" }],
        };
        var text = Text().Replace("SVC*HC:99214:25*150*80**1", "SVC*HC:36415*150*80**1", StringComparison.Ordinal);

        var plan = RemittancePoster.Plan(ReadOne(text), RemittanceBook.Of([twins, claims[1]]), null,
            new Dictionary<(int, int), string> { [(1, 1)] = "B", [(1, 2)] = "A" });

        Assert.Equal([2, 1], plan.Claims[0].Lines.Select(l => l.LineNumber));
    }

    [Fact]
    public void Two_identical_lines_are_paid_in_order_each_once()
    {
        var claim = new RemitClaim("PCN-1", Practice, "PAYER01", null, 250m,
        [
            new RemitClaimLine(1, null, "36415", [], 1, new DateOnly(2024, 3, 1), 125m),
            new RemitClaimLine(2, null, "36415", [], 1, new DateOnly(2024, 3, 1), 125m),
        ]);
        var text = Text().Replace("SVC*HC:99214:25*150*80**1", "SVC*HC:36415*125*55**1", StringComparison.Ordinal)
            .Replace("SVC*HC:36415*100*65**1", "SVC*HC:36415*125*90**1", StringComparison.Ordinal);

        var plan = RemittancePoster.Plan(ReadOne(text), RemittanceBook.Of([claim, KnownClaims()[1]]), new PostingOptions(AcceptUnbalanced: true));

        Assert.Equal([1, 2], plan.Claims[0].Lines.Select(l => l.LineNumber));
    }

    [Fact]
    public void Among_identical_codes_the_line_with_the_same_charge_is_chosen_before_order()
    {
        var claim = new RemitClaim("PCN-1", Practice, "PAYER01", null, 250m,
        [
            new RemitClaimLine(1, null, "36415", [], 1, new DateOnly(2024, 3, 1), 100m),
            new RemitClaimLine(2, null, "99214", ["25"], 1, new DateOnly(2024, 3, 1), 150m),
            new RemitClaimLine(3, null, "36415", [], 2, new DateOnly(2024, 3, 1), 999m),
        ]);
        var text = Text().Replace("SVC*HC:36415*100*65**1", "SVC*HC:36415*100*65**1", StringComparison.Ordinal);

        var plan = RemittancePoster.Plan(ReadOne(text), RemittanceBook.Of([claim with { Lines = [claim.Lines[2], claim.Lines[1], claim.Lines[0]] }, KnownClaims()[1]]));

        Assert.Equal(1, plan.Claims[0].Lines.Single(l => l.ProcedureCode == "36415").LineNumber);
    }

    [Fact]
    public void An_SVC_that_fits_no_line_is_still_posted_to_its_claim_with_a_warning()
    {
        var claims = KnownClaims();
        var oneLine = claims[0] with { Lines = [claims[0].Lines[0]] };

        var plan = RemittancePoster.Plan(ReadOne(Text()), RemittanceBook.Of([oneLine, claims[1]]));

        var orphan = plan.Claims[0].Lines.Single(l => l.ProcedureCode == "36415");
        Assert.Equal((0, 65m), (orphan.LineNumber, orphan.Paid));
        Assert.Contains(plan.Warnings, w => w.Contains("SVC 2 (36415)", StringComparison.Ordinal));
        var listed = Assert.Single(plan.UnmatchedServices);
        Assert.Equal(("PCN-1", 65m), (listed.ClaimId, listed.Service.Paid));
        Assert.Equal(145m, plan.PostedPayments);
    }

    [Fact]
    public void A_claim_matches_by_the_payers_claim_control_number_when_CLP01_is_unknown()
    {
        var claims = KnownClaims();
        var renamed = claims[0] with { ClaimId = "OUR-CLAIM-7", PayerClaimControlNumber = "PAYERCCN1" };

        var plan = RemittancePoster.Plan(ReadOne(Text()), RemittanceBook.Of([renamed, claims[1]]));

        Assert.Equal("OUR-CLAIM-7", plan.Claims[0].ClaimId);
        Assert.Empty(plan.Unmatched);
    }

    [Fact]
    public void A_claim_CodeLedger_does_not_know_lands_in_unmatched_with_its_amounts()
    {
        var plan = RemittancePoster.Plan(ReadOne(Text()), RemittanceBook.Of([KnownClaims()[1]]));

        var unknown = Assert.Single(plan.Unmatched);
        Assert.Equal(("PCN-1", "PAYERCCN1", 250m, 145m, 1), (unknown.PatientControlNumber, unknown.PayerClaimControlNumber, unknown.Charge, unknown.Paid, unknown.Position));
        Assert.Equal(145m, plan.PostedPayments);
    }

    [Fact]
    public void A_claim_of_another_practice_is_not_matched_because_the_book_holds_one_practices_claims()
    {
        var plan = RemittancePoster.Plan(ReadOne(Text()), RemittanceBook.Of([]));

        Assert.Equal(["PCN-1", "PCN-2"], plan.Unmatched.Select(u => u.PatientControlNumber));
        Assert.Empty(plan.Claims);
    }

    [Fact]
    public void A_hand_match_posts_the_unmatched_payment_to_the_claim_the_user_chose()
    {
        var plan = RemittancePoster.Plan(ReadOne(Text()), RemittanceBook.Of([KnownClaims()[1]]));
        var chosen = KnownClaims()[0] with { ClaimId = "TYPO-PCN-1" };

        var posting = RemittanceMatcher.MatchByHand(plan.Unmatched[0], chosen, Practice);

        Assert.Equal(("TYPO-PCN-1", 145m), (posting.ClaimId, posting.Paid));
        Assert.Equal([1, 2], posting.Lines.Select(l => l.LineNumber));
    }

    [Fact]
    public void A_hand_match_to_a_claim_of_another_practice_is_refused()
    {
        var plan = RemittancePoster.Plan(ReadOne(Text()), RemittanceBook.Of([KnownClaims()[1]]));

        var error = Assert.Throws<DomainException>(() => RemittanceMatcher.MatchByHand(plan.Unmatched[0], KnownClaims()[0] with { Practice = "P-SOUTH" }, Practice));

        Assert.Equal("REMIT-MATCH-INVALID", error.Code);
    }

    [Fact]
    public void The_same_payment_again_posts_nothing_and_says_so()
    {
        var book = RemittanceBook.Of(KnownClaims());
        var first = RemittancePoster.Plan(ReadOne(Text()), book);

        var second = RemittancePoster.Plan(ReadOne(Text()), book.After(first));

        Assert.True(second.AlreadyPosted);
        Assert.Empty(second.Claims);
        Assert.Empty(second.Unmatched);
        Assert.Contains("already posted", Assert.Single(second.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Another_trace_number_of_the_same_amount_and_day_is_another_payment()
    {
        var book = RemittanceBook.Of(KnownClaims());
        var first = RemittancePoster.Plan(ReadOne(Text()), book);

        var second = RemittancePoster.Plan(ReadOne(Text(trace: "EFT2")), book.After(first));

        Assert.False(second.AlreadyPosted);
        Assert.Equal(145m, second.PostedPayments);
    }

    [Fact]
    public void The_same_trace_number_with_another_total_is_refused_as_a_conflict()
    {
        var book = RemittanceBook.Of(KnownClaims());
        var first = RemittancePoster.Plan(ReadOne(Text()), book);

        var error = Assert.Throws<DomainException>(() => RemittancePoster.Plan(ReadOne(Text(bpr02: "125", plb: "PLB*1234567893*20241231*WO:X*20~")), book.After(first)));

        Assert.Equal("REMIT-TRACE-CONFLICT", error.Code);
    }

    [Fact]
    public void An_835_without_a_trace_number_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => Post(Text().Replace("TRN*1*EFT1*1512345678~", "TRN*1**1512345678~", StringComparison.Ordinal)));

        Assert.Equal("REMIT-NO-PAYMENT-KEY", error.Code);
        Assert.Contains("TRN02", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_payer_id_comes_from_N1_PR_when_TRN03_is_absent()
    {
        var plan = Post(Text().Replace("TRN*1*EFT1*1512345678~", "TRN*1*EFT1~", StringComparison.Ordinal));

        Assert.Equal(new PaymentKey("PAYER01", "EFT1"), plan.Payment);
    }

    [Theory]
    [InlineData("SVC*HC:36415*100*65**1", "SVC*HC:36415*100*66**1", "CLP 1 (CLP01 PCN-1), SVC 2: SVC02 100.00 − CAS 35.00 ≠ SVC03 66.00")]
    [InlineData("CLP*PCN-1*1*250*145", "CLP*PCN-1*1*251*145", "CLP 1 (CLP01 PCN-1): CLP03 251.00 − CAS 105.00 ≠ CLP04 145.00")]
    [InlineData("BPR*I*145*", "BPR*I*146*", "Σ CLP04 145.00 − Σ PLB 0.00 ≠ BPR02 146.00")]
    public void An_835_that_does_not_balance_is_refused_with_its_location(string from, string to, string location)
    {
        var text = Text().Replace(from, to, StringComparison.Ordinal);

        var error = Assert.Throws<DomainException>(() => Post(text));

        Assert.Equal("REMIT-UNBALANCED", error.Code);
        Assert.Contains("transaction set 0001", error.Message, StringComparison.Ordinal);
        Assert.Contains(location, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unbalanced_835_accepted_unbalanced_is_posted_flagged()
    {
        var plan = Post(Text(bpr02: "146"), options: new PostingOptions(AcceptUnbalanced: true));

        Assert.True(plan.Unbalanced);
        Assert.Equal(145m, plan.PostedPayments);
        Assert.Contains(plan.Warnings, w => w.StartsWith("posted unbalanced: transaction set 0001", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reversal_undoes_the_earlier_posting_exactly_and_the_corrected_payment_posts_normally()
    {
        var book = RemittanceBook.Of(KnownClaims());
        var original = RemittancePoster.Plan(ReadOne(Text()), book);
        var corrected = "CLP*PCN-1*1*250*160*20*12*PAYERCCN1B~NM1*QC*1*DOE*JANE~CAS*CO*45*70~CAS*PR*3*20~";

        var plan = RemittancePoster.Plan(ReadOne(Text(trace: "EFT2", bpr02: "15", claims: ReversalOfPcn1 + corrected)), book.After(original));

        var reversal = plan.Claims[0];
        var undone = original.Claims.Single(c => c.ClaimId == "PCN-1");
        Assert.Equal(new ReversalOf(original.Payment, undone.Position), reversal.Reverses);
        Assert.Equal(0m, reversal.Paid + undone.Paid);
        Assert.Equal(0m, reversal.AdjustmentTotal + undone.AdjustmentTotal);
        Assert.Equal(undone.Lines.Select(l => (l.LineNumber, -l.Paid, -l.Adjustments.Sum(a => a.Amount))),
            reversal.Lines.Select(l => (l.LineNumber, l.Paid, l.Adjustments.Sum(a => a.Amount))));
        Assert.Equal(("1", 160m), (plan.Claims[1].Status, plan.Claims[1].Paid));
        Assert.Equal(15m, plan.PostedPayments);
    }

    [Fact]
    public void A_reversal_that_undoes_nothing_known_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => Post(Text(bpr02: "-145", claims: ReversalOfPcn1)));

        Assert.Equal("REMIT-REVERSAL-UNKNOWN", error.Code);
        Assert.Contains("transaction set 0001, CLP 1 (CLP01 PCN-1)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reversal_of_other_amounts_than_the_posting_is_refused()
    {
        var book = RemittanceBook.Of(KnownClaims());
        var original = RemittancePoster.Plan(ReadOne(Text()), book);
        var wrong = ReversalOfPcn1.Replace("*-145*", "*-140*", StringComparison.Ordinal).Replace("CO*45*-85", "CO*45*-90", StringComparison.Ordinal);

        var error = Assert.Throws<DomainException>(() => RemittancePoster.Plan(ReadOne(Text(trace: "EFT2", bpr02: "-140", claims: wrong)), book.After(original)));

        Assert.Equal("REMIT-REVERSAL-UNKNOWN", error.Code);
    }

    [Fact]
    public void A_payment_is_reversed_once_and_a_second_reversal_of_it_is_refused()
    {
        var book = RemittanceBook.Of(KnownClaims());
        book = book.After(RemittancePoster.Plan(ReadOne(Text()), book));
        book = book.After(RemittancePoster.Plan(ReadOne(Text(trace: "EFT2", bpr02: "-145", claims: ReversalOfPcn1)), book));

        var error = Assert.Throws<DomainException>(() => RemittancePoster.Plan(ReadOne(Text(trace: "EFT3", bpr02: "-145", claims: ReversalOfPcn1)), book));

        Assert.Equal("REMIT-REVERSAL-UNKNOWN", error.Code);
    }

    [Fact]
    public void A_reversal_in_the_same_835_as_the_payment_it_undoes_finds_it()
    {
        var plan = Post(Text(bpr02: "0", claims: Standard + ReversalOfPcn1));

        Assert.Equal(new ReversalOf(plan.Payment, 1), plan.Claims[2].Reverses);
        Assert.Equal(0m, plan.Claims.Where(c => c.ClaimId == "PCN-1").Sum(c => c.Paid + c.AdjustmentTotal));
    }

    [Fact]
    public void One_encounter_on_two_ERAs_posts_both_and_leaves_nothing_undistributed()
    {
        var claims = KnownClaims();
        var book = RemittanceBook.Of(claims);
        var firstLine = Text().Replace("SVC*HC:36415*100*65**1~DTM*472*20240301~CAS*CO*45*35~", string.Empty, StringComparison.Ordinal)
            .Replace("CLP*PCN-1*1*250*145*20", "CLP*PCN-1*1*150*80*20", StringComparison.Ordinal).Replace("BPR*I*145*", "BPR*I*80*", StringComparison.Ordinal);
        var secondLine = Text(trace: "EFT2").Replace("SVC*HC:99214:25*150*80**1~DTM*472*20240301~CAS*CO*45*50~CAS*PR*3*20~", string.Empty, StringComparison.Ordinal)
            .Replace("CLP*PCN-1*1*250*145*20", "CLP*PCN-1*1*100*65*0", StringComparison.Ordinal).Replace("BPR*I*145*", "BPR*I*65*", StringComparison.Ordinal);

        var first = RemittancePoster.Plan(ReadOne(firstLine), book);
        var second = RemittancePoster.Plan(ReadOne(secondLine), book.After(first));

        var postings = first.Claims.Concat(second.Claims).Where(c => c.ClaimId == "PCN-1").ToList();
        Assert.Equal([1, 2], postings.SelectMany(p => p.Lines).Select(l => l.LineNumber).Order());
        Assert.Equal(0m, claims[0].TotalCharge - postings.Sum(p => p.Paid + p.AdjustmentTotal));
        Assert.Equal(0m, postings.Sum(p => p.UnallocatedPaid));
    }
}
