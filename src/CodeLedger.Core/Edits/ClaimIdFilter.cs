namespace CodeLedger.Core.Edits;

/// <summary>
/// Remembers the claim ids a streamed CSV has begun, in a fixed 16 MB Bloom filter, to notice a
/// claim whose rows come back after another claim's. Memory does not follow the input: a set of
/// every id (even of 64-bit hashes, as before) grew with the file, by 30-40 MB per two million
/// claims. The price is a false "maybe seen" now and then, so a "maybe" is only a suspect that
/// <see cref="ClaimCsvReader.FindApart"/> confirms or clears exactly. Sized for a low false rate
/// well past the largest batches: 2^27 bits and 7 probes give about one false suspect in ten
/// million claims at two million claims (a 5-million-line file), two in a thousand at ten million.
/// </summary>
internal sealed class ClaimIdFilter
{
    private const int Bits = 1 << 27;
    private const int Probes = 7;

    // Small files stay small: the filter's array is taken only once this many claims are met,
    // before which their hashes are kept in a list.
    private const int ListedClaims = 4096;

    private readonly HashSet<ulong> listed = [];
    private ulong[]? bits;

    /// <summary>Adds the id; true when it may have been added before.</summary>
    public bool Add(ReadOnlySpan<char> id)
    {
        var hash = Hash(id);
        if (bits is null)
        {
            if (!listed.Add(hash))
            {
                return true;
            }

            if (listed.Count < ListedClaims)
            {
                return false;
            }

            bits = new ulong[Bits / 64];
            foreach (var h in listed)
            {
                Set(h);
            }

            listed.Clear();
            return false;
        }

        return !Set(hash);
    }

    /// <summary>Sets the hash's bits; false when every one was already set.</summary>
    private bool Set(ulong hash)
    {
        // Double hashing (Kirsch-Mitzenmacher): probe i at h1 + i * h2, as good as independent hashes.
        var h1 = unchecked((uint)hash);
        var h2 = unchecked((uint)(hash >> 32)) | 1;
        var fresh = false;
        for (var i = 0u; i < Probes; i++)
        {
            var bit = unchecked(h1 + (i * h2)) & (Bits - 1);
            ref var word = ref bits![bit >> 6];
            var mask = 1UL << (int)(bit & 63);
            fresh |= (word & mask) == 0;
            word |= mask;
        }

        return fresh;
    }

    /// <summary>FNV-1a over the characters, then the SplitMix64 finalizer to spread short ids' bits.</summary>
    private static ulong Hash(ReadOnlySpan<char> text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }

        hash = unchecked((hash ^ (hash >> 30)) * 0xBF58476D1CE4E5B9UL);
        hash = unchecked((hash ^ (hash >> 27)) * 0x94D049BB133111EBUL);
        return hash ^ (hash >> 31);
    }
}
