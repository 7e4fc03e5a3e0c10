using CodeLedger.Core.Common;

namespace CodeLedger.Core.Ledger.Checkpoints;

/// <summary>
/// The signing key a practice trusts, given as the public key (PEM or base64 SubjectPublicKeyInfo,
/// as <c>codeledger ledger key</c> prints it) or as its key id. Pinning by key id is as strong as
/// pinning by key: the id is the key's SHA-256.
/// </summary>
public sealed record KeyPin
{
    private KeyPin(string keyId) => KeyId = keyId;

    public string KeyId { get; }

    public static KeyPin Of(CheckpointPublicKey key) => new(key.KeyId);

    /// <summary><paramref name="source"/> names where the text came from (a file, the option); the text is never quoted.</summary>
    public static KeyPin Parse(string text, string source)
    {
        var trimmed = text.Trim();
        if (LedgerCheckpoint.IsHash(trimmed.ToLowerInvariant()))
        {
            return new(trimmed.ToLowerInvariant());
        }

        return CheckpointPublicKey.TryParse(text, out var problem) is { } key
            ? Of(key)
            : throw new DomainException(CheckpointErrors.PublicKey, $"{source} {problem}: give the PEM or base64 public key, or the 64-hex key id, that codeledger ledger key prints");
    }

    public bool Matches(CheckpointPublicKey key) => string.Equals(key.KeyId, KeyId, StringComparison.Ordinal);
}
