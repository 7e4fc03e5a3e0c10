using System.Collections.Frozen;

namespace CodeLedger.Core.CodeSets;

/// <summary>An ICD-10-CM release: every order-file line by code (canonical form, no dot).</summary>
public sealed class IcdRelease : CodeSetRelease
{
    private readonly FrozenDictionary<long, IcdEntry> byKey;

    public IcdRelease(CodeSetReleaseInfo info, IEnumerable<IcdEntry> entries)
        : base(info)
    {
        var list = entries.ToList();
        byKey = list.ToFrozenDictionary(e => IcdKeys.Pack(e.Code.Value));
        Entries = list;
    }

    /// <summary>Entries in order-file order.</summary>
    public IReadOnlyList<IcdEntry> Entries { get; }

    public IcdEntry? Find(string code) => byKey.GetValueOrDefault(IcdKeys.Pack(code));

    /// <summary>Lookup by <see cref="IcdKeys.Pack"/> key: the edit engine's path.</summary>
    public IcdEntry? Find(long key) => byKey.GetValueOrDefault(key);
}
