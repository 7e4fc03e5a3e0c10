using CodeLedger.Core.Common;

namespace CodeLedger.Core.Accounts;

/// <summary>
/// A deployment's account settings (docs/ACCOUNTS.md): the password policy, the lockout after
/// failed sign-ins, whether the roles that read PHI need a second factor, and the longest life of
/// a personal access token. The defaults are the documented ones; a host may configure them.
/// </summary>
public sealed record AccountPolicy
{
    public static AccountPolicy Default { get; } = new();

    /// <summary>At least 12 characters: length is what makes a password hard to guess (NIST SP 800-63B).</summary>
    public int PasswordMinLength { get; init; } = 12;

    /// <summary>At least this many distinct characters, so "aaaaaaaaaaaa" is refused.</summary>
    public int PasswordMinDistinct { get; init; } = 4;

    public int MaxFailedSignIns { get; init; } = 5;

    public TimeSpan Lockout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>When true (the default) a role that <see cref="UserRoles.ReadsPhi"/> cannot sign in without a second factor.</summary>
    public bool SecondFactorForPhiRoles { get; init; } = true;

    public TimeSpan TokenMaxLife { get; init; } = TimeSpan.FromDays(90);

    public bool NeedsSecondFactor(UserRole role) => SecondFactorForPhiRoles && role.ReadsPhi();

    /// <summary>The password, or PASSWORD-POLICY saying which rule it breaks (never the password).</summary>
    public string CheckPassword(string? password)
    {
        if (password is null || password.Length < PasswordMinLength)
        {
            throw new DomainException(AccountErrors.PasswordPolicy, $"a password has at least {PasswordMinLength} characters");
        }

        if (password.Distinct().Count() < PasswordMinDistinct)
        {
            throw new DomainException(AccountErrors.PasswordPolicy, $"a password has at least {PasswordMinDistinct} different characters");
        }

        return password;
    }
}
