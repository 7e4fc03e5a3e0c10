using System.Security.Cryptography;

namespace CodeLedger.Storage.Protection;

/// <summary>
/// The 256-bit key that encrypts PHI at rest. Its <see cref="Id"/> (the first 8 hex digits of
/// its SHA-256) is written beside every ciphertext, so a wrong key is named, not guessed at.
/// </summary>
public sealed class PhiKey
{
    public const int Length = 32;

    private readonly byte[] _material;

    private PhiKey(byte[] material)
    {
        _material = material;
        Id = Convert.ToHexStringLower(SHA256.HashData(material))[..8];
    }

    public string Id { get; }

    internal ReadOnlySpan<byte> Material => _material;

    public static PhiKey Generate() => new(RandomNumberGenerator.GetBytes(Length));

    /// <summary>
    /// The demo's key, derived from its seed (HKDF-SHA256 of the seed's decimal text, info
    /// <c>codeledger/demo-phi-key/v1</c>) so that the demo's ledger, which carries keyed hashes of
    /// its invented notes, is the same on every run. Anyone who knows the seed knows this key: a demo
    /// database must never hold real PHI.
    /// </summary>
    public static PhiKey ForDemo(int seed) =>
        new(HKDF.DeriveKey(HashAlgorithmName.SHA256, System.Text.Encoding.ASCII.GetBytes(seed.ToString(System.Globalization.CultureInfo.InvariantCulture)), Length,
            salt: [], info: System.Text.Encoding.ASCII.GetBytes("codeledger/demo-phi-key/v1")));

    /// <summary>Reads a key written as base64 (what <see cref="ToBase64"/> and the key file hold).</summary>
    public static PhiKey Parse(string base64, string source)
    {
        byte[] material;
        try
        {
            material = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new StorageException(StorageErrorCodes.PhiKeyInvalid, $"{source}: the PHI key is not base64");
        }

        return material.Length == Length
            ? new PhiKey(material)
            : throw new StorageException(StorageErrorCodes.PhiKeyInvalid, $"{source}: the PHI key must be {Length} bytes (base64 of 256 bits), got {material.Length}");
    }

    public string ToBase64() => Convert.ToBase64String(_material);
}
