using CodeLedger.Core.Accounts;
using CodeLedger.Core.Common;
using CodeLedger.Core.Organizations;

namespace CodeLedger.Core.Tests.Accounts;

/// <summary>
/// The decisions AccountDesk takes on what it read (docs/ACCOUNTS.md): whether a user spec is valid
/// and whether applying it changes anything; what a sign-in leads to, locks or clears; which
/// authenticator key enrolment shows and which key a code is checked against; how tokens are
/// listed and which one a revocation names. Plain values in, the decision out.
/// </summary>
public sealed class AccountLifecycleRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 10, 14, 15, 0, 0, TimeSpan.Zero);
    private static readonly Organization Vendor = new(new Guid("00000000-0000-4000-8000-00000000000a"), "ACME-CODING", "Acme Coding", OrganizationKind.CodingVendor);
    private static readonly Organization Practice = new(new Guid("00000000-0000-4000-8000-00000000000c"), "RIVER-FM", "River Family Medicine", OrganizationKind.Practice);
    private static readonly Organization Firm = new(new Guid("00000000-0000-4000-8000-00000000000e"), "TRUE-AUDIT", "True Audit", OrganizationKind.AuditFirm);
    private static readonly Guid Coder = new("00000000-0000-4000-8000-0000000000c0");

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void A_user_spec_without_a_display_name_is_refused_naming_the_user(string? displayName)
    {
        var e = Assert.Throws<DomainException>(() => AccountRules.RequireDisplayName("dana.coder", displayName));

        Assert.Equal(AccountErrors.UserNameInvalid, e.Error);
        Assert.Equal("user dana.coder: a display name is required", e.Message);
        AccountRules.RequireDisplayName("dana.coder", "Dana");
    }

    [Fact]
    public void A_role_that_does_not_fit_the_organizations_kind_is_refused_naming_the_role_the_organization_and_its_kind()
    {
        var inPractice = Assert.Throws<DomainException>(() => AccountRules.RequireFits("dana", UserRole.Coder, Practice));
        var inVendor = Assert.Throws<DomainException>(() => AccountRules.RequireFits("lee", UserRole.Physician, Vendor));
        var inFirm = Assert.Throws<DomainException>(() => AccountRules.RequireFits("pat", UserRole.PracticeAdmin, Firm));

        Assert.All(new[] { inPractice, inVendor, inFirm }, e => Assert.Equal(AccountErrors.RoleOrganizationMismatch, e.Error));
        Assert.Equal("user dana: a coder cannot belong to RIVER-FM, a practice", inPractice.Message);
        Assert.Equal($"user lee: a {UserRole.Physician.Name()} cannot belong to ACME-CODING, a coding vendor", inVendor.Message);
        Assert.Equal("user pat: a practice-admin cannot belong to TRUE-AUDIT, an audit firm", inFirm.Message);

        AccountRules.RequireFits("dana", UserRole.Coder, Vendor);
        AccountRules.RequireFits("ann", UserRole.Auditor, Practice);
        AccountRules.RequireFits("ann", UserRole.Auditor, Firm);
    }

    [Fact]
    public void A_spec_is_read_in_its_stored_form_the_display_name_trimmed_and_a_blank_email_none()
    {
        Assert.Equal(new UserFields(UserRole.Coder, "Dana Coder", null, Coder, null), UserFields.Stated(UserRole.Coder, "  Dana Coder ", "  ", Coder, null));
        Assert.Equal(new UserFields(UserRole.Coder, "Dana", "dana@acme.test", Coder, null), UserFields.Stated(UserRole.Coder, "Dana", " dana@acme.test ", Coder, null));
    }

    [Fact]
    public void Applying_a_spec_adds_a_user_that_does_not_exist()
    {
        Assert.Equal(UserApply.Add, UserFields.Stated(UserRole.Coder, "Dana", null, Coder, null).ApplyTo(null));
    }

    [Fact]
    public void A_spec_that_changes_nothing_writes_nothing_even_when_it_differs_only_in_spaces()
    {
        var stored = new UserFields(UserRole.Coder, "Dana Coder", "dana@acme.test", Coder, null);

        Assert.Equal(UserApply.Unchanged, UserFields.Stated(UserRole.Coder, "Dana Coder", "dana@acme.test", Coder, null).ApplyTo(stored));
        Assert.Equal(UserApply.Unchanged, UserFields.Stated(UserRole.Coder, " Dana Coder  ", " dana@acme.test", Coder, null).ApplyTo(stored));
    }

    [Fact]
    public void A_spec_that_differs_in_any_field_updates_the_user()
    {
        var stored = new UserFields(UserRole.Coder, "Dana Coder", "dana@acme.test", Coder, null);

        Assert.Equal(UserApply.Update, (stored with { Role = UserRole.CodingLead }).ApplyTo(stored));
        Assert.Equal(UserApply.Update, (stored with { DisplayName = "Dana C." }).ApplyTo(stored));
        Assert.Equal(UserApply.Update, (stored with { Email = null }).ApplyTo(stored));
        Assert.Equal(UserApply.Update, (stored with { Email = "DANA@acme.test" }).ApplyTo(stored));
        Assert.Equal(UserApply.Update, (stored with { CoderId = Guid.NewGuid() }).ApplyTo(stored));
        Assert.Equal(UserApply.Update, (stored with { PhysicianNpi = "1234567893" }).ApplyTo(stored));
    }

    [Fact]
    public void A_correct_password_leads_to_the_code_when_a_factor_is_enrolled_to_enrolment_when_the_role_needs_one_else_in()
    {
        var policy = AccountPolicy.Default;

        Assert.Equal(SecondFactorDue.Code, policy.AfterPassword(secondFactorEnabled: true, UserRole.PracticeAdmin));
        Assert.Equal(SecondFactorDue.Code, policy.AfterPassword(secondFactorEnabled: true, UserRole.Coder));
        Assert.Equal(SecondFactorDue.Enrolment, policy.AfterPassword(secondFactorEnabled: false, UserRole.Coder));
        Assert.Equal(SecondFactorDue.None, policy.AfterPassword(secondFactorEnabled: false, UserRole.PracticeAdmin));
        Assert.Equal(SecondFactorDue.None, (policy with { SecondFactorForPhiRoles = false }).AfterPassword(false, UserRole.Coder));
    }

    [Fact]
    public void An_unknown_user_and_a_wrong_password_get_the_same_answer()
    {
        var e = AccountPolicy.WrongUserOrPassword();

        Assert.Equal(AccountErrors.SignInFailed, e.Error);
        Assert.Equal("wrong user name or password", e.Message);
    }

    [Fact]
    public void The_fifth_failed_sign_in_locks_the_account_for_the_lockout_time_and_the_count_starts_again()
    {
        var policy = AccountPolicy.Default;
        (int Count, DateTimeOffset? Until) state = (0, null);
        for (var i = 1; i < policy.MaxFailedSignIns; i++)
        {
            state = policy.AfterFailedSignIn(state.Count, state.Until, Now);
            Assert.Equal((i, (DateTimeOffset?)null), state);
        }

        state = policy.AfterFailedSignIn(state.Count, state.Until, Now);

        Assert.Equal((0, (DateTimeOffset?)Now.AddMinutes(15)), state);
        Assert.True(AccountPolicy.HasFailures(state.Count, state.Until));
    }

    [Fact]
    public void A_locked_out_user_cannot_sign_in_until_the_lockout_ends_at_its_instant()
    {
        var until = Now.AddMinutes(15);

        var e = Assert.Throws<DomainException>(() => AccountPolicy.RequireUsable("dana", false, until, Now));
        Assert.Equal(AccountErrors.LockedOut, e.Error);
        Assert.Equal(until, AccountPolicy.LockedUntil(until, Now));
        Assert.Null(AccountPolicy.LockedUntil(until, until));
        Assert.Null(AccountPolicy.LockedUntil(null, Now));
        AccountPolicy.RequireUsable("dana", false, until, until);
        AccountPolicy.RequireUsable("dana", false, null, Now);
    }

    [Fact]
    public void A_disabled_user_cannot_sign_in_even_when_not_locked_out()
    {
        var e = Assert.Throws<DomainException>(() => AccountPolicy.RequireUsable("dana", disabled: true, lockoutEnd: null, Now));

        Assert.Equal(AccountErrors.UserDisabled, e.Error);
        Assert.Equal("user dana is disabled", e.Message);
    }

    [Fact]
    public void A_successful_sign_in_has_something_to_clear_only_after_failures_or_a_lockout()
    {
        Assert.False(AccountPolicy.HasFailures(0, null));
        Assert.True(AccountPolicy.HasFailures(2, null));
        Assert.True(AccountPolicy.HasFailures(0, Now.AddMinutes(-1)));
    }

    private static readonly byte[] Key = [.. Enumerable.Range(1, Totp.KeyBytes).Select(i => (byte)i)];

    [Fact]
    public void Enrolment_started_and_not_finished_shows_the_same_key_again()
    {
        Assert.Same(Key, SecondFactorEnrolment.PendingKey(secondFactorEnabled: false, Key));
    }

    [Fact]
    public void A_new_key_is_drawn_when_none_is_stored_when_the_stored_one_is_already_proven_or_when_it_is_not_a_whole_key()
    {
        Assert.Null(SecondFactorEnrolment.PendingKey(false, null));
        Assert.Null(SecondFactorEnrolment.PendingKey(true, Key));
        Assert.Null(SecondFactorEnrolment.PendingKey(false, Key[..10]));
    }

    [Fact]
    public void Confirming_needs_a_started_enrolment()
    {
        var e = Assert.Throws<DomainException>(() => SecondFactorEnrolment.RequireKeyToConfirm("dana", null));

        Assert.Equal(AccountErrors.SecondFactorInvalid, e.Error);
        Assert.Equal("user dana has no authenticator key to confirm; start enrolment first", e.Message);
        Assert.Same(Key, SecondFactorEnrolment.RequireKeyToConfirm("dana", Key));
    }

    [Fact]
    public void A_sign_in_code_is_checked_only_against_an_enrolled_factor_never_a_pending_key()
    {
        var pending = Assert.Throws<DomainException>(() => SecondFactorEnrolment.RequireEnrolledKey("dana", secondFactorEnabled: false, Key));
        var missing = Assert.Throws<DomainException>(() => SecondFactorEnrolment.RequireEnrolledKey("dana", secondFactorEnabled: true, null));

        Assert.All(new[] { pending, missing }, e => Assert.Equal(AccountErrors.SecondFactorRequired, e.Error));
        Assert.Equal("user dana has no second factor enrolled", pending.Message);
        Assert.Same(Key, SecondFactorEnrolment.RequireEnrolledKey("dana", true, Key));
    }

    private static AccessTokenList.Token Token(string name, int createdHoursAgo, int expiresInHours, bool revoked = false, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), name, "clt_" + name, Now.AddHours(-createdHoursAgo), Now.AddHours(expiresInHours), revoked ? Now.AddHours(-1) : null);

    [Fact]
    public void Tokens_are_listed_oldest_first_each_revoked_else_expired_else_active()
    {
        var listed = AccessTokenList.List(
        [
            Token("ci", createdHoursAgo: 1, expiresInHours: 24),
            Token("old", createdHoursAgo: 48, expiresInHours: -2),
            Token("gone", createdHoursAgo: 24, expiresInHours: 24, revoked: true),
            Token("gone-late", createdHoursAgo: 30, expiresInHours: -1, revoked: true),
        ], Now);

        Assert.Equal([("old", "expired"), ("gone-late", "revoked"), ("gone", "revoked"), ("ci", "active")], listed.Select(l => (l.Token.Name, l.Status)));
        Assert.Equal("expired", AccessTokenList.Status(null, Now, Now));
    }

    [Fact]
    public void Tokens_created_at_one_instant_are_listed_by_name_then_id()
    {
        var first = new Guid("00000000-0000-4000-8000-000000000001");
        var second = new Guid("00000000-0000-4000-8000-000000000002");

        var listed = AccessTokenList.List([Token("b", 1, 1, id: first), Token("a", 1, 1, id: second), Token("a", 1, 1, id: first)], Now);

        Assert.Equal([("a", first), ("a", second), ("b", first)], listed.Select(l => (l.Token.Name, l.Token.Id)));
    }

    [Fact]
    public void A_token_to_revoke_is_named_by_its_id_or_else_by_its_prefix()
    {
        var id = Guid.NewGuid();

        Assert.Equal(new AccessTokenList.Reference(id, null), AccessTokenList.Named(id.ToString()));
        Assert.Equal(new AccessTokenList.Reference(null, "clt_ab12"), AccessTokenList.Named("clt_ab12"));
    }

    [Fact]
    public void A_revocation_must_name_exactly_one_of_the_users_tokens()
    {
        var none = Assert.Throws<DomainException>(() => AccessTokenList.RequireOne("dana", "clt_x", Array.Empty<string>()));
        var two = Assert.Throws<DomainException>(() => AccessTokenList.RequireOne("dana", "clt_x", ["one", "two"]));

        Assert.All(new[] { none, two }, e => Assert.Equal(AccountErrors.TokenUnknown, e.Error));
        Assert.Equal("user dana has no token clt_x", none.Message);
        Assert.Equal("user dana has several tokens starting clt_x: revoke by id", two.Message);
        Assert.Equal("one", AccessTokenList.RequireOne("dana", "clt_x", ["one"]));
    }

    [Fact]
    public void Revoking_a_revoked_token_changes_nothing()
    {
        Assert.True(AccessTokenList.Revokes(null));
        Assert.False(AccessTokenList.Revokes(Now));
    }
}
