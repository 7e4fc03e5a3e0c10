using CodeLedger.Core.Billing;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;
using CodeLedger.Core.Edits;
using CodeLedger.Core.Ledger.Events;

namespace CodeLedger.Core.Tests.Billing;

/// <summary>
/// What one <c>claims submit</c> builds (docs/BILLING.md, "Claims submit"): an original for each
/// finalized encounter never billed, every claim that never left assembled again (a void from its own
/// lines, anything else from the final coding as it is now), every rejected claim due sent again as the
/// encounter's next submission; then what the files do to the claims, and the fix-queue summary.
/// </summary>
public sealed class ClaimSubmitPlanTests
{
    private static readonly Guid EncA = new("00000000-0000-4000-8000-0000000000a1");
    private static readonly Guid EncB = new("00000000-0000-4000-8000-0000000000b2");
    private static readonly Guid EncC = new("00000000-0000-4000-8000-0000000000c3");
    private static readonly Guid EncD = new("00000000-0000-4000-8000-0000000000d4");

    private static readonly Dictionary<Guid, string> Keys = new() { [EncA] = "ENC-A", [EncB] = "ENC-B", [EncC] = "ENC-C", [EncD] = "ENC-D" };

    private static ClaimSubmitPlan.FinalizedWork Finalized(Guid encounter, int? version) => new(encounter, version);

    private static ClaimSubmitPlan.ExistingClaim Claim(Guid encounter, int submission, ClaimStatus status, int version = 1,
        ClaimFrequency frequency = ClaimFrequency.Original, string? replaces = null, string? payerNumber = null) =>
        new(Guid.NewGuid(), encounter, ClaimId.For(Keys[encounter], submission), submission, frequency, status, version, replaces, payerNumber);

    [Fact]
    public void A_finalized_encounter_with_a_final_coding_and_no_claim_gets_an_original_from_that_version()
    {
        var plan = ClaimSubmitPlan.Of([Finalized(EncA, 2)], []);

        Assert.Equal([new ClaimSubmitPlan.Original(EncA, 2)], plan.Originals(id => Keys[id]));
        Assert.Empty(plan.Rebuilds);
        Assert.Empty(plan.Resends);
        Assert.Equal([EncA], plan.Encounters);
    }

    [Fact]
    public void An_encounter_with_any_claim_already_is_not_billed_again_whatever_that_claims_status()
    {
        foreach (var status in Enum.GetValues<ClaimStatus>())
        {
            var plan = ClaimSubmitPlan.Of([Finalized(EncA, 1)], [Claim(EncA, 1, status)]);

            Assert.Empty(plan.Originals(id => Keys[id]));
        }
    }

    [Fact]
    public void A_finalized_work_item_with_no_final_coding_version_on_record_gets_no_claim()
    {
        var plan = ClaimSubmitPlan.Of([Finalized(EncA, null)], []);

        Assert.True(plan.IsEmpty);
        Assert.Empty(plan.Encounters);
    }

    [Fact]
    public void Originals_are_built_in_the_order_of_their_encounters_keys_not_the_order_the_work_was_read()
    {
        var plan = ClaimSubmitPlan.Of([Finalized(EncC, 1), Finalized(EncA, 1), Finalized(EncB, 3)], []);

        Assert.Equal([EncA, EncB, EncC], plan.Originals(id => Keys[id]).Select(o => o.EncounterId));
        Assert.Equal([EncC, EncA, EncB], plan.Originals(id => Keys[id] == "ENC-C" ? "A" : "Z" + Keys[id]).Select(o => o.EncounterId));
    }

    [Fact]
    public void Claims_that_never_left_are_rebuilt_in_claim_id_order_and_sent_or_answered_ones_are_not()
    {
        var plan = ClaimSubmitPlan.Of([],
        [
            Claim(EncB, 1, ClaimStatus.Ready),
            Claim(EncA, 1, ClaimStatus.FixQueue),
            Claim(EncC, 1, ClaimStatus.Submitted),
            Claim(EncD, 1, ClaimStatus.Accepted),
        ]);

        Assert.Equal(["ENC-A-1", "ENC-B-1"], plan.Rebuilds.Select(r => r.Claim.ClaimId));
        Assert.Equal([EncA, EncB], plan.Encounters);
    }

    [Fact]
    public void A_held_claim_is_rebuilt_from_the_encounters_final_coding_as_it_is_now()
    {
        var plan = ClaimSubmitPlan.Of([Finalized(EncA, 3)], [Claim(EncA, 1, ClaimStatus.FixQueue, version: 2)]);

        Assert.Equal(3, Assert.Single(plan.Rebuilds).CodingVersion);
    }

