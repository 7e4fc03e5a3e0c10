using CodeLedger.Core.Accounts;
using CodeLedger.Core.Common;
using CodeLedger.Core.Denials;
using CodeLedger.Core.Tenancy;

namespace CodeLedger.Core.Tests.Denials;

/// <summary>The steps of a denial's work (docs/REMITTANCE.md, "Work items"): by hand, by a correction, by the payer's next posting; and who may take them.</summary>
public sealed class DenialFollowUpTests
{
    private static DenialWorkItem Item(DenialWorkState state, DenialRootCause cause = DenialRootCause.Coding) =>
        DenialWorkItem.Open(new DenialFinding("PCN-1", cause, 80m, []), "coder-7") with { State = state };

    private static readonly DenialWorkItem Billing = DenialWorkItem.Open(new DenialFinding("PCN-1-2", DenialRootCause.BillingFrontEnd, 50m, []), null);

    [Theory]
    [InlineData(DenialStep.Appeal, DenialWorkState.Open, DenialWorkState.Appealed)]
    [InlineData(DenialStep.WriteOff, DenialWorkState.Appealed, DenialWorkState.WrittenOff)]
    [InlineData(DenialStep.Reopen, DenialWorkState.Appealed, DenialWorkState.Open)]
    [InlineData(DenialStep.Resolve, DenialWorkState.Appealed, DenialWorkState.Resolved)]
    [InlineData(DenialStep.Corrected, DenialWorkState.Open, DenialWorkState.Resubmitted)]
    [InlineData(DenialStep.Paid, DenialWorkState.Resubmitted, DenialWorkState.Resolved)]
    [InlineData(DenialStep.DeniedAgain, DenialWorkState.Resubmitted, DenialWorkState.Open)]
    public void Each_step_leads_to_its_state(DenialStep step, DenialWorkState from, DenialWorkState to) =>
        Assert.Equal(to, Item(from).Take(step).State);

