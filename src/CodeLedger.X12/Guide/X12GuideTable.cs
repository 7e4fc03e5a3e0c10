using System.Text;
using CodeLedger.X12.Reading;

namespace CodeLedger.X12.Guide;

/// <summary>How an implementation guide uses an element.</summary>
internal enum X12Usage : byte
{
    /// <summary>R: must be present; the guide validator reports it missing.</summary>
    Required,

    /// <summary>r: must be present, but the transaction builder already reports it missing with its own message.</summary>
    RequiredByBuilder,

    /// <summary>S: situational; checked only when present.</summary>
    Situational,

    /// <summary>N: "not used" in this guide; present is an error.</summary>
    NotUsed,
}

/// <summary>X12 data element types as the guides use them (X12.6): what the length counts and what is checked.</summary>
internal enum X12ElementType : byte
{
    /// <summary>AN: any text; only the length is checked. Never copied into a 999 (it may be a name or an id).</summary>
    Text,

    /// <summary>ID: a code value, checked against the guide's list when it fixes one.</summary>
    Code,

    /// <summary>R: decimal; the length counts digits only (no sign, no point). The value is the builder's to parse.</summary>
    Decimal,

    /// <summary>N0: digits only.</summary>
    Count,

    /// <summary>DT: CCYYMMDD.</summary>
    Date,

    /// <summary>TM: HHMM, HHMMSS or HHMMSSD(D).</summary>
    Time,

    /// <summary>A composite: its components are the builder's to check.</summary>
    Composite,
}

internal sealed class X12ElementRule
{
    // Codes of up to 8 bytes packed into a ulong and sorted: one binary search instead of a
    // comparison per code (the state list has 73).
    private readonly ulong[]? _packed;

    public X12ElementRule(X12Usage usage, X12ElementType type, int min, int max, byte[][]? codes)
    {
        Usage = usage;
        Type = type;
        Min = min;
        Max = max;
        Codes = codes;
        if (codes is not null)
        {
            _packed = codes.Select(c => Pack(c)).Order().ToArray();
        }

        // A value whose length is within bounds needs nothing more: free text, composites (the
        // builder's), decimals (the digits are at most the length; the builder parses the value).
        LengthOnly = type is X12ElementType.Text or X12ElementType.Composite or X12ElementType.Decimal || (type == X12ElementType.Code && codes is null);
    }

    public X12Usage Usage { get; }

    public X12ElementType Type { get; }

    public int Min { get; }

    public int Max { get; }

    /// <summary>The codes the guide allows, or null when it does not fix a list (external code sources).</summary>
    public byte[][]? Codes { get; }

    /// <summary>True when a value of a length within Min..Max needs no further check.</summary>
    public bool LengthOnly { get; }

    public bool Allows(ReadOnlySpan<byte> value) => value.Length <= 8 && Array.BinarySearch(_packed!, Pack(value)) >= 0;

    private static ulong Pack(ReadOnlySpan<byte> value)
    {
        ulong packed = 0;
        for (var i = 0; i < value.Length && i < 8; i++)
        {
            packed |= (ulong)value[i] << (8 * i);
        }

        return packed | ((ulong)value.Length << 60);
    }
}

/// <summary>The element rules of one segment in one loop (index = element position; 0 unused).</summary>
internal sealed class X12SegmentRule(string id, X12ElementRule?[] elements)
{
    public string Id { get; } = id;

    public X12ElementRule?[] Elements { get; } = elements;

    /// <summary>The last position whose element the guide validator reports missing (0 when none).</summary>
    public int LastRequired { get; } = Array.FindLastIndex(elements, e => e?.Usage == X12Usage.Required) is var i && i > 0 ? i : 0;
}

/// <summary>
/// One guide's element rules as data: per segment, optionally per loop, a compact spec written
/// from the TR3 (FACTS.md §4): elements separated by '|', each "USAGE TYPE MIN-MAX [CODES]" where
/// USAGE is R, r (required, reported by the builder), S or N (not used), TYPE is AN, ID, R, N0,
/// DT, TM or C (composite), CODES a comma list or @NAME of a shared list; "-" leaves an element
/// unchecked. Positions past the spec are not used. Parsed once per process.
/// </summary>
internal sealed class X12GuideTable
{
    // Open addressing on the packed segment id: every body segment looks its rule up, so this is
    // a multiply, a load and a compare (a Dictionary lookup cost a third of the 835 parse). Each
    // entry holds the rule per loop, the "any loop" rule filled in where no loop has its own.
    private const int Slots = 256;
    private readonly Entry?[] _slots = new Entry?[Slots];
    private readonly Dictionary<string, string> _lists;
    private readonly string[] _loops;

