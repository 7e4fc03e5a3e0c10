using CodeLedger.Core.Common;

namespace CodeLedger.Core.Accounts;

/// <summary>
/// A user's personal access tokens as their owner lists and revokes them (docs/ACCOUNTS.md): each
/// with its status (revoked, else expired, else active; the order <see cref="AccountPolicy.TokenRefusal"/>
/// checks), oldest first; a token named by its id or by its listed prefix, which must name exactly one;
/// revoking a revoked token changes nothing.
/// </summary>
public static class AccessTokenList
{
    /// <summary>A stored token as the list needs it: never its text or hash.</summary>
    public sealed record Token(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt);

    /// <summary>A token as listed: the stored token and its status at the listing's instant.</summary>
    public sealed record Listed(Token Token, string Status);

    /// <summary>How the user named the token to revoke: its id when the text is a GUID, else its prefix.</summary>
    public sealed record Reference(Guid? Id, string? Prefix);

    /// <summary><c>revoked</c>, else <c>expired</c> (an expiry ends at its instant), else <c>active</c>.</summary>
    public static string Status(DateTimeOffset? revokedAt, DateTimeOffset expiresAt, DateTimeOffset now) =>
        revokedAt is not null ? "revoked" : expiresAt <= now ? "expired" : "active";

    /// <summary>The user's tokens oldest first (then by name and id, so the order is total), each with its status at <paramref name="now"/>.</summary>
    public static IReadOnlyList<Listed> List(IEnumerable<Token> tokens, DateTimeOffset now) =>
        [.. tokens.OrderBy(t => t.CreatedAt).ThenBy(t => t.Name, StringComparer.Ordinal).ThenBy(t => t.Id)
            .Select(t => new Listed(t, Status(t.RevokedAt, t.ExpiresAt, now)))];

    public static Reference Named(string token) => Guid.TryParse(token, out var id) ? new Reference(id, null) : new Reference(null, token);

    /// <summary>The one token <paramref name="token"/> names among <paramref name="matches"/>; TOKEN-UNKNOWN when none, or several (a prefix shared: revoke by id).</summary>
    public static T RequireOne<T>(string userName, string token, IReadOnlyList<T> matches) =>
        matches.Count == 1 ? matches[0]
        : throw new DomainException(AccountErrors.TokenUnknown, matches.Count == 0
            ? $"user {userName} has no token {token}"
            : $"user {userName} has several tokens starting {token}: revoke by id");

    /// <summary>Whether revoking a token with <paramref name="revokedAt"/> on record changes anything: only a token not revoked yet is revoked (token.revoked).</summary>
    public static bool Revokes(DateTimeOffset? revokedAt) => revokedAt is null;
}
