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

internal sealed class X12ElementRule(X12Usage usage, X12ElementType type, int min, int max, byte[][]? codes)
{
    public X12Usage Usage { get; } = usage;

    public X12ElementType Type { get; } = type;

    public int Min { get; } = min;

    public int Max { get; } = max;

    /// <summary>The codes the guide allows, or null when it does not fix a list (external code sources).</summary>
    public byte[][]? Codes { get; } = codes;

    public bool Allows(ReadOnlySpan<byte> value)
    {
        foreach (var code in Codes!)
        {
            if (value.SequenceEqual(code))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>The element rules of one segment in one loop (index = element position; 0 unused).</summary>
internal sealed class X12SegmentRule(string id, X12ElementRule?[] elements)
{
    public string Id { get; } = id;

    public X12ElementRule?[] Elements { get; } = elements;
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
    // Key: segment id packed (X12SegmentIds) in the low 32 bits, loop index + 1 in the high bits;
    // loop index 0 in the key means "any loop" (the fallback).
    private readonly Dictionary<ulong, X12SegmentRule> _rules = [];
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
        var id = X12SegmentIds.Key(Encoding.ASCII.GetBytes(segment));
        if (loop is null)
        {
            _rules[id] = rule;
            return this;
        }

        foreach (var one in loop.Split(','))
        {
            _rules[id | ((ulong)(LoopIndex(one) + 1) << 32)] = rule;
        }

        return this;
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
        if (_rules.TryGetValue(key | ((ulong)(loop + 1) << 32), out var rule))
        {
            return rule;
        }

        return _rules.GetValueOrDefault(key);
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