    public X12GuideTable(string[] loops, Dictionary<string, string> lists)
    {
        _loops = loops;
        _lists = lists;
    }

    public X12GuideTable Add(string segment, string spec) => Add(segment, loop: null, spec);

    public X12GuideTable Add(string segment, string? loop, string spec)
    {
        var rule = Parse(segment, spec);
        var entry = Slot(X12SegmentIds.Key(Encoding.ASCII.GetBytes(segment)));
        if (loop is null)
        {
            entry.Default = rule;
            for (var i = 0; i < entry.ByLoop.Length; i++)
            {
                if (!entry.Own[i])
                {
                    entry.ByLoop[i] = rule;
                }
            }

            return this;
        }

        foreach (var one in loop.Split(','))
        {
            var index = LoopIndex(one);
            entry.ByLoop[index] = rule;
            entry.Own[index] = true;
        }

        return this;
    }

    private Entry Slot(uint key)
    {
        for (var i = Hash(key); ; i = (i + 1) & (Slots - 1))
        {
            if (_slots[i] is not { } entry)
            {
                return _slots[i] = new Entry(key, _loops.Length);
            }

            if (entry.Key == key)
            {
                return entry;
            }
        }
    }

    private static int Hash(uint key) => (int)((key * 2654435761u) >> 24);

    private sealed class Entry(uint key, int loops)
    {
        public uint Key { get; } = key;

        public X12SegmentRule? Default { get; set; }

        public X12SegmentRule?[] ByLoop { get; } = new X12SegmentRule?[loops];

        public bool[] Own { get; } = new bool[loops];
    }

    public int LoopIndex(string loop)
    {
        var index = Array.IndexOf(_loops, loop);
        return index >= 0 ? index : throw new ArgumentException($"loop {loop} is not in the guide's list", nameof(loop));
    }

    public string LoopName(int index) => _loops[index];

    /// <summary>The rule for this segment in this loop, or the segment's rule for any loop, or null.</summary>
    public X12SegmentRule? Find(uint key, int loop)
    {
        for (var i = Hash(key); ; i = (i + 1) & (Slots - 1))
        {
            var entry = _slots[i];
            if (entry is null)
            {
                return null;
            }

            if (entry.Key == key)
            {
                return entry.ByLoop[loop];
            }
        }
    }

    private X12SegmentRule Parse(string segment, string spec)
    {
        var parts = spec.Split('|');
        var elements = new X12ElementRule?[parts.Length + 1];
        for (var i = 0; i < parts.Length; i++)
        {
            var words = parts[i].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0 || words[0] == "-")
            {
                continue;
            }

            var usage = words[0] switch
            {
                "R" => X12Usage.Required,
                "r" => X12Usage.RequiredByBuilder,
                "S" => X12Usage.Situational,
                "N" => X12Usage.NotUsed,
                _ => throw new FormatException($"{segment}{i + 1:00}: usage '{words[0]}'"),
            };

            if (usage == X12Usage.NotUsed)
            {
                elements[i + 1] = new X12ElementRule(usage, X12ElementType.Text, 0, int.MaxValue, null);
                continue;
            }

            var type = words[1] switch
            {
                "AN" => X12ElementType.Text,
                "ID" => X12ElementType.Code,
                "R" => X12ElementType.Decimal,
                "N0" => X12ElementType.Count,
                "DT" => X12ElementType.Date,
                "TM" => X12ElementType.Time,
                "C" => X12ElementType.Composite,
                _ => throw new FormatException($"{segment}{i + 1:00}: type '{words[1]}'"),
            };

            var (min, max) = (0, int.MaxValue);
            if (words.Length > 2)
            {
                var range = words[2].Split('-');
                (min, max) = (int.Parse(range[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(range[1], System.Globalization.CultureInfo.InvariantCulture));
            }

            byte[][]? codes = null;
            if (words.Length > 3)
            {
                var list = words[3].StartsWith('@') ? _lists[words[3][1..]] : words[3];
                codes = list.Split(',').Select(Encoding.ASCII.GetBytes).ToArray();
            }

            elements[i + 1] = new X12ElementRule(usage, type, min, max, codes);
        }

        return new X12SegmentRule(segment, elements);
    }
}
