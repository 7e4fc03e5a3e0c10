using System.Collections.Frozen;
using CodeLedger.Core.Codes;

namespace CodeLedger.Core.CodeSets;

/// <summary>A fee schedule RVU release. Rows without a payment modifier are indexed by code key.</summary>
public sealed class RvuRelease : CodeSetRelease
{
    private readonly FrozenDictionary<int, RvuEntry> byKey;

    public RvuRelease(CodeSetReleaseInfo info, IEnumerable<RvuEntry> entries)
        : base(info)
    {
        var list = entries.ToList();
        Entries = list;
        ConversionFactor = list.Where(e => e.ConversionFactor is not null)
            .GroupBy(e => e.ConversionFactor!.Value)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => (decimal?)g.Key).FirstOrDefault();
        byKey = list.Where(e => e.Modifier.Length == 0)
            .GroupBy(e => ProcedureCode.PackKey(e.Code))
            .ToFrozenDictionary(g => g.Key, g => g.First());
    }

    public IReadOnlyList<RvuEntry> Entries { get; }

    /// <summary>
    /// Dollars per RVU the release carries (CMS's CONV FACTOR column, the same on every row of a
    /// release: 32.3465 in RVU25D, 33.4009 in RVU26A); the most common when rows differ; null when
    /// the file has no such column.
    /// </summary>
    public decimal? ConversionFactor { get; }

    /// <summary>The row without a payment modifier for a <see cref="ProcedureCode.Key"/>.</summary>
    public RvuEntry? Find(int codeKey) => byKey.GetValueOrDefault(codeKey);
}
