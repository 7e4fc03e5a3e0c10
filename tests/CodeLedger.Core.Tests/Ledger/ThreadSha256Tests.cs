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
    [Fact]
    public void Every_message_length_from_empty_to_several_blocks_hashes_as_the_one_shot_SHA_256()
    {
        var message = new byte[300];
        new Random(15).NextBytes(message);
        Span<byte> digest = stackalloc byte[32];
        for (var length = 0; length <= message.Length; length++)
        {
            ThreadSha256.Hash(message.AsSpan(0, length), digest);
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