    [Fact]
    public void A_held_void_is_rebuilt_from_its_own_version_since_it_repeats_the_voided_claims_lines()
    {
        var plan = ClaimSubmitPlan.Of([Finalized(EncA, 3)],
        [
            Claim(EncA, 1, ClaimStatus.Accepted, version: 1),
            Claim(EncA, 2, ClaimStatus.FixQueue, version: 1, ClaimFrequency.Void, replaces: "ENC-A-1", payerNumber: "PCCN-1"),
        ]);

        Assert.Equal(1, Assert.Single(plan.Rebuilds).CodingVersion);
    }

    [Fact]
    public void A_held_claim_of_an_encounter_no_longer_finalized_keeps_its_own_version()
    {
        // The work item was reopened: it is not among the finalized work, so there is no final version to take.
        var plan = ClaimSubmitPlan.Of([], [Claim(EncA, 1, ClaimStatus.Ready, version: 2)]);

        Assert.Equal(2, Assert.Single(plan.Rebuilds).CodingVersion);
        Assert.Equal(2, ClaimSubmitPlan.RebuildVersion(ClaimFrequency.Replacement, 2, null));
        Assert.Equal(5, ClaimSubmitPlan.RebuildVersion(ClaimFrequency.Replacement, 2, 5));
        Assert.Equal(2, ClaimSubmitPlan.RebuildVersion(ClaimFrequency.Void, 2, 5));
    }

    [Fact]
    public void A_rejected_claim_whose_encounter_was_refinalized_goes_out_again_as_the_next_submission_from_the_new_coding()
    {
        var rejected = Claim(EncA, 1, ClaimStatus.Rejected, version: 1);

        var plan = ClaimSubmitPlan.Of([Finalized(EncA, 2)], [rejected]);

        var resend = Assert.Single(plan.Resends);
        Assert.Equal(rejected, resend.Rejected);
        Assert.Equal(2, resend.Submission);
        Assert.Equal(new ClaimResend.Resend("ENC-A-1", ClaimFrequency.Original, null, 2), resend.Resend);
        Assert.Empty(plan.Originals(id => Keys[id]));
        Assert.Empty(plan.Rebuilds);
        Assert.Equal([EncA], plan.Encounters);
    }

    [Fact]
    public void A_resend_takes_the_number_after_the_encounters_highest_submission_not_after_the_rejected_claims()
    {
        // ENC-A-2 replaced ENC-A-1 and was accepted; ENC-A-3 voided ENC-A-2 and was rejected: the resend is ENC-A-4.
        var plan = ClaimSubmitPlan.Of([Finalized(EncA, 2)],
        [
            Claim(EncA, 1, ClaimStatus.Paid),
            Claim(EncA, 2, ClaimStatus.Accepted, version: 2, ClaimFrequency.Replacement, "ENC-A-1", "PCCN-1"),
            Claim(EncA, 3, ClaimStatus.Rejected, version: 2, ClaimFrequency.Void, "ENC-A-2", "PCCN-1"),
        ]);

        var resend = Assert.Single(plan.Resends);
        Assert.Equal(4, resend.Submission);
        Assert.Equal(new ClaimResend.Resend("ENC-A-3", ClaimFrequency.Void, "PCCN-1", 2), resend.Resend);
    }

    [Fact]
    public void Two_rejected_claims_of_one_encounter_due_in_one_submit_take_consecutive_numbers_in_claim_id_order()
    {
        var plan = ClaimSubmitPlan.Of([Finalized(EncA, 1), Finalized(EncB, 1)],
        [
            Claim(EncB, 1, ClaimStatus.Rejected),
            Claim(EncA, 1, ClaimStatus.Rejected),
            Claim(EncA, 2, ClaimStatus.Rejected, frequency: ClaimFrequency.Replacement, replaces: "ENC-A-0", payerNumber: "PCCN-7"),
        ]);

        Assert.Equal([("ENC-A-1", 3), ("ENC-A-2", 4), ("ENC-B-1", 2)], plan.Resends.Select(r => (r.Rejected.ClaimId, r.Submission)));
        Assert.Equal([EncA, EncB], plan.Encounters);
    }

