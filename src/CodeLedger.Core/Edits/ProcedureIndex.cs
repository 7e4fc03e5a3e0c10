using CodeLedger.Core.CodeSets;

namespace CodeLedger.Core.Edits;

/// <summary>
/// What the edit engine needs to know of each procedure code under one combination of releases,
/// flattened into one open-addressing table of 16-byte entries keyed by the code key: known in the
/// fee schedule or CPT, minor-procedure global period, MUE value and indicator, PTP ordinal. A
/// claim line costs one multiply and usually one cache line, instead of a frozen dictionary's
/// bucket and entry arrays and then one array per fact (up to six cache misses for a code of the
/// long tail, which the profile showed on every such line).
/// </summary>
internal sealed class ProcedureIndex
{
    private const byte KnownFlag = 1;
    private const byte MinorGlobalFlag = 2;

    private readonly ProcedureFacts[] slots;
    private readonly int shift;

    public ProcedureIndex(RvuRelease? rvu, MueRelease? mue, PtpRelease? ptp, CptRelease? cpt, IReadOnlySet<GlobalPeriod> minorPeriods)
    {
        var keys = new HashSet<int>();
        if (rvu is not null)
        {
            keys.UnionWith(rvu.Entries.Where(e => e.Modifier.Length == 0).Select(e => Codes.ProcedureCode.PackKey(e.Code)));
        }

        if (mue is not null)
        {
            keys.UnionWith(mue.Entries.Select(e => Codes.ProcedureCode.PackKey(e.Code)));
        }

        if (cpt is not null)
        {
            keys.UnionWith(cpt.Entries.Select(e => Codes.ProcedureCode.PackKey(e.Key)));
        }

        if (ptp is not null)
        {
            keys.UnionWith(ptp.Keys);
        }

        keys.Remove(-1);

        // At most half full, so probe runs stay short; the size is a power of two.
        var bits = 4;
        while ((1 << bits) < keys.Count * 2)
        {
            bits++;
        }

        slots = new ProcedureFacts[1 << bits];
        shift = 32 - bits;
        Count = keys.Count;
        foreach (var key in keys)
        {
            var row = rvu?.Find(key);
            var flags = (byte)((row is not null || cpt?.Find(key) is not null ? KnownFlag : 0)
                | (row is not null && minorPeriods.Contains(row.GlobalPeriod) ? MinorGlobalFlag : 0));
            var edit = mue?.Find(key);
            var i = Slot(key);
            while (slots[i].StoredKey != 0)
            {
                i = (i + 1) & (slots.Length - 1);
            }

            slots[i] = new ProcedureFacts(key + 1, ptp?.Ordinal(key) ?? -1, edit?.Value ?? -1, flags, edit?.Adjudication ?? 0);
        }
    }

    /// <summary>How many codes the index holds.</summary>
    public int Count { get; }

    /// <summary>The code's facts, or <see cref="ProcedureFacts.Unknown"/> when no release of the index holds it.</summary>
    public ProcedureFacts Find(int codeKey)
    {
        if (codeKey < 0)
        {
            return ProcedureFacts.Unknown;
        }

        var stored = codeKey + 1;
        var mask = slots.Length - 1;
        for (var i = Slot(codeKey); ; i = (i + 1) & mask)
        {
            var slot = slots[i];
            if (slot.StoredKey == stored)
            {
                return slot;
            }

            if (slot.StoredKey == 0)
            {
                return ProcedureFacts.Unknown;
            }
        }
    }

    private int Slot(int key) => (int)(unchecked((uint)key * 0x9E37_79B9u) >> shift);

    /// <summary>One code's entry; <see cref="StoredKey"/> is the code key plus one, 0 marking an empty slot.</summary>
    internal readonly record struct ProcedureFacts(int StoredKey, int PtpOrdinal, int MueValue, byte Flags, MueAdjudication MueIndicator)
    {
        public static ProcedureFacts Unknown { get; } = new(0, -1, -1, 0, 0);

        /// <summary>Any release of the index holds the code (in the fee schedule, MUE, PTP or CPT).</summary>
        public bool IsIndexed => StoredKey != 0;

        /// <summary>In the fee schedule (a row without payment modifier) or the CPT descriptors in force.</summary>
        public bool IsKnown => (Flags & KnownFlag) != 0;

        public bool IsMinorProcedure => (Flags & MinorGlobalFlag) != 0;
    }
}
