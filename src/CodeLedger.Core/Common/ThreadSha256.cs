using System.Security.Cryptography;

namespace CodeLedger.Core.Common;

/// <summary>
/// SHA-256 of many short messages on one thread, through one hash context per thread that is reset
/// after each digest. On Linux .NET hashes through OpenSSL, and the one-shot <c>SHA256.HashData</c>
/// creates, fetches and frees a digest context on every call: for the few hundred bytes of a ledger
/// event or a state row that costs more than the compression itself, and under several threads the
/// shared fetch contends. Replay verification hashes every event and every row of both sides,
/// millions of them. Where OpenSSL's low-level SHA-256 passed its self-test the context is that
/// (<see cref="OpenSslSha256"/>: no per-call error-queue clearing or handle counting), elsewhere .NET's
/// <see cref="IncrementalHash"/> (docs/PERFORMANCE.md). The digest is the same bytes as the one-shot's.
/// </summary>
public static class ThreadSha256
{
    [ThreadStatic]
    private static OpenSslSha256.Context? t_native;

    [ThreadStatic]
    private static IncrementalHash? t_hash;

    /// <summary>Writes the SHA-256 of <paramref name="message"/> into <paramref name="digest"/> (32 bytes).</summary>
    public static void Hash(ReadOnlySpan<byte> message, Span<byte> digest)
    {
        // The buffer is checked first: a refused one must not leave the message in the context for the next.
        if (digest.Length < SHA256.HashSizeInBytes)
        {
            throw new ArgumentException("the digest needs 32 bytes", nameof(digest));
        }

        if (OpenSslSha256.IsAvailable)
        {
            (t_native ??= new OpenSslSha256.Context()).Hash(message, digest);
            return;
        }

        HashManaged(message, digest);
    }

    /// <summary>The same digest through .NET's <see cref="IncrementalHash"/>: where OpenSSL's low-level functions are not at hand, and for the tests that compare the two.</summary>
    internal static void HashManaged(ReadOnlySpan<byte> message, Span<byte> digest)
    {
        // Appending and finishing are one synchronous step, so no other caller on this thread can come
        // between them; finishing resets the context for the next message.
        var hash = t_hash ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(message);
        hash.TryGetHashAndReset(digest, out _);
    }
}
