using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CodeLedger.Core.Audits;

/// <summary>
/// SHA-256 (FIPS 180-4) in managed code, for the sampler's million short inputs: the digest as its
/// eight big-endian 32-bit words, which compare in the order the digest's bytes do. On Linux .NET
/// hashes through OpenSSL, whose per-digest finalize and re-initialize cost several times the
/// compression itself for a one-block message (docs/PERFORMANCE.md, "Audits"); here a one-block
/// message is one call with no allocation. Checked against <c>SHA256.HashData</c> on every length
/// from 0 to 300 bytes and on the golden sample.
/// </summary>
internal static class Sha256Words
{
    private static readonly uint[] K =
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    /// <summary>The SHA-256 digest of <paramref name="message"/> into <paramref name="words"/> (8 words: bytes 0–3, 4–7, ... big-endian).</summary>
    public static void Hash(ReadOnlySpan<byte> message, Span<uint> words)
    {
        words[0] = 0x6a09e667;
        words[1] = 0xbb67ae85;
        words[2] = 0x3c6ef372;
        words[3] = 0xa54ff53a;
        words[4] = 0x510e527f;
        words[5] = 0x9b05688c;
        words[6] = 0x1f83d9ab;
        words[7] = 0x5be0cd19;
        Span<uint> schedule = stackalloc uint[64];
        var full = message.Length / 64;
        for (var i = 0; i < full; i++)
        {
            Compress(words, message.Slice(i * 64, 64), schedule);
        }

        // The padding: 0x80, zeros, and the length in bits as a big-endian 64-bit number, in one or two blocks.
        Span<byte> tail = stackalloc byte[128];
        tail.Clear();
        var rest = message[(full * 64)..];
        rest.CopyTo(tail);
        tail[rest.Length] = 0x80;
        var blocks = rest.Length + 9 <= 64 ? 1 : 2;
        BinaryPrimitives.WriteUInt64BigEndian(tail.Slice((blocks * 64) - 8, 8), (ulong)message.Length * 8);
        Compress(words, tail[..64], schedule);
        if (blocks == 2)
        {
            Compress(words, tail.Slice(64, 64), schedule);
        }
    }

    private static void Compress(Span<uint> state, ReadOnlySpan<byte> block, Span<uint> schedule)
    {
        // Modulo 2^32 by definition (the project checks arithmetic overflow elsewhere). The schedule
        // (64 words) and the round constants are read by reference: the loops' bounds are the arrays'
        // fixed sizes, checked once here, not once per access.
        if (schedule.Length < 64 || block.Length < 64 || state.Length < 8)
        {
            throw new ArgumentException("SHA-256 compresses a 64-byte block into 8 words with a 64-word schedule");
        }

        ref var w = ref MemoryMarshal.GetReference(schedule);
        ref var k = ref MemoryMarshal.GetArrayDataReference(K);
        ref var bytes = ref MemoryMarshal.GetReference(block);
        unchecked
        {
            for (var t = 0; t < 16; t++)
            {
                Unsafe.Add(ref w, t) = BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref bytes, t * 4)));
            }

            for (var t = 16; t < 64; t++)
            {
                var x = Unsafe.Add(ref w, t - 15);
                var y = Unsafe.Add(ref w, t - 2);
                var s0 = BitOperations.RotateRight(x, 7) ^ BitOperations.RotateRight(x, 18) ^ (x >> 3);
                var s1 = BitOperations.RotateRight(y, 17) ^ BitOperations.RotateRight(y, 19) ^ (y >> 10);
                Unsafe.Add(ref w, t) = Unsafe.Add(ref w, t - 16) + s0 + Unsafe.Add(ref w, t - 7) + s1;
            }

            uint a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
            for (var t = 0; t < 64; t++)
            {
                var t1 = h + (BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25)) + (g ^ (e & (f ^ g)))
                    + Unsafe.Add(ref k, t) + Unsafe.Add(ref w, t);
                var t2 = (BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22)) + ((a & b) | (c & (a | b)));
                h = g;
                g = f;
                f = e;
                e = d + t1;
                d = c;
                c = b;
                b = a;
                a = t1 + t2;
            }

            state[0] += a;
            state[1] += b;
            state[2] += c;
            state[3] += d;
            state[4] += e;
            state[5] += f;
            state[6] += g;
            state[7] += h;
        }
    }
}
