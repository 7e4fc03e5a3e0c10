using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CodeLedger.Storage.Protection;

/// <summary>
/// Encrypts PHI columns at rest with AES-256-GCM: <c>phi1:KEYID:base64(nonce | ciphertext | tag)</c>.
/// The column's name is the associated data, so a ciphertext moved into another column fails to
/// decrypt. Values written before encryption existed (plain JSON or text) still read back, and
/// are encrypted the next time they are written. Without a key (a PostgreSQL server with no
/// CODELEDGER_PHI_KEY), anything that needs PHI fails with <see cref="StorageErrorCodes.PhiKeyMissing"/>
/// while everything else (the ledger, reports) keeps working.
/// </summary>
public sealed class PhiCipher
{
    private const string Prefix = "phi1:";
    private const int NonceLength = 12;
    private const int TagLength = 16;
    private const int MaxColumnBytes = 128;

    private readonly PhiKey? _key;
    private readonly string _missingReason;

    // Importing the key into an AES context costs more than encrypting a short value, and every
    // encounter of an intake writes three PHI values: one context per thread, kept (AesGcm is not
    // documented as safe for concurrent use).
    private readonly ThreadLocal<AesGcm>? _aes;
    private readonly PhiLedgerHash? _ledgerHash;

    private PhiCipher(PhiKey? key, string missingReason)
    {
        _key = key;
        _missingReason = missingReason;
        _aes = key is null ? null : new ThreadLocal<AesGcm>(() => new AesGcm(key.Material, TagLength));
        _ledgerHash = key is null ? null : new PhiLedgerHash(key);
    }

    /// <summary>The keyed hash every ledger writer puts in events for PHI texts; without a key, <see cref="StorageErrorCodes.PhiKeyMissing"/>.</summary>
    public PhiLedgerHash LedgerHash => _ledgerHash ?? throw Missing();

    /// <summary>Whether a key is at hand (replay compares PHI hashes only then).</summary>
    public bool HasKey => _key is not null;

    /// <summary>Identifies the key for EF's model cache: one model per key in a process.</summary>
    public string CacheKey => _key?.Id ?? "none";

    public string? KeyId => _key?.Id;

    public static PhiCipher With(PhiKey key) => new(key, string.Empty);

    public static PhiCipher Without(string reason) => new(null, reason);

    public static bool IsProtected(string stored) => stored.StartsWith(Prefix, StringComparison.Ordinal);

    public string Protect(string plaintext, string column)
    {
        var key = _key ?? throw Missing();
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var buffer = new byte[NonceLength + plain.Length + TagLength];
        var nonce = buffer.AsSpan(0, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        _aes!.Value!.Encrypt(nonce, plain, buffer.AsSpan(NonceLength, plain.Length), buffer.AsSpan(NonceLength + plain.Length), Aad(column, stackalloc byte[MaxColumnBytes]));
        return string.Concat(Prefix, key.Id, ":", Convert.ToBase64String(buffer));
    }

    public string Unprotect(string stored, string column)
    {
        if (!IsProtected(stored))
        {
            return stored;
        }

        // One decryption for both readers: the application's (this) and replay verification's, which
        // starts from the stored bytes (UnprotectUtf8).
        var scratch = Array.Empty<byte>();
        return Encoding.UTF8.GetString(UnprotectUtf8(Encoding.UTF8.GetBytes(stored), column, ref scratch));
    }

    /// <summary>
    /// The plaintext's UTF-8 bytes, decrypted into <paramref name="scratch"/> (grown when too small)
    /// without making a string, from the stored value's own UTF-8 bytes (<paramref name="stored"/>, as
    /// SQLite holds it): what replay verification hashes (<see cref="PhiLedgerHash.Hasher"/>). The same
    /// bytes <see cref="Unprotect"/> decodes, and the same errors; a value stored before encryption
    /// existed gives its own bytes.
    /// </summary>
    internal ReadOnlySpan<byte> UnprotectUtf8(ReadOnlySpan<byte> stored, string column, ref byte[] scratch)
    {
        if (!stored.StartsWith(PrefixUtf8))
        {
            return stored;
        }

        var key = _key ?? throw Missing();
        var keyId = stored.Slice(Prefix.Length, Math.Min(8, stored.Length - Prefix.Length));
        if (!Ascii.Equals(keyId, key.Id))
        {
            throw new StorageException(StorageErrorCodes.PhiKeyMismatch,
                $"{column} was encrypted with PHI key {Encoding.UTF8.GetString(keyId)}, but the key in use is {key.Id}: set CODELEDGER_PHI_KEY to the key this database was written with");
        }

        // The sealed box (nonce | ciphertext | tag) goes in the first half of the scratch, the plaintext after it.
        var base64 = stored[Math.Min(stored.Length, Prefix.Length + 9)..];
        var boxMax = Base64.GetMaxDecodedFromUtf8Length(base64.Length);
        Grow(ref scratch, boxMax * 2);
        if (Base64.DecodeFromUtf8(base64, scratch.AsSpan(0, boxMax), out _, out var boxLength) != OperationStatus.Done
            && !Convert.TryFromBase64Chars(Encoding.UTF8.GetString(base64), scratch.AsSpan(0, boxMax), out boxLength))
        {
            // The strict decoder refuses white space in the text, which Convert's decoder accepts (and always did here): that decides.
            throw Corrupt(column);
        }

        if (boxLength < NonceLength + TagLength)
        {
            throw Corrupt(column);
        }

        var length = boxLength - NonceLength - TagLength;
        var plain = scratch.AsSpan(boxMax, length);
        try
        {
            _aes!.Value!.Decrypt(scratch.AsSpan(0, NonceLength), scratch.AsSpan(NonceLength, length), scratch.AsSpan(NonceLength + length, TagLength), plain, Aad(column, stackalloc byte[MaxColumnBytes]));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw Corrupt(column);
        }

        return plain;
    }

    private static ReadOnlySpan<byte> PrefixUtf8 => "phi1:"u8;

    private static void Grow(ref byte[] scratch, int size)
    {
        if (scratch.Length < size)
        {
            scratch = new byte[Math.Max(size, scratch.Length * 2)];
        }
    }

    /// <summary>The column name as associated data, encoded on the stack (names are short ASCII).</summary>
    private static ReadOnlySpan<byte> Aad(string column, Span<byte> scratch) => scratch[..Encoding.UTF8.GetBytes(column, scratch)];

    private StorageException Missing() => new(StorageErrorCodes.PhiKeyMissing, _missingReason);

    private static StorageException Corrupt(string column) =>
        new(StorageErrorCodes.PhiCorrupt, $"{column}: the encrypted value does not authenticate; it was altered or belongs to another column");
}
