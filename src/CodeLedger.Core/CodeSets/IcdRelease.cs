using System.Collections.Frozen;

namespace CodeLedger.Core.CodeSets;

/// <summary>An ICD-10-CM release: every order-file line by code (canonical form, no dot).</summary>
public sealed class IcdRelease : CodeSetRelease
{
    internal const byte PresentFlag = 1;
    internal const byte BillableFlag = 2;
    internal const byte ManifestationFlag = 4;

    private readonly FrozenDictionary<long, IcdEntry> byKey;
    private readonly IcdFlagTable flags;

    public IcdRelease(CodeSetReleaseInfo info, IEnumerable<IcdEntry> entries)
        : base(info)
    {
        var list = entries.ToList();
        byKey = list.ToFrozenDictionary(e => IcdKeys.Pack(e.Code.Value));
        flags = new IcdFlagTable([.. list.Select(e => (IcdKeys.Pack(e.Code.Value), (byte)(PresentFlag | (e.Billable ? BillableFlag : 0) | (e.IsManifestation ? ManifestationFlag : 0))))]);
        Entries = list;
    }

    /// <summary>Entries in order-file order.</summary>
    public IReadOnlyList<IcdEntry> Entries { get; }

    public IcdEntry? Find(string code) => byKey.GetValueOrDefault(IcdKeys.Pack(code));

    /// <summary>
    /// The edit engine's lookup: 0 when the code is not in the release, else <see cref="PresentFlag"/>
    /// with <see cref="BillableFlag"/> and <see cref="ManifestationFlag"/> as they apply, from a
    /// flat table without touching the entry object.
    /// </summary>
    internal byte Flags(long key) => flags.Flags(key);

    /// <summary>Lookup by <see cref="IcdKeys.Pack"/> key.</summary>
    public IcdEntry? Find(long key) => byKey.GetValueOrDefault(key);
}
