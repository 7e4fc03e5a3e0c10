using System.Text;
using CodeLedger.Core.Accounts;
using CodeLedger.Core.Common;
using CodeLedger.Core.Organizations;
using CodeLedger.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace CodeLedger.Core.Tests.Accounts;

public sealed class AccountRuleTests
{
    private static readonly byte[] RfcKey = Encoding.ASCII.GetBytes("12345678901234567890");

    [Theory]
    // RFC 6238 appendix B, SHA-1, the last six of its eight digits.
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    public void Totp_matches_the_rfc_6238_test_vectors(long unixSeconds, string code)
    {
        Assert.Equal(code, Totp.Code(RfcKey, Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixSeconds))));
    }

    [Fact]
    public void A_code_is_accepted_one_step_either_side_and_never_twice()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1111111109);
        var step = Totp.StepAt(now);

        Assert.Equal(step - 1, Totp.Verify(RfcKey, Totp.Code(RfcKey, step - 1), now, null));
        Assert.Equal(step + 1, Totp.Verify(RfcKey, Totp.Code(RfcKey, step + 1), now, null));
        Assert.Null(Totp.Verify(RfcKey, Totp.Code(RfcKey, step - 2), now, null));
        Assert.Null(Totp.Verify(RfcKey, Totp.Code(RfcKey, step), now, lastUsedStep: step));
        Assert.Null(Totp.Verify(RfcKey, "12345", now, null));
        Assert.Null(Totp.Verify(RfcKey, "abcdef", now, null));
        Assert.Null(Totp.Verify(RfcKey, null, now, null));
    }

    [Fact]
    public void Base32_round_trips_any_bytes_and_refuses_other_letters()
    {
        Properties.ForAll(ArbMap.Default.GeneratorFor<byte[]>(), bytes => Assert.Equal(bytes, Base32.Decode(Base32.Encode(bytes))));
        Assert.Equal("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Base32.Encode(RfcKey));
        Assert.Null(Base32.Decode("GEZ1"));
    }

    [Fact]
    public void A_token_is_cl_and_43_base64url_characters_and_nothing_else_parses()
    {
        var token = AccessTokenText.New(new byte[32]);

        Assert.Equal("cl_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", token.Text);
        Assert.Equal("cl_AAAAAA", token.Prefix);
        Assert.Equal(64, token.Sha256.Length);
        Assert.DoesNotContain(token.Text, token.ToString(), StringComparison.Ordinal);
        Assert.NotNull(AccessTokenText.TryParse(AccessTokenText.New().Text));
        Assert.Null(AccessTokenText.TryParse(token.Text[..^1]));
        Assert.Null(AccessTokenText.TryParse(token.Text + "A"));
        Assert.Null(AccessTokenText.TryParse("xx" + token.Text[2..]));
        Assert.Null(AccessTokenText.TryParse(token.Text[..^1] + "+"));
        Assert.Null(AccessTokenText.TryParse(null));
    }

    [Theory]
    [InlineData("vendor-admin", OrganizationKind.CodingVendor, true)]
    [InlineData("coding-lead", OrganizationKind.CodingVendor, true)]
    [InlineData("coder", OrganizationKind.CodingVendor, true)]
    [InlineData("coder", OrganizationKind.Practice, false)]
    [InlineData("vendor-admin", OrganizationKind.Practice, false)]
    [InlineData("practice-admin", OrganizationKind.Practice, true)]
    [InlineData("physician", OrganizationKind.Practice, true)]
    [InlineData("physician", OrganizationKind.CodingVendor, false)]
    [InlineData("physician", OrganizationKind.AuditFirm, false)]
    [InlineData("auditor", OrganizationKind.AuditFirm, true)]
    [InlineData("auditor", OrganizationKind.Practice, true)]
    [InlineData("auditor", OrganizationKind.CodingVendor, false)]
    public void A_role_fits_only_its_kinds_of_organization(string role, OrganizationKind kind, bool fits)
    {
        Assert.Equal(fits, AccountRules.Fits(AccountRules.Role(role), kind));
    }

    [Theory]
    [InlineData("short-pass1")]
    [InlineData("aaaaaaaaaaaaaaaa")]
    [InlineData("abababababababab")]
    public void A_weak_password_is_refused_without_being_repeated(string password)
    {
        var e = Assert.Throws<DomainException>(() => AccountPolicy.Default.CheckPassword(password));

        Assert.Equal(AccountErrors.PasswordPolicy, e.Error);
        Assert.DoesNotContain(password, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Jdoe")]
    [InlineData("j")]
    [InlineData("1abc")]
    [InlineData("jane doe")]
    [InlineData("")]
    public void A_user_name_is_an_identifier(string name)
    {
        Assert.Equal(AccountErrors.UserNameInvalid, Assert.Throws<DomainException>(() => AccountRules.UserName(name)).Error);
    }

    [Fact]
    public void A_role_outside_the_work_is_refused_naming_the_roles_it_needs()
    {
        var coder = new Principal("jdoe", UserRole.Coder, Guid.NewGuid(), coderId: Guid.NewGuid());

        var e = Assert.Throws<DomainException>(() => AccountRules.Require(coder, AccountRules.AnswerQuery, "answering a query"));

        Assert.Equal(CodeLedger.Core.Tenancy.TenancyErrors.RoleRefused, e.Error);
        Assert.Contains("physician", e.Message, StringComparison.Ordinal);
        AccountRules.Require(coder, AccountRules.Coding, "coding");
    }

    [Fact]
    public void Only_roles_that_read_phi_need_a_second_factor_and_a_deployment_may_turn_it_off()
    {
        Assert.True(AccountPolicy.Default.NeedsSecondFactor(UserRole.Physician));
        Assert.False(AccountPolicy.Default.NeedsSecondFactor(UserRole.PracticeAdmin));
        Assert.False((AccountPolicy.Default with { SecondFactorForPhiRoles = false }).NeedsSecondFactor(UserRole.Physician));
    }

    [Fact]
    public void The_fifth_failed_sign_in_locks_the_account_for_fifteen_minutes_and_starts_the_count_again()
    {
        var now = new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
        var policy = AccountPolicy.Default;

        Assert.Equal((4, (DateTimeOffset?)null), policy.AfterFailedSignIn(3, null, now));
        Assert.Equal((0, (DateTimeOffset?)now.AddMinutes(15)), policy.AfterFailedSignIn(4, null, now));
    }

    [Fact]
    public void A_token_is_refused_when_revoked_then_when_expired_then_when_its_user_is_disabled()
    {
        var now = new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

        Assert.Null(AccountPolicy.TokenRefusal("cl_abc", null, now.AddDays(1), "jdoe", false, now));
        Assert.Equal(AccountErrors.TokenRevoked, AccountPolicy.TokenRefusal("cl_abc", now.AddDays(-1), now.AddDays(-1), "jdoe", true, now)?.Code);
        Assert.Equal(AccountErrors.TokenExpired, AccountPolicy.TokenRefusal("cl_abc", null, now, "jdoe", true, now)?.Code);
        Assert.Equal(AccountErrors.UserDisabled, AccountPolicy.TokenRefusal("cl_abc", null, now.AddDays(1), "jdoe", true, now)?.Code);
    }

    [Fact]
    public void A_token_has_a_name_and_expires_after_now_within_ninety_days()
    {
        var now = new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
        var policy = AccountPolicy.Default;

        Assert.Equal("ci", policy.RequireTokenTerms(" ci ", now.AddDays(90), now));
        Assert.Equal(AccountErrors.TokenTermsInvalid, Assert.Throws<DomainException>(() => policy.RequireTokenTerms(" ", now.AddDays(1), now)).Error);
        Assert.Equal(AccountErrors.TokenTermsInvalid, Assert.Throws<DomainException>(() => policy.RequireTokenTerms(new string('n', 101), now.AddDays(1), now)).Error);
        Assert.Equal(AccountErrors.TokenTermsInvalid, Assert.Throws<DomainException>(() => policy.RequireTokenTerms("ci", now, now)).Error);
        Assert.Equal(AccountErrors.TokenTermsInvalid, Assert.Throws<DomainException>(() => policy.RequireTokenTerms("ci", now.AddDays(90).AddTicks(10), now)).Error);
    }

    [Fact]
    public void A_disabled_account_or_one_locked_until_a_later_instant_cannot_sign_in()
    {
        var now = new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

        AccountPolicy.RequireUsable("jdoe", false, now, now);
        Assert.Equal(AccountErrors.UserDisabled, Assert.Throws<DomainException>(() => AccountPolicy.RequireUsable("jdoe", true, null, now)).Error);
        Assert.Equal(AccountErrors.LockedOut, Assert.Throws<DomainException>(() => AccountPolicy.RequireUsable("jdoe", false, now.AddSeconds(1), now)).Error);
    }
}
