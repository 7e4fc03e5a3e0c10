namespace CodeLedger.Core.Accounts;

/// <summary>
/// The fields of a user a spec sets (docs/ACCOUNTS.md): role, display name, email, and the coder
/// record or NPI the role links to. <see cref="Stated"/> reads them as a spec states them (display
/// name trimmed, a blank email is none); <see cref="ApplyTo"/> says what applying them does to the
/// user on record, so a spec applied twice changes nothing the second time.
/// </summary>
public sealed record UserFields(UserRole Role, string DisplayName, string? Email, Guid? CoderId, string? PhysicianNpi)
{
    /// <summary>The fields as a spec states them, in their stored form: the display name trimmed, the email trimmed or null when blank.</summary>
    public static UserFields Stated(UserRole role, string displayName, string? email, Guid? coderId, string? physicianNpi) =>
        new(role, displayName.Trim(), string.IsNullOrWhiteSpace(email) ? null : email.Trim(), coderId, physicianNpi);

    /// <summary>
    /// What applying these fields does to <paramref name="current"/> (the user's fields as stored; null
    /// when there is no such user): add it, update it when any field differs, or nothing.
    /// </summary>
    public UserApply ApplyTo(UserFields? current) =>
        current is null ? UserApply.Add
        : current == this ? UserApply.Unchanged
        : UserApply.Update;
}

/// <summary>What applying a user spec does (<see cref="UserFields.ApplyTo"/>).</summary>
public enum UserApply
{
    /// <summary>No such user: added (user.added).</summary>
    Add,

    /// <summary>A field differs: brought to the spec (user.updated), and the sessions granted under the old fields end.</summary>
    Update,

    /// <summary>The user already matches: nothing is written.</summary>
    Unchanged,
}
