using CodeLedger.Core.Common;

namespace CodeLedger.Core.Accounts;

/// <summary>
/// The states of a user's second factor (docs/ACCOUNTS.md): none; enrolment started (an
/// authenticator key stored, not yet proven, the factor off); enrolled (a code proved the key, the
/// factor on). A key is shown until a code proves it; only then does it replace the old factor.
/// </summary>
public static class SecondFactorEnrolment
{
    /// <summary>
    /// The key enrolment started and did not finish, to show again (a page shown twice shows one key):
    /// the stored key when the factor is not on yet and the key is a whole authenticator key; null when
    /// a new key is drawn (no key stored, a key already proven, or a stored value that is not a key).
    /// </summary>
    public static byte[]? PendingKey(bool secondFactorEnabled, byte[]? storedKey) =>
        !secondFactorEnabled && storedKey is { Length: Totp.KeyBytes } pending ? pending : null;

    /// <summary>The stored key a confirming code must match; SECOND-FACTOR-INVALID when enrolment was never started.</summary>
    public static byte[] RequireKeyToConfirm(string userName, byte[]? storedKey) =>
        storedKey ?? throw new DomainException(AccountErrors.SecondFactorInvalid, $"user {userName} has no authenticator key to confirm; start enrolment first");

    /// <summary>
    /// The key a sign-in code is checked against: only an enrolled factor counts (a key whose
    /// enrolment is pending proves nothing); else SECOND-FACTOR-REQUIRED.
    /// </summary>
    public static byte[] RequireEnrolledKey(string userName, bool secondFactorEnabled, byte[]? storedKey) =>
        secondFactorEnabled && storedKey is { } key ? key
        : throw new DomainException(AccountErrors.SecondFactorRequired, $"user {userName} has no second factor enrolled");
}