    [Theory]
    [InlineData(DenialStep.Appeal, DenialWorkState.WrittenOff)]
    [InlineData(DenialStep.Appeal, DenialWorkState.Appealed)]
    [InlineData(DenialStep.Reopen, DenialWorkState.Open)]
    [InlineData(DenialStep.Resolve, DenialWorkState.Open)]
    [InlineData(DenialStep.WriteOff, DenialWorkState.Resolved)]
    public void A_step_its_state_does_not_allow_is_refused_naming_from_and_to(DenialStep step, DenialWorkState from)
    {
        var error = Assert.Throws<DomainException>(() => Item(from).Take(step));

        Assert.Equal("DENIAL-TRANSITION", error.Code);
        Assert.Contains($"is {from}; it cannot become {DenialSteps.Target(step)}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_correction_resubmits_the_open_items_of_its_claim_and_leaves_an_appeal_pending()
    {
        var items = new[] { Item(DenialWorkState.Open), Item(DenialWorkState.Appealed), Item(DenialWorkState.WrittenOff), Item(DenialWorkState.Open) };

        Assert.Equal([0, 3], DenialFollowUp.OnCorrection(items));
    }

    [Fact]
    public void A_paying_posting_resolves_every_item_waiting_on_its_claim_and_opens_nothing()
    {
        var answer = DenialFollowUp.OnPosting(false, null, [Item(DenialWorkState.Open), Item(DenialWorkState.Resubmitted), Item(DenialWorkState.Appealed)]);

        Assert.Equal([(1, DenialStep.Paid), (2, DenialStep.Paid)], answer.Steps);
        Assert.Null(answer.Refiled);
        Assert.False(answer.OpensItem);
    }

    [Fact]
    public void A_denial_of_a_resubmitted_claim_reopens_the_item_with_the_new_denial_instead_of_opening_a_second_one()
    {
        var answer = DenialFollowUp.OnPosting(false, Billing, [Item(DenialWorkState.Resubmitted)]);

        Assert.Equal([(0, DenialStep.DeniedAgain)], answer.Steps);
        Assert.Equal(0, answer.Refiled);
        Assert.False(answer.OpensItem);
    }

    [Fact]
    public void A_denial_of_a_claim_nothing_waits_on_opens_its_item_and_a_reversal_answers_nothing()
    {
        Assert.True(DenialFollowUp.OnPosting(false, Billing, [Item(DenialWorkState.Open)]).OpensItem);
        Assert.False(DenialFollowUp.OnPosting(false, null, []).OpensItem);
        Assert.Empty(DenialFollowUp.OnPosting(true, null, [Item(DenialWorkState.Resubmitted)]).Steps);
    }

    [Fact]
    public void An_appeal_and_a_write_off_need_their_note_the_others_may_carry_one_and_automatic_steps_are_not_taken_by_hand()
    {
        Assert.Equal("DENIAL-STEP-INVALID", Assert.Throws<DomainException>(() => DenialSteps.Note(DenialStep.Appeal, "  ")).Code);
        Assert.Equal("DENIAL-STEP-INVALID", Assert.Throws<DomainException>(() => DenialSteps.Note(DenialStep.WriteOff, null)).Code);
        Assert.Equal("DENIAL-STEP-INVALID", Assert.Throws<DomainException>(() => DenialSteps.Note(DenialStep.Paid, "x")).Code);
        Assert.Equal("DENIAL-STEP-INVALID", Assert.Throws<DomainException>(() => DenialSteps.Note(DenialStep.Appeal, new string('x', DenialSteps.NoteMaxLength + 1))).Code);
        Assert.Null(DenialSteps.Note(DenialStep.Reopen, null));
        Assert.Equal("modifier 25 added", DenialSteps.Note(DenialStep.Appeal, " modifier 25 added "));
    }

    [Fact]
    public void Age_counts_whole_days_from_the_day_opened()
    {
        var opened = new DateTimeOffset(2026, 10, 28, 23, 0, 0, TimeSpan.Zero);

        Assert.Equal(0, DenialWorkItem.AgeDays(opened, opened.AddMinutes(30)));
        Assert.Equal(4, DenialWorkItem.AgeDays(opened, new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero)));
    }

    private static readonly Guid Vendor = Guid.NewGuid();
    private static readonly Guid Practice = Guid.NewGuid();
    private static readonly TenantScope Reaching = TenantScope.Of([Practice], Vendor, [], []);

    [Fact]
    public void A_coding_denial_is_stepped_by_a_coding_lead_or_its_own_coder_a_billing_denial_by_the_practice_or_vendor_admin()
    {
        var coding = Item(DenialWorkState.Open).Owner;
        var lead = new Principal("lead-1", UserRole.CodingLead, Vendor, Guid.NewGuid());
        var coder = new Principal("coder-7", UserRole.Coder, Vendor, Guid.NewGuid());
        var otherCoder = new Principal("coder-8", UserRole.Coder, Vendor, Guid.NewGuid());
        var practiceAdmin = new Principal("pa", UserRole.PracticeAdmin, Practice);
        var vendorAdmin = new Principal("va", UserRole.VendorAdmin, Vendor);

        DenialWorkAccess.RequireStep(lead, coding, "lead-1", "item", DenialStep.Appeal);
        DenialWorkAccess.RequireStep(coder, coding, "coder-7", "item", DenialStep.Appeal);
        DenialWorkAccess.RequireStep(practiceAdmin, Billing.Owner, null, "item", DenialStep.WriteOff);
        DenialWorkAccess.RequireStep(vendorAdmin, Billing.Owner, null, "item", DenialStep.WriteOff);
        Assert.Equal("DENIAL-ROLE-REFUSED", Assert.Throws<DomainException>(() => DenialWorkAccess.RequireStep(otherCoder, coding, "coder-8", "item", DenialStep.Appeal)).Code);
        Assert.Equal("DENIAL-ROLE-REFUSED", Assert.Throws<DomainException>(() => DenialWorkAccess.RequireStep(practiceAdmin, coding, null, "item", DenialStep.Appeal)).Code);
        Assert.Equal("DENIAL-ROLE-REFUSED", Assert.Throws<DomainException>(() => DenialWorkAccess.RequireStep(lead, Billing.Owner, "lead-1", "item", DenialStep.WriteOff)).Code);
    }

    [Fact]
    public void A_practice_out_of_reach_is_unknown_and_a_physician_reads_no_work_items()
    {
        var stranger = new Principal("va-other", UserRole.VendorAdmin, Guid.NewGuid());
        var physician = new Principal("dr", UserRole.Physician, Practice, physicianNpi: "1234567893");

        Assert.Equal("ORG-UNKNOWN", Assert.Throws<DomainException>(() => DenialWorkAccess.RequireRead(stranger, TenantScope.Of([], Guid.NewGuid(), [], []), Practice, "P", "listing")).Code);
        Assert.Equal("ACCESS-ROLE-REFUSED", Assert.Throws<DomainException>(() => DenialWorkAccess.RequireRead(physician, Reaching, Practice, "P", "listing")).Code);
        DenialWorkAccess.RequireRead(new Principal("va", UserRole.VendorAdmin, Vendor), Reaching, Practice, "P", "listing");
    }
}