    [Fact]
    public void A_rejected_claim_already_resent_is_not_resent_again_and_its_held_resend_is_rebuilt_instead()
    {
        var plan = ClaimSubmitPlan.Of([Finalized(EncA, 1)],
        [
            Claim(EncA, 1, ClaimStatus.Rejected),
            Claim(EncA, 2, ClaimStatus.FixQueue, replaces: "ENC-A-1"),
        ]);

        Assert.Empty(plan.Resends);
        Assert.Equal("ENC-A-2", Assert.Single(plan.Rebuilds).Claim.ClaimId);
    }

    [Fact]
    public void A_second_submit_after_everything_went_out_finds_nothing_to_do()
    {
        var plan = ClaimSubmitPlan.Of([Finalized(EncA, 1), Finalized(EncB, 2)],
        [
            Claim(EncA, 1, ClaimStatus.Submitted),
            Claim(EncB, 1, ClaimStatus.Submitted, version: 2),
        ]);

        Assert.True(plan.IsEmpty);
        Assert.Empty(plan.Originals(id => Keys[id]));
        Assert.Empty(plan.Encounters);
    }

    [Fact]
    public void An_encounter_that_is_held_and_has_a_resend_due_is_loaded_once()
    {
        var plan = ClaimSubmitPlan.Of([Finalized(EncA, 1), Finalized(EncB, 1)],
        [
            Claim(EncA, 1, ClaimStatus.Rejected),
            Claim(EncA, 2, ClaimStatus.Rejected, frequency: ClaimFrequency.Replacement, replaces: "ENC-A-9", payerNumber: "PCCN-1"),
            Claim(EncA, 3, ClaimStatus.FixQueue, frequency: ClaimFrequency.Replacement, replaces: "ENC-A-1", payerNumber: "PCCN-1"),
        ]);

        Assert.Equal([EncB, EncA], plan.Encounters);
        Assert.Equal(["ENC-A-2"], plan.Resends.Select(r => r.Rejected.ClaimId));
    }

    [Fact]
    public void A_correction_or_void_takes_the_submission_after_the_encounters_highest()
    {
        Assert.Equal(1, ClaimSubmissions.First);
        Assert.Equal(4, ClaimSubmissions.Next([1, 3, 2]));
        Assert.Equal(2, ClaimSubmissions.Next(1));
        Assert.Throws<InvalidOperationException>(() => ClaimSubmissions.Next(Array.Empty<int>()));
    }

    private static ClaimContent Content(string status = "ready", string? total = "125.00", IReadOnlyList<string>? modifiers = null, string severity = "warning") =>
        new(2, status, "AETNA", "60054", total,
            [new ClaimBuilt.Line(1, "99213", modifiers ?? ["25"], 1, [1], new DateOnly(2026, 3, 10), "125.00", total, "ENC-A-1-1")],
            [new ClaimBuilt.Finding("E-1", severity, 1, "a finding")]);

    [Fact]
    public void A_rebuilt_claim_changed_only_when_a_field_a_line_or_a_finding_differs_by_value()
    {
        Assert.False(ClaimContent.Changed(Content(), Content()));
        Assert.False(ClaimContent.Changed(Content(modifiers: ["25"]), Content(modifiers: new List<string> { "25" })));
        Assert.True(ClaimContent.Changed(Content(), Content(status: "fix-queue")));
        Assert.True(ClaimContent.Changed(Content(), Content(total: null)));
        Assert.True(ClaimContent.Changed(Content(), Content(modifiers: ["59"])));
        Assert.True(ClaimContent.Changed(Content(), Content(severity: "error")));
        Assert.True(ClaimContent.Changed(Content(), Content() with { CodingVersion = 3 }));
        Assert.True(ClaimContent.Changed(Content(), Content() with { Findings = [] }));
    }

    private static readonly ClaimSubmitter Submitter = new(" ETIN-123 ", "North Family Clinic", "Billing Office", "5555550100", Production: false);

    private static ClaimBatchPlan Batch(params string[] claimIds) =>
        new("NORTH", new TradingPartner("ZZ ", "CLEARHOUSE01   ", "CLEARHOUSE01"), ClaimFixtures.Aetna,
            [.. claimIds.Select(id => new AssembledClaim("NORTH", id, ClaimFrequency.Original, ClaimFixtures.Aetna, [], null, [], null))]);

    [Fact]
    public void Nothing_is_sent_for_a_practice_without_a_billing_profile()
    {
        var e = Assert.Throws<DomainException>(() => ClaimSending.RequireSubmitter(null, "NORTH"));

        Assert.Equal(BillingErrors.BatchRefused, e.Error);
        Assert.Equal("practice NORTH has no billing profile (submitter ETIN, contact): nothing can be sent", e.Message);
        Assert.Same(Submitter, ClaimSending.RequireSubmitter(Submitter, "NORTH"));
    }

