using CodeLedger.Core.Common;
using CodeLedger.Core.Denials;

namespace CodeLedger.Core.Tests.Denials;

public sealed class DenialWorkItemTests
{
    private static DenialFinding Finding(DenialRootCause cause) => new("PCN-1", cause, 80m, []);

    [Fact]
    public void A_coding_denial_belongs_to_the_coder_who_coded_the_encounter() =>
        Assert.Equal(new DenialOwner(DenialTeam.Coding, "coder-7"), DenialWorkItem.Open(Finding(DenialRootCause.Coding), "coder-7").Owner);

    [Theory]
    [InlineData(DenialRootCause.BillingFrontEnd)]
    [InlineData(DenialRootCause.Credentialing)]
    [InlineData(DenialRootCause.Payer)]
    [InlineData(DenialRootCause.Duplicate)]
    [InlineData(DenialRootCause.Other)]
    public void Every_other_denial_belongs_to_the_billing_team(DenialRootCause cause) =>
        Assert.Equal(new DenialOwner(DenialTeam.Billing, null), DenialWorkItem.Open(Finding(cause), "coder-7").Owner);

    [Fact]
    public void A_coding_denial_of_an_encounter_CodeLedger_did_not_code_goes_to_the_coding_team_without_a_coder() =>
        Assert.Equal(new DenialOwner(DenialTeam.Coding, null), DenialWorkItem.Open(Finding(DenialRootCause.Coding), null).Owner);

    [Theory]
    [InlineData(DenialWorkState.Resubmitted)]
    [InlineData(DenialWorkState.Appealed)]
    [InlineData(DenialWorkState.WrittenOff)]
    public void An_open_denial_is_resubmitted_appealed_or_written_off(DenialWorkState next) =>
        Assert.Equal(next, DenialWorkItem.Open(Finding(DenialRootCause.Coding), "c").MoveTo(next).State);

    [Fact]
    public void A_resubmission_denied_again_reopens_and_can_then_be_appealed_and_resolved()
    {
        var item = DenialWorkItem.Open(Finding(DenialRootCause.Coding), "c")
            .MoveTo(DenialWorkState.Resubmitted).MoveTo(DenialWorkState.Open).MoveTo(DenialWorkState.Appealed).MoveTo(DenialWorkState.Resolved);

        Assert.Equal(DenialWorkState.Resolved, item.State);
    }

    [Theory]
    [InlineData(DenialWorkState.Open, DenialWorkState.Resolved)]
    [InlineData(DenialWorkState.Open, DenialWorkState.Open)]
    [InlineData(DenialWorkState.WrittenOff, DenialWorkState.Appealed)]
    [InlineData(DenialWorkState.WrittenOff, DenialWorkState.Open)]
    [InlineData(DenialWorkState.Resolved, DenialWorkState.Resubmitted)]
    [InlineData(DenialWorkState.Resolved, DenialWorkState.WrittenOff)]
    public void A_step_the_state_does_not_allow_is_refused(DenialWorkState from, DenialWorkState to)
    {
        var item = DenialWorkItem.Open(Finding(DenialRootCause.BillingFrontEnd), null) with { State = from };

        var error = Assert.Throws<DomainException>(() => item.MoveTo(to));

        Assert.Equal("DENIAL-TRANSITION", error.Code);
        Assert.Contains($"is {from}; it cannot become {to}", error.Message, StringComparison.Ordinal);
    }
}
