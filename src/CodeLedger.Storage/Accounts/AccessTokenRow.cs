namespace CodeLedger.Storage.Accounts;

/// <summary>A personal access token as stored: the SHA-256 of its text and its non-secret prefix, never the token.</summary>
public sealed class AccessTokenRow
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public string Name { get; set; } = string.Empty;

    public string Prefix { get; set; } = string.Empty;

    public string Sha256 { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
