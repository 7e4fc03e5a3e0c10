using System.Security.Cryptography;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.Tests.Ledger;

/// <summary>
/// The ledger's chain and the state digests hash through one SHA-256 context per thread
/// (<see cref="ThreadSha256"/>): each digest must be the one-shot SHA-256 of its message alone,
/// whatever was hashed before it on that thread and whatever other threads hash meanwhile.
/// </summary>
public sealed class ThreadSha256Tests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_message_length_from_empty_to_several_blocks_hashes_as_the_one_shot_SHA_256(bool managedPath)
    {
        var message = new byte[300];
        new Random(15).NextBytes(message);
        Span<byte> digest = stackalloc byte[32];
        for (var length = 0; length <= message.Length; length++)
        {
            if (managedPath)
            {
                ThreadSha256.HashManaged(message.AsSpan(0, length), digest);
            }
            else
            {
                ThreadSha256.Hash(message.AsSpan(0, length), digest);
            }

            Assert.Equal(SHA256.HashData(message.AsSpan(0, length)), digest.ToArray());
        }
    }

    [Fact]
    public void Threads_hashing_side_by_side_each_get_their_own_messages_digests()
    {
        var failures = 0;
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, seed =>
        {
            var random = new Random(seed);
            Span<byte> digest = stackalloc byte[32];
            for (var i = 0; i < 2_000; i++)
            {
                var message = new byte[random.Next(0, 200)];
                random.NextBytes(message);
                ThreadSha256.Hash(message, digest);
                if (!digest.SequenceEqual(SHA256.HashData(message)))
                {
                    Interlocked.Increment(ref failures);
                }
            }
        });

        Assert.Equal(0, failures);
    }

    [Fact]
    public void A_digest_buffer_shorter_than_32_bytes_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ThreadSha256.Hash([1, 2, 3], new byte[31]));
    }
}

/// <summary>
/// OpenSSL's low-level SHA-256 (<see cref="OpenSslSha256"/>), which the chain, the state digests and the
/// PHI hashes use on Linux, and the keyed hash over it (<see cref="HmacSha256"/>): the same digests as
/// .NET's SHA-256 and HMAC-SHA256 for every message, on both paths.
/// </summary>
public sealed class OpenSslSha256Tests
{
    [Fact]
    public void On_Linux_OpenSSLs_low_level_SHA_256_is_found_and_passes_its_self_test()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "OpenSSL's low-level SHA-256 is used on Linux only");

        Assert.True(OpenSslSha256.IsAvailable, "libcrypto's SHA256_Init/Update/Final were not found or disagreed with .NET's SHA-256");
    }

    [Fact]
    public void A_context_continued_from_a_copy_hashes_the_whole_message()
    {
        Assert.SkipUnless(OpenSslSha256.IsAvailable, "OpenSSL's low-level SHA-256 is not available here");
        var message = new byte[1_000];
        new Random(17).NextBytes(message);
        using var prefix = new OpenSslSha256.Context();
        using var copy = new OpenSslSha256.Context();
        Span<byte> digest = stackalloc byte[32];

        foreach (var split in new[] { 0, 1, 63, 64, 65, 500, 1_000 })
        {
            prefix.Start();
            prefix.Append(message.AsSpan(0, split));
            copy.CopyFrom(prefix);
            copy.Append(message.AsSpan(split));
            copy.Finish(digest);

            Assert.Equal(SHA256.HashData(message), digest.ToArray());
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(32)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(200)]
    public void The_keyed_hash_is_HMAC_SHA256_on_both_paths_for_every_key_length_and_message_length(int keyLength)
    {
        var random = new Random(keyLength);
        var key = new byte[keyLength];
        random.NextBytes(key);
        var message = new byte[300];
        random.NextBytes(message);
        using var managed = new HmacSha256(key, native: false);
        using var native = OpenSslSha256.IsAvailable ? new HmacSha256(key, native: true) : null;
        Span<byte> digest = stackalloc byte[32];

        for (var length = 0; length <= message.Length; length++)
        {
            var expected = HMACSHA256.HashData(key, message.AsSpan(0, length).ToArray());
            managed.Hash(message.AsSpan(0, length), digest);
            Assert.Equal(expected, digest.ToArray());
            if (native is not null)
            {
                native.Hash(message.AsSpan(0, length), digest);
                Assert.Equal(expected, digest.ToArray());
            }
        }
    }

    [Fact]
    public void Keyed_hashes_on_threads_side_by_side_each_get_their_own_messages_digests()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var failures = 0;
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, seed =>
        {
            var random = new Random(seed);
            using var hmac = new HmacSha256(key);
            Span<byte> digest = stackalloc byte[32];
            for (var i = 0; i < 2_000; i++)
            {
                var message = new byte[random.Next(0, 600)];
                random.NextBytes(message);
                hmac.Hash(message, digest);
                if (!digest.SequenceEqual(HMACSHA256.HashData(key, message)))
                {
                    Interlocked.Increment(ref failures);
                }
            }
        });

        Assert.Equal(0, failures);
    }

    [Fact]
    public void A_disposed_context_refuses_to_hash_instead_of_touching_freed_memory()
    {
        Assert.SkipUnless(OpenSslSha256.IsAvailable, "OpenSSL's low-level SHA-256 is not available here");
        var context = new OpenSslSha256.Context();
        context.Dispose();

        Assert.Throws<ObjectDisposedException>(() => context.Hash([1, 2, 3], new byte[32]));
    }
}
