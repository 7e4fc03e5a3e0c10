using System.Collections.Frozen;

namespace CodeLedger.Core.CodeSets;

/// <summary>A HCPCS Level II release: codes (RECID 3) and Level II modifiers (RECID 7).</summary>
public sealed class HcpcsRelease : CodeSetRelease
{
    private readonly FrozenDictionary<string, HcpcsEntry> codes;
    private readonly FrozenDictionary<string, HcpcsEntry> modifiers;

    public HcpcsRelease(CodeSetReleaseInfo info, IEnumerable<HcpcsEntry> entries)
        : base(info)
    {
        var list = entries.ToList();
        Entries = list;
        codes = list.Where(e => !e.IsModifier).ToFrozenDictionary(e => e.Code, StringComparer.Ordinal);
        modifiers = list.Where(e => e.IsModifier).ToFrozenDictionary(e => e.Code, StringComparer.Ordinal);
    }

    public IReadOnlyList<HcpcsEntry> Entries { get; }

    public int ModifierCount => modifiers.Count;

    public HcpcsEntry? FindCode(string code) => codes.GetValueOrDefault(code);

    public HcpcsEntry? FindModifier(string modifier) => modifiers.GetValueOrDefault(modifier);
}
