using System.Collections.Frozen;
using CodeLedger.Core.Codes;

namespace CodeLedger.Core.CodeSets;

/// <summary>A practitioner MUE release indexed by code key.</summary>
public sealed class MueRelease : CodeSetRelease
{
    private readonly FrozenDictionary<int, MueEntry> byKey;

    public MueRelease(CodeSetReleaseInfo info, IEnumerable<MueEntry> entries)
        : base(info)
    {
        var list = entries.ToList();
        Entries = list;
        byKey = list.ToFrozenDictionary(e => ProcedureCode.PackKey(e.Code));
    }

    public IReadOnlyList<MueEntry> Entries { get; }

    public MueEntry? Find(int codeKey) => byKey.GetValueOrDefault(codeKey);
}
