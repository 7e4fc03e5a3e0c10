namespace CodeLedger.Storage.Accounts;

/// <summary>
/// A user as a setup file or <c>users add</c> states it. <paramref name="CoderUserName"/> names the
/// coder record a coder or lead is linked to (default: the user's own name);
/// <paramref name="PhysicianNpi"/> the physician a physician user is (enrolled at that practice).
/// </summary>
public sealed record UserSpec(string UserName, string DisplayName, string? Email, string Organization, string Role, string? CoderUserName = null, string? PhysicianNpi = null);

/// <summary>The outcome of applying a <see cref="UserSpec"/>: the user's id and whether anything changed.</summary>
public sealed record UserChange(Guid Id, string UserName, bool Added, bool Changed);

/// <summary>A user as listed: no password hash, no key.</summary>
public sealed record UserView(string UserName, string DisplayName, string Organization, string Role, Guid? Coder, string? PhysicianNpi, bool Disabled, bool SecondFactor, DateTimeOffset? LockedOutUntil);

/// <summary>A token as its user sees it in a list: the prefix, never the token.</summary>
public sealed record TokenView(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, string Status);

/// <summary>A token just issued: the only time its text is known.</summary>
public sealed record IssuedToken(Guid Id, string Name, string Token, string Prefix, DateTimeOffset ExpiresAt);

/// <summary>What sign-in needs next after a correct password.</summary>
public enum SignInNext
{
    /// <summary>Signed in.</summary>
    Done,

    /// <summary>The user has a second factor: the code comes next.</summary>
    SecondFactorCode,

    /// <summary>The role needs a second factor and the user has none: enrol one before anything else.</summary>
    SecondFactorEnrolment,
}

public sealed record SignInStep(SignInNext Next, Core.Accounts.Principal Principal);
