using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using CodeLedger.Core.Audits;

namespace CodeLedger.Core.Tests.Audits;

/// <summary>The sampler's own SHA-256 must be SHA-256: the draw key docs/AUDIT.md tells an outside auditor to compute with any tool.</summary>
public sealed class Sha256WordsTests
{
    [Fact]
    public void Every_length_from_0_to_300_bytes_hashes_as_the_platform_s_SHA_256()
    {
        var random = new Random(17);
        for (var length = 0; length <= 300; length++)
        {
            for (var trial = 0; trial < 3; trial++)
            {
                var message = new byte[length];
                random.NextBytes(message);
                Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(message)), Hex(message));
            }
        }
    }

    [Fact]
    public void A_seed_and_key_hash_to_the_published_test_vectors_and_to_sha256sum_of_the_same_text()
    {
        // FIPS 180-4 examples ("abc", the 56-byte two-block message) and the empty string.
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Hex("abc"u8.ToArray()));
        Assert.Equal("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1", Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"u8.ToArray()));
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Hex([]));

        // A draw key as docs/AUDIT.md defines it: SHA-256(UTF-8(seed + "\n" + key)), non-ASCII seed included.
        var text = Encoding.UTF8.GetBytes("Prüfung 2026 — dice 3 1 6 6\nENC-0001");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(text)), Hex(text));
    }

    private static string Hex(byte[] message)
    {
        Span<uint> words = stackalloc uint[8];
        Sha256Words.Hash(message, words);
        var bytes = new byte[32];
        for (var i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(i * 4), words[i]);
        }

        return Convert.ToHexStringLower(bytes);
    }
}
