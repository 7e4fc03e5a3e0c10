using System.Security.Cryptography;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.Ledger.Checkpoints;

/// <summary>
/// A vendor's private signing key: ECDSA on NIST P-256 with SHA-256 (FIPS 186-5), from the .NET
/// library. It is kept outside the database, like the PHI key (Storage's <c>SigningKeys</c> says
/// where), so whoever can edit the database cannot also sign a receipt for what they wrote.
/// </summary>
public sealed class SigningKey : IDisposable
{
    private readonly ECDsa _ecdsa;

    private SigningKey(ECDsa ecdsa)
    {
        _ecdsa = ecdsa;
        PublicKey = CheckpointPublicKey.FromTrusted(ecdsa);
    }

    public CheckpointPublicKey PublicKey { get; }

    public static SigningKey Generate() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>
    /// A key from PKCS#8 (<c>-----BEGIN PRIVATE KEY-----</c> PEM, or its base64) or SEC 1 PEM
    /// (<c>EC PRIVATE KEY</c>), refused unless it is a P-256 key. <paramref name="source"/> names
    /// where the text came from (a variable, a file); the key itself is never quoted.
    /// </summary>
    public static SigningKey Parse(string text, string source)
    {
        var ecdsa = ECDsa.Create();
        try
        {
            if (text.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                ecdsa.ImportFromPem(text);
            }
            else
            {
                ecdsa.ImportPkcs8PrivateKey(Convert.FromBase64String(text.Trim()), out _);
            }

            if (CheckpointPublicKey.TryFrom(ecdsa.ExportSubjectPublicKeyInfo(), out _) is null)
            {
                throw new CryptographicException("not P-256");
            }

            return new SigningKey(ecdsa);
        }
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException)
        {
            ecdsa.Dispose();
            throw new DomainException(CheckpointErrors.SigningKeyInvalid, $"{source} is not an ECDSA P-256 private key (PKCS#8 PEM, its base64, or EC PRIVATE KEY PEM)");
        }
    }

    /// <summary>The key as PKCS#8 PEM, the form the key file holds.</summary>
    public string ToPem() => _ecdsa.ExportPkcs8PrivateKeyPem() + "\n";

    /// <summary>ECDSA P-256 over SHA-256 of <paramref name="data"/>: r‖s, 32 bytes each, big-endian (IEEE P1363).</summary>
    public byte[] Sign(ReadOnlySpan<byte> data) =>
        _ecdsa.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    public void Dispose() => _ecdsa.Dispose();
}
