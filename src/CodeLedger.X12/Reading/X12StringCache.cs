namespace CodeLedger.X12.Reading;

/// <summary>
/// Codes repeat endlessly in claim files (qualifiers, CARCs, procedure codes, modifiers). This
/// small direct-mapped cache hands back the same string for the same bytes instead of allocating
/// a new one each time; a miss simply replaces the slot. Not thread-safe: one per parse.
/// </summary>
internal sealed class X12StringCache
{
    private const int MaxLength = 16;
    private readonly string?[] _slots = new string?[2048];

    public string Get(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            return string.Empty;
        }

        if (value.Length > MaxLength)
        {
            return X12Bytes.Text(value);
        }

        uint hash = 2166136261;
        foreach (var b in value)
        {
            hash = unchecked((hash ^ b) * 16777619);
        }

        ref var slot = ref _slots[hash & (uint)(_slots.Length - 1)];
        if (slot is { } cached && Matches(cached, value))
        {
            return cached;
        }

        var created = X12Bytes.Text(value);
        slot = created;
        return created;
    }

    public string? GetOrNull(ReadOnlySpan<byte> value) => value.IsEmpty ? null : Get(value);

    private static bool Matches(string cached, ReadOnlySpan<byte> value)
    {
        if (cached.Length != value.Length)
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] >= 0x80 || cached[i] != value[i])
            {
                return false;
            }
        }

        return true;
    }
}
