using System.Collections.Frozen;

namespace CodeLedger.Core.CodeSets;

/// <summary>An ICD-10-CM release: every order-file line by code (canonical form, no dot).</summary>
public sealed class IcdRelease : CodeSetRelease
{
    private readonly FrozenDictionary<string, IcdEntry> byCode;

    public IcdRelease(CodeSetReleaseInfo info, IEnumerable<IcdEntry> entries)
        : base(info)
    {
        var list = entries.ToList();
        byCode = list.ToFrozenDictionary(e => e.Code.Value, StringComparer.Ordinal);
        Entries = list;
    }

    /// <summary>Entries in order-file order.</summary>
    public IReadOnlyList<IcdEntry> Entries { get; }

    public IcdEntry? Find(string code) => byCode.GetValueOrDefault(code);
}
