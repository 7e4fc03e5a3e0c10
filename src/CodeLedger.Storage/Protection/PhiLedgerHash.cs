using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CodeLedger.Core.Common;
using CodeLedger.Core.Encounters;

namespace CodeLedger.Storage.Protection;

/// <summary>
/// The keyed hash the ledger carries for PHI texts (a note, a query's question and answer, a patient's
/// demographics): HMAC-SHA256 under a key derived from the PHI key with HKDF-SHA256 (no salt, info
/// <see cref="DerivationInfo"/>), written <c>hmac-sha256:KEYID:HEX</c> with the PHI key's 8-hex id.
/// A plain SHA-256 of a short text ("yes", a birth date) is reversed by hashing guesses; without the
/// key, an export's keyed hashes cannot be matched against any dictionary. The derived key is not the
/// encryption key itself, so the two uses never share key material (docs/LEDGER.md, "PHI in the ledger").
/// </summary>
public sealed class PhiLedgerHash
{
    public const string Scheme = "hmac-sha256";
    public const string DerivationInfo = "codeledger/ledger-phi-hash/v1";

    /// <summary>The format tag of the demographics' canonical form (<see cref="Canonical"/>).</summary>
    public const string DemographicsFormat = "codeledger-demographics-v1";

    private readonly byte[] _key;

    internal PhiLedgerHash(PhiKey key)
    {
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, key.Material.ToArray(), 32, salt: [], info: Encoding.ASCII.GetBytes(DerivationInfo));
        KeyId = key.Id;
    }

    /// <summary>The PHI key's id, written in every value so a verifier knows which key made it.</summary>
    public string KeyId { get; }

    public static PhiLedgerHash For(PhiKey key) => new(key);

    /// <summary>The ledger value of a PHI text: <c>hmac-sha256:KEYID:</c> and the lower-case hex HMAC of its UTF-8 bytes.</summary>
    public string Of(string text) => string.Concat(Scheme, ":", KeyId, ":", Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text))));

    /// <summary>A hasher for one thread that hashes many values: the key is set once, not per value.</summary>
    internal Hasher CreateHasher() => new(this);

    /// <summary>The ledger value of a patient's demographics: the keyed hash of their <see cref="Canonical"/> form.</summary>
    public string Of(PatientDemographics patient) => Of(Canonical(patient));

    /// <summary>
    /// The demographic fields in one unambiguous text: the format tag, family name, given name, birth
    /// date (yyyy-MM-dd), sex and member id, each as its UTF-8 byte length, a colon, the text and a
    /// newline (the ledger's own canonical form), so no two different patients write the same bytes.
    /// </summary>
    public static string Canonical(PatientDemographics patient)
    {
        var text = new StringBuilder();
        foreach (var field in new[]
                 {
                     DemographicsFormat, patient.FamilyName, patient.GivenName, patient.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                     patient.Sex.ToString(), patient.MemberId,
                 })
        {
            text.Append(Encoding.UTF8.GetByteCount(field).ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// <see cref="Of(string)"/> over UTF-8 bytes already at hand (a decrypted note), with one keyed
    /// HMAC reused: setting the key per value cost as much as hashing a note (docs/PERFORMANCE.md).
    /// Not thread-safe: one per thread.
    /// </summary>
    internal sealed class Hasher : IDisposable
    {
        private readonly HmacSha256 _hmac;
        private readonly string _prefix;
        private byte[] _utf8 = new byte[1024];

        internal Hasher(PhiLedgerHash hash)
        {
            _hmac = new HmacSha256(hash._key);
            _prefix = string.Concat(Scheme, ":", hash.KeyId, ":");
        }

        public string Of(ReadOnlySpan<byte> utf8)
        {
            Span<byte> digest = stackalloc byte[32];
            _hmac.Hash(utf8, digest);
            return string.Concat(_prefix, Convert.ToHexStringLower(digest));
        }

        /// <summary>The same value as <see cref="PhiLedgerHash.Of(string)"/>.</summary>
        public string Of(string text)
        {
            var count = Encoding.UTF8.GetByteCount(text);
            if (_utf8.Length < count)
            {
                _utf8 = new byte[Math.Max(count, _utf8.Length * 2)];
            }

            return Of(_utf8.AsSpan(0, Encoding.UTF8.GetBytes(text, _utf8)));
        }

        public void Dispose() => _hmac.Dispose();
    }
}
