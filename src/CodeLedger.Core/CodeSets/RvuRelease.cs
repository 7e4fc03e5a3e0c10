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
        byKey = list.Where(e => e.Modifier.Length == 0)
            .GroupBy(e => ProcedureCode.PackKey(e.Code))
            .ToFrozenDictionary(g => g.Key, g => g.First());
    }

    public IReadOnlyList<RvuEntry> Entries { get; }

    /// <summary>The row without a payment modifier for a <see cref="ProcedureCode.Key"/>.</summary>
    public RvuEntry? Find(int codeKey) => byKey.GetValueOrDefault(codeKey);
}
