using System.Buffers.Text;
using System.Security.Cryptography;

namespace CodeLedger.Core.Accounts;

/// <summary>
/// A personal access token as its holder sees it once: <c>cl_</c> and 32 random bytes in base64url
/// (43 characters). The store keeps only its SHA-256 (a 256-bit random secret needs no slow hash:
/// there is nothing to guess) and its first characters, which are not secret and let a user tell
/// their tokens apart in a list.
/// </summary>
public sealed record AccessTokenText
{
    public const string Scheme = "cl_";

    private const int SecretBytes = 32;

    private static readonly int TextLength = Scheme.Length + Base64Url.GetEncodedLength(SecretBytes);

    private AccessTokenText(string text) => Text = text;

    public string Text { get; }

    /// <summary>The non-secret start shown in lists: <c>cl_</c> and 6 characters (36 bits of 256).</summary>
    public string Prefix => Text[..(Scheme.Length + 6)];

    /// <summary>The lower-case hex SHA-256 of the whole token text: what the store compares.</summary>
    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(Text)));

    public static AccessTokenText New(ReadOnlySpan<byte> secret)
    {
        if (secret.Length != SecretBytes)
        {
            throw new ArgumentException($"a token secret is {SecretBytes} bytes", nameof(secret));
        }

        return new(Scheme + Base64Url.EncodeToString(secret));
    }

    public static AccessTokenText New() => New(RandomNumberGenerator.GetBytes(SecretBytes));

    /// <summary>The token a caller sent, when it has a token's shape; null for anything else.</summary>
    public static AccessTokenText? TryParse(string? text)
    {
        if (text is null || text.Length != TextLength || !text.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return null;
        }

        return text.AsSpan(Scheme.Length).ContainsAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ? null : new(text);
    }

    /// <summary>Never the secret in logs or exception messages.</summary>
    public override string ToString() => Prefix + "…";
}
