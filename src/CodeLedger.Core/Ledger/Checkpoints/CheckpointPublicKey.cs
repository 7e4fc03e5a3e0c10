using System.Security.Cryptography;

namespace CodeLedger.Core.Ledger.Checkpoints;

/// <summary>
/// The public half of a vendor's signing key: an ECDSA P-256 key as its DER SubjectPublicKeyInfo
/// (RFC 5480, uncompressed point), which is what a receipt states and a practice pins. Its
/// <see cref="KeyId"/> is the SHA-256 of those bytes, so two people can compare keys by reading
/// 64 hex digits to each other.
/// </summary>
public sealed class CheckpointPublicKey : IEquatable<CheckpointPublicKey>
{
    /// <summary>
    /// Every P-256 SubjectPublicKeyInfo with an uncompressed point starts with these 26 bytes
    /// (SEQUENCE, AlgorithmIdentifier id-ecPublicKey with namedCurve prime256v1, BIT STRING of 66
    /// bytes, 0x04), followed by the 32-byte X and Y. Refusing any other encoding keeps one key
    /// one key id, and lets a verifier in another language check the key with one comparison.
    /// </summary>
    private static readonly byte[] P256Prefix = Convert.FromHexString("3059301306072a8648ce3d020106082a8648ce3d030107034200");

    private const int P256Length = 91;

    private const string PemLabel = "PUBLIC KEY";

    private readonly byte[] _spki;

    private CheckpointPublicKey(byte[] spki)
    {
        _spki = spki;
        KeyId = Convert.ToHexStringLower(SHA256.HashData(spki));
    }

    /// <summary>SHA-256 (lower-case hex) of the DER SubjectPublicKeyInfo.</summary>
    public string KeyId { get; }

    public ReadOnlySpan<byte> SubjectPublicKeyInfo => _spki;

    /// <summary>The DER SubjectPublicKeyInfo in base64, as a receipt states it.</summary>
    public string Base64 => Convert.ToBase64String(_spki);

    public string Pem => PemEncoding.WriteString(PemLabel, _spki) + "\n";

    /// <summary>The key from its DER SubjectPublicKeyInfo, or null with the reason when it is not a P-256 key with an uncompressed point on the curve.</summary>
    public static CheckpointPublicKey? TryFrom(ReadOnlySpan<byte> spki, out string problem)
    {
        if (spki.Length != P256Length || !spki.StartsWith(P256Prefix))
        {
            problem = "is not an ECDSA P-256 SubjectPublicKeyInfo (uncompressed point)";
            return null;
        }

        try
        {
            // Import checks that the point lies on the curve.
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportSubjectPublicKeyInfo(spki, out _);
        }
        catch (CryptographicException)
        {
            problem = "is not a point on the P-256 curve";
            return null;
        }

        problem = string.Empty;
        return new CheckpointPublicKey(spki.ToArray());
    }

    /// <summary>
    /// A key from PEM text (<c>-----BEGIN PUBLIC KEY-----</c>, other text around it ignored) or
    /// the base64 of its SubjectPublicKeyInfo; null with the reason otherwise. Never quotes the input.
    /// </summary>
    public static CheckpointPublicKey? TryParse(string text, out string problem)
    {
        byte[] der;
        if (PemEncoding.TryFind(text, out var fields))
        {
            if (!text.AsSpan(fields.Label).SequenceEqual(PemLabel))
            {
                problem = $"is PEM but not a {PemLabel}";
                return null;
            }

            der = Convert.FromBase64String(text[fields.Base64Data]);
        }
        else if (!TryStrictBase64(text.Trim(), out der))
        {
            problem = "is neither a PEM PUBLIC KEY nor base64";
            return null;
        }

        return TryFrom(der, out problem);
    }

    internal static CheckpointPublicKey FromTrusted(ECDsa ecdsa) =>
        TryFrom(ecdsa.ExportSubjectPublicKeyInfo(), out var problem) ?? throw new CryptographicException($"the signing key {problem}");

    /// <summary>True when <paramref name="signature"/> (r‖s, 64 bytes) is this key's ECDSA P-256 SHA-256 signature of <paramref name="data"/>.</summary>
    public bool Verifies(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(_spki, out _);
        return ecdsa.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    /// <summary>
    /// Base64 that decodes and re-encodes to the same text: .NET's decoder ignores the unused bits
    /// of the last character, so without this two texts would carry one key or one signature.
    /// </summary>
    internal static bool TryStrictBase64(string text, out byte[] bytes)
    {
        try
        {
            bytes = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }

        return string.Equals(Convert.ToBase64String(bytes), text, StringComparison.Ordinal);
    }

    public bool Equals(CheckpointPublicKey? other) => other is not null && _spki.AsSpan().SequenceEqual(other._spki);

    public override bool Equals(object? obj) => Equals(obj as CheckpointPublicKey);

    public override int GetHashCode() => KeyId.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => KeyId;
}
