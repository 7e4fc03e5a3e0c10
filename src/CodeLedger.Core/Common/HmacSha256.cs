using System.Security.Cryptography;

namespace CodeLedger.Core.Common;

/// <summary>
/// HMAC-SHA256 with one key over many messages on one thread (not thread-safe: one per thread). The
/// key is absorbed once; where OpenSSL's low-level SHA-256 passed its self-test each message is then
/// two low-level digests (<see cref="OpenSslSha256"/>), elsewhere .NET's keyed
/// <see cref="IncrementalHash"/>. Replay verification hashes every stored note and patient this way,
/// millions of values (docs/PERFORMANCE.md). The digest is the same bytes as <see cref="HMACSHA256.HashData(byte[], byte[])"/>'s.
/// </summary>
public sealed class HmacSha256 : IDisposable
{
    private readonly OpenSslSha256.NativeHmac? _native;
    private readonly IncrementalHash? _managed;

    public HmacSha256(ReadOnlySpan<byte> key)
        : this(key, OpenSslSha256.IsAvailable)
    {
    }

    /// <summary>With <paramref name="native"/> false, always .NET's: for the tests that compare the two.</summary>
    internal HmacSha256(ReadOnlySpan<byte> key, bool native)
    {
        if (native)
        {
            _native = new OpenSslSha256.NativeHmac(key);
        }
        else
        {
            _managed = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        }
    }

    /// <summary>Writes the HMAC of <paramref name="message"/> into <paramref name="digest"/> (32 bytes).</summary>
    public void Hash(ReadOnlySpan<byte> message, Span<byte> digest)
    {
        if (digest.Length < HMACSHA256.HashSizeInBytes)
        {
            throw new ArgumentException("the digest needs 32 bytes", nameof(digest));
        }

        if (_native is not null)
        {
            _native.Hash(message, digest);
            return;
        }

        _managed!.AppendData(message);
        _managed.TryGetHashAndReset(digest, out _);
    }

    public void Dispose()
    {
        _native?.Dispose();
        _managed?.Dispose();
    }
}
