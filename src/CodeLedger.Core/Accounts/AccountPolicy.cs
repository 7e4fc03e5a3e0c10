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

    /// <summary>
    /// One more failed sign-in: the count goes up, and at <see cref="MaxFailedSignIns"/> the account
    /// locks until <paramref name="now"/> + <see cref="Lockout"/> and the count starts again.
    /// </summary>
    public (int FailedCount, DateTimeOffset? LockedUntil) AfterFailedSignIn(int failedCount, DateTimeOffset? lockedUntil, DateTimeOffset now) =>
        failedCount + 1 >= MaxFailedSignIns ? (0, now + Lockout) : (failedCount + 1, lockedUntil);

    /// <summary>
    /// What a correct password leads to: the code when the user has a second factor; enrolment when
    /// the role needs one (<see cref="NeedsSecondFactor"/>) and the user has none; else signed in.
    /// </summary>
    public SecondFactorDue AfterPassword(bool secondFactorEnabled, UserRole role) =>
        secondFactorEnabled ? SecondFactorDue.Code
        : NeedsSecondFactor(role) ? SecondFactorDue.Enrolment
        : SecondFactorDue.None;

    /// <summary>Whether a successful sign-in has failed attempts or a lockout on record to clear (nothing to write when it has none).</summary>
    public static bool HasFailures(int failedCount, DateTimeOffset? lockedUntil) => failedCount != 0 || lockedUntil is not null;

    /// <summary>
    /// The answer to a sign-in with an unknown user, a user without a password, no password or a wrong
    /// one: the same SIGN-IN-FAILED for all, so sign-in does not tell who has an account.
    /// </summary>
    public static DomainException WrongUserOrPassword() => new(AccountErrors.SignInFailed, "wrong user name or password");

    /// <summary>Until when an account is locked out at <paramref name="now"/>: its lockout end while that is later than now, else null (a lockout ends at its instant).</summary>
    public static DateTimeOffset? LockedUntil(DateTimeOffset? lockoutEnd, DateTimeOffset now) => lockoutEnd > now ? lockoutEnd : null;

    /// <summary>A new token's terms: a name of 1 to 100 characters and an expiry after <paramref name="now"/>, no later than <see cref="TokenMaxLife"/> from it; else TOKEN-TERMS-INVALID. Returns the name trimmed.</summary>
    public string RequireTokenTerms(string? name, DateTimeOffset expiresAt, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
        {
            throw new DomainException(AccountErrors.TokenTermsInvalid, "a token has a name of 1 to 100 characters");
        }

        if (expiresAt <= now || expiresAt > now + TokenMaxLife)
        {
            throw new DomainException(AccountErrors.TokenTermsInvalid, $"a token expires after now and within {TokenMaxLife.TotalDays:0} days");
        }

        return name.Trim();
    }

    /// <summary>A disabled user acts as no one: no sign-in, no token, no <c>--as</c>; else USER-DISABLED.</summary>
    public static void RequireEnabled(string userName, bool disabled)
    {
        if (disabled)
        {
            throw new DomainException(AccountErrors.UserDisabled, $"user {userName} is disabled");
        }
    }

    /// <summary>Whether an account may sign in at <paramref name="now"/>: not disabled, and not locked out (a lockout ends at its instant).</summary>
    public static void RequireUsable(string userName, bool disabled, DateTimeOffset? lockoutEnd, DateTimeOffset now)
    {
        RequireEnabled(userName, disabled);
        if (LockedUntil(lockoutEnd, now) is { } end)
        {
            throw new DomainException(AccountErrors.LockedOut, $"user {userName} is locked out after repeated failed sign-ins until {Instants.Format(end)}");
        }
    }

    /// <summary>
    /// A one-time code is used once: the step it matched must be later than the last step the user
    /// has used (<paramref name="lastUsedStep"/>, null before the first), so a code overheard or sent
    /// twice, or an older one still within the drift, is refused.
    /// </summary>
    public static bool StepAlreadyUsed(long step, long? lastUsedStep) => lastUsedStep is { } last && step <= last;

    /// <summary>
    /// The step a one-time code matched, accepted: not null (the code matched no step within the drift)
    /// and not already used; else SECOND-FACTOR-INVALID, the same answer for both, so a replay is not
    /// told apart from a wrong code.
    /// </summary>
    public static long RequireUnusedStep(long? matchedStep, long? lastUsedStep) =>
        matchedStep is { } step && !StepAlreadyUsed(step, lastUsedStep) ? step
        : throw new DomainException(AccountErrors.SecondFactorInvalid, "the code is wrong or was already used");

    /// <summary>
    /// Why a stored token may not be used at <paramref name="now"/>, checked in this order: revoked,
    /// expired, its user disabled. Null when it may. (The message names the token by its prefix only.)
    /// </summary>
    public static (Common.ErrorCode Code, string Message)? TokenRefusal(string prefix, DateTimeOffset? revokedAt, DateTimeOffset expiresAt, string userName, bool userDisabled, DateTimeOffset now) =>
        revokedAt is not null ? (AccountErrors.TokenRevoked, $"token {prefix} was revoked")
        : expiresAt <= now ? (AccountErrors.TokenExpired, $"token {prefix} expired at {Common.Instants.Format(expiresAt)}")
        : userDisabled ? (AccountErrors.UserDisabled, $"user {userName} is disabled")
        : null;
}

/// <summary>What sign-in asks for after a correct password (<see cref="AccountPolicy.AfterPassword"/>).</summary>
public enum SecondFactorDue
{
    /// <summary>Nothing more: signed in.</summary>
    None,

    /// <summary>The user has a second factor: its one-time code.</summary>
    Code,

    /// <summary>The role needs a second factor and the user has none: enrolment before anything else.</summary>
    Enrolment,
}