    [Fact]
    public void A_batch_draws_its_control_number_from_the_submitters_etin_to_the_partner_without_x12_padding()
    {
        Assert.Equal(new X12.Acknowledgments.X12Parties("ZZ", "ETIN-123", "ZZ", "CLEARHOUSE01"), ClaimSending.Parties(Batch("ENC-A-1"), Submitter));
    }

    [Fact]
    public void One_reserved_number_is_the_interchanges_the_groups_and_the_sets_and_every_claim_of_the_file_is_submitted_with_it()
    {
        var now = new DateTimeOffset(2026, 3, 11, 9, 30, 0, TimeSpan.Zero);

        Assert.Equal(new BatchControlNumbers(17, 17, 17), ClaimSending.Numbers(17));
        Assert.Equal(new SentClaimStamp(ClaimStatus.Submitted, now, 17, 17, 17, "ZZ", "CLEARHOUSE01", "f.837"),
            ClaimSending.Stamp(Batch("ENC-A-1", "ENC-B-1"), 17, "f.837", now));
    }

    private static ClaimFixQueue.Claim Held(ClaimStatus status, params (string Code, string Severity)[] findings) => new(status, findings);

    [Fact]
    public void The_fix_queue_counts_held_claims_and_each_error_code_once_per_claim_ignoring_warnings_and_claims_that_are_not_held()
    {
        var summary = ClaimFixQueue.Of(
        [
            Held(ClaimStatus.FixQueue, ("NO-FEE", "error"), ("NO-FEE", "error"), ("MUE", "warning")),
            Held(ClaimStatus.FixQueue, ("NO-FEE", "error"), ("NO-PAYER", "error")),
            Held(ClaimStatus.FixQueue, ("MUE", "warning")),
            Held(ClaimStatus.Ready, ("MUE", "warning")),
            Held(ClaimStatus.Rejected, ("999-R", "error")),
        ]);

        Assert.Equal(3, summary.Held);
        Assert.Equal([new("NO-FEE", 2), new("NO-PAYER", 1)], summary.ByFinding.ToList());
    }

    [Fact]
    public void A_practice_with_nothing_held_has_an_empty_fix_queue()
    {
        var summary = ClaimFixQueue.Of([Held(ClaimStatus.Submitted), Held(ClaimStatus.Ready)]);

        Assert.Equal(0, summary.Held);
        Assert.Empty(summary.ByFinding);
    }

    [Fact]
    public void Claims_fixes_lists_the_held_claims_and_the_rejected_claims_not_resent_yet_and_nothing_else()
    {
        var toFix = ClaimFixQueue.ToFix(
        [
            new ClaimResend.Claim("A-1", ClaimStatus.FixQueue, null),
            new ClaimResend.Claim("B-1", ClaimStatus.Rejected, null),
            new ClaimResend.Claim("C-1", ClaimStatus.Rejected, null),
            new ClaimResend.Claim("C-2", ClaimStatus.Submitted, "C-1"),
            new ClaimResend.Claim("D-1", ClaimStatus.Ready, null),
            new ClaimResend.Claim("E-1", ClaimStatus.Accepted, null),
        ]);

        Assert.Equal(["A-1", "B-1"], toFix.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_coding_the_claim_cannot_bill_holds_only_that_claim_with_the_refusal_as_its_error_finding()
    {
        var units = Assert.Throws<DomainException>(() => CodedLine.From(
            new CodeLedger.Core.Coding.ServiceLine(ProcedureCode.Parse("01967"), [], 1.5m, Money.FromDecimal(300m), [1])));

        var held = AssembledClaim.HeldBy(units, "NORTH", "ENC-A", 2, ClaimFrequency.Replacement);

        Assert.True(AssembledClaim.HoldsOnlyTheClaim(units));
        Assert.False(AssembledClaim.HoldsOnlyTheClaim(new DomainException(BillingErrors.BatchRefused, "not a claim's refusal")));
        Assert.Equal(ClaimStatus.FixQueue, held.Status);
        Assert.Equal(("ENC-A-2", ClaimFrequency.Replacement, (ClaimPayer?)null, (decimal?)null), (held.ClaimId, held.Frequency, held.Payer, held.TotalCharge));
        Assert.Empty(held.Lines);
        Assert.Equal(new ClaimFinding(BillingErrors.ClaimUnits.Value, EditSeverity.Error, null, units.Message), Assert.Single(held.Findings));
    }
}
