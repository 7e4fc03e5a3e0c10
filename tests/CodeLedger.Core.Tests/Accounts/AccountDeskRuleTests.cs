using System.Text;
using CodeLedger.Core.Accounts;
using CodeLedger.Core.Common;
using CodeLedger.Core.Organizations;

namespace CodeLedger.Core.Tests.Accounts;

/// <summary>
/// The rules AccountDesk applies to what it reads: a one-time code is used once, a user never
/// moves to another organization, a link names a coder or physician of the user's own
/// organization, a disabled user acts as no one. Plain values in, the decision out.
/// </summary>
public sealed class AccountDeskRuleTests
{
    private static readonly byte[] Key = Encoding.ASCII.GetBytes("12345678901234567890");
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1111111109);
    private static readonly Organization Vendor = new(new Guid("00000000-0000-4000-8000-00000000000a"), "ACME-CODING", "Acme Coding", OrganizationKind.CodingVendor);
    private static readonly Organization OtherVendor = new(new Guid("00000000-0000-4000-8000-00000000000b"), "OTHER-CODING", "Other Coding", OrganizationKind.CodingVendor);
    private static readonly Organization Practice = new(new Guid("00000000-0000-4000-8000-00000000000c"), "RIVER-FM", "River Family Medicine", OrganizationKind.Practice);
    private static readonly Organization OtherPractice = new(new Guid("00000000-0000-4000-8000-00000000000d"), "HILL-IM", "Hill Internal Medicine", OrganizationKind.Practice);

    [Fact]
    public void A_code_of_the_step_last_used_or_an_earlier_one_is_refused_as_a_wrong_code()
    {
        var step = Totp.StepAt(Now);

        var replay = Assert.Throws<DomainException>(() => AccountPolicy.RequireUnusedStep(step, lastUsedStep: step));
        var older = Assert.Throws<DomainException>(() => AccountPolicy.RequireUnusedStep(step - 1, lastUsedStep: step));
        var wrong = Assert.Throws<DomainException>(() => AccountPolicy.RequireUnusedStep(null, lastUsedStep: null));

        Assert.All(new[] { replay, older, wrong }, e => Assert.Equal(AccountErrors.SecondFactorInvalid, e.Error));
        Assert.Equal(wrong.Message, replay.Message);
    }

    [Fact]
    public void A_code_of_a_later_step_is_accepted_and_the_first_code_ever_too()
    {
        var step = Totp.StepAt(Now);

        Assert.Equal(step + 1, AccountPolicy.RequireUnusedStep(step + 1, lastUsedStep: step));
        Assert.Equal(step, AccountPolicy.RequireUnusedStep(step, lastUsedStep: null));
        Assert.False(AccountPolicy.StepAlreadyUsed(step, null));
        Assert.True(AccountPolicy.StepAlreadyUsed(step, step));
    }

    [Fact]
    public void An_overheard_code_matches_its_step_but_is_refused_once_that_step_is_used()
    {
        var step = Totp.StepAt(Now);
        var overheard = Totp.Code(Key, step);

        var first = AccountPolicy.RequireUnusedStep(Totp.Verify(Key, overheard, Now, null), null);
        var replayed = Totp.Verify(Key, overheard, Now, lastUsedStep: first);

        Assert.Equal(step, first);
        Assert.Null(replayed);
        Assert.Throws<DomainException>(() => AccountPolicy.RequireUnusedStep(replayed, first));

        // Two requests with the same code read the same last step; the second, inside its write, sees the first's.
        Assert.Throws<DomainException>(() => AccountPolicy.RequireUnusedStep(first, lastUsedStep: first));
    }

    [Fact]
    public void A_user_is_never_moved_to_another_organization()
    {
        var e = Assert.Throws<DomainException>(() => AccountRules.RequireNotMoved("dana.coder", Vendor.Id, OtherVendor.Id));

        Assert.Equal(AccountErrors.UserConflict, e.Error);
        Assert.Contains("never moved", e.Message, StringComparison.Ordinal);
        AccountRules.RequireNotMoved("dana.coder", Vendor.Id, Vendor.Id);
        AccountRules.RequireNotMoved("new.user", null, OtherVendor.Id);
    }

    [Fact]
    public void A_coder_user_links_to_the_coder_record_of_their_own_vendor_not_another_vendors_namesake()
    {
        var own = Guid.NewGuid();
        var namesake = Guid.NewGuid();

        Assert.Equal(own, AccountRules.CoderOfOwnVendor("dana", "dana", Vendor, [(namesake, OtherVendor.Id), (own, Vendor.Id)]));
        var e = Assert.Throws<DomainException>(() => AccountRules.CoderOfOwnVendor("dana", "dana", Vendor, [(namesake, OtherVendor.Id)]));
        Assert.Equal(AccountErrors.LinkInvalid, e.Error);
        Assert.Equal("user dana: no coder dana at ACME-CODING", e.Message);
        Assert.Throws<DomainException>(() => AccountRules.CoderOfOwnVendor("dana", "dana", Vendor, []));
    }

    [Fact]
    public void A_physician_user_links_to_an_npi_enrolled_at_their_own_practice_only()
    {
        const string Npi = "1234567893";

        Assert.Equal(Npi, AccountRules.NpiOfOwnPractice("dr.lee", Npi, Practice, [OtherPractice.Id, Practice.Id]));
        var e = Assert.Throws<DomainException>(() => AccountRules.NpiOfOwnPractice("dr.lee", Npi, Practice, [OtherPractice.Id]));
        Assert.Equal(AccountErrors.LinkInvalid, e.Error);
        Assert.Equal("user dr.lee: NPI 1234567893 is not enrolled at RIVER-FM", e.Message);
    }

    [Fact]
    public void A_disabled_user_acts_as_no_one_and_a_lockout_does_not_stop_acting_as_the_user()
    {
        var e = Assert.Throws<DomainException>(() => AccountPolicy.RequireEnabled("dana", disabled: true));

        Assert.Equal(AccountErrors.UserDisabled, e.Error);
        AccountPolicy.RequireEnabled("dana", disabled: false);

        // Sign-in also refuses a locked account; --as and a session check only that the user is enabled.
        Assert.Throws<DomainException>(() => AccountPolicy.RequireUsable("dana", false, Now.AddMinutes(1), Now));
    }
}
