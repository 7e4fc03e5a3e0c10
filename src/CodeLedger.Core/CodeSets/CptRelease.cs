using System.Collections.Frozen;
using CodeLedger.Core.Codes;

namespace CodeLedger.Core.CodeSets;

/// <summary>CPT descriptors from a user's licensed CSV (the AMA owns them; CodeLedger ships none).</summary>
public sealed class CptRelease : CodeSetRelease
{
    private readonly FrozenDictionary<int, string> byKey;

    public CptRelease(CodeSetReleaseInfo info, IEnumerable<KeyValuePair<string, string>> descriptors)
        : base(info)
    {
        var list = descriptors.ToList();
        Entries = list;
        byKey = list.ToFrozenDictionary(e => ProcedureCode.PackKey(e.Key), e => e.Value);
    }

    public IReadOnlyList<KeyValuePair<string, string>> Entries { get; }

    public string? Find(int codeKey) => byKey.GetValueOrDefault(codeKey);
}
