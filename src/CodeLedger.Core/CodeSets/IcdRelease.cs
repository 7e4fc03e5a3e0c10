using CodeLedger.Core.Codes;

namespace CodeLedger.Core.CodeSets;

/// <summary>
/// An ICD-10-CM release: every order-file line by code (canonical form, no dot). Held as parallel
/// arrays (packed key and flags per line, in order-file order; the lines sorted by key for lookups)
/// and a table of the code and both titles per line, decoded only when an entry is asked for, so
/// a release loaded from its index (<see cref="CodeSetIndex"/>) costs a few array copies.
/// </summary>
public sealed class IcdRelease : CodeSetRelease
{
    internal const byte PresentFlag = 1;
    internal const byte BillableFlag = 2;
    internal const byte ManifestationFlag = 4;

    private const int TextsPerEntry = 3;

    private readonly long[] keys;
    private readonly byte[] entryFlags;
    private readonly int[] byKey;
    private readonly long[] sortedKeys;
    private readonly StringTable texts;
    private readonly Lazy<IcdFlagTable> flags;
    private readonly Lazy<IReadOnlyList<IcdEntry>> entries;

    public IcdRelease(CodeSetReleaseInfo info, IEnumerable<IcdEntry> entries)
        : this(info, Columns(entries.ToList(), out var list), list)
    {
    }

    private IcdRelease(CodeSetReleaseInfo info, (long[] Keys, byte[] Flags, StringTable Texts) columns, IReadOnlyList<IcdEntry>? list)
        : base(info)
    {
        (keys, entryFlags, texts) = columns;
        if (texts.Count != keys.Length * TextsPerEntry || entryFlags.Length != keys.Length)
        {
            throw new FormatException("the ICD-10-CM index's columns differ in length");
        }

        // Order files list codes in code order, which is key order: then the lines need no sort.
        byKey = [.. Enumerable.Range(0, keys.Length)];
        sortedKeys = keys;
        if (!IsAscending(keys))
        {
            sortedKeys = [.. keys];
            Array.Sort(sortedKeys, byKey);
        }

        // Only the edit engine reads the flag table; `codes check` never builds it.
        flags = new(() => new IcdFlagTable([.. keys.Select((k, i) => (k, entryFlags[i]))]));
        this.entries = list is not null ? new(list) : new(() => [.. Enumerable.Range(0, keys.Length).Select(Entry)]);
    }

    /// <summary>Entries in order-file order.</summary>
    public IReadOnlyList<IcdEntry> Entries => entries.Value;

    public IcdEntry? Find(string code) => Find(IcdKeys.Pack(code));

    /// <summary>Lookup by <see cref="IcdKeys.Pack"/> key.</summary>
    public IcdEntry? Find(long key)
    {
        var i = Array.BinarySearch(sortedKeys, key);
        return i < 0 ? null : entries.IsValueCreated ? entries.Value[byKey[i]] : Entry(byKey[i]);
    }

    /// <summary>
    /// The edit engine's lookup: 0 when the code is not in the release, else <see cref="PresentFlag"/>
    /// with <see cref="BillableFlag"/> and <see cref="ManifestationFlag"/> as they apply, from a
    /// flat table without touching the entry object.
    /// </summary>
    internal byte Flags(long key) => flags.Value.Flags(key);

    internal void Write(IndexWriter w)
    {
        w.Array<long>(keys);
        w.Array<byte>(entryFlags);
        w.Strings(texts.All());
    }

    internal static IcdRelease Read(CodeSetReleaseInfo info, IndexReader r) =>
        new(info, (r.Array<long>(), r.Array<byte>(), r.Strings()), null);

    private static (long[], byte[], StringTable) Columns(List<IcdEntry> list, out List<IcdEntry> same)
    {
        same = list;
        var texts = new string[list.Count * TextsPerEntry];
        for (var i = 0; i < list.Count; i++)
        {
            (texts[i * TextsPerEntry], texts[(i * TextsPerEntry) + 1], texts[(i * TextsPerEntry) + 2]) = (list[i].Code.Value, list[i].ShortDescription, list[i].LongDescription);
        }

        return (
            [.. list.Select(e => IcdKeys.Pack(e.Code.Value))],
            [.. list.Select(e => (byte)(PresentFlag | (e.Billable ? BillableFlag : 0) | (e.IsManifestation ? ManifestationFlag : 0)))],
            new StringTable(texts));
    }

    private static bool IsAscending(long[] keys)
    {
        for (var i = 1; i < keys.Length; i++)
        {
            if (keys[i] <= keys[i - 1])
            {
                return false;
            }
        }

        return true;
    }

    private IcdEntry Entry(int i) => new(
        IcdCode.Parse(texts[i * TextsPerEntry]),
        (entryFlags[i] & BillableFlag) != 0,
        texts[(i * TextsPerEntry) + 1],
        texts[(i * TextsPerEntry) + 2]);
}
