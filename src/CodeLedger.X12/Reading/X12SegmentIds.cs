using System.Runtime.CompilerServices;

namespace CodeLedger.X12.Reading;

/// <summary>
/// Segment identifiers packed into one integer (first byte lowest), so a builder dispatches with a
/// single switch on a number instead of a chain of byte-sequence comparisons on every segment.
/// </summary>
internal static class X12SegmentIds
{
    public const uint Ak1 = 'A' | ('K' << 8) | ('1' << 16);
    public const uint Ak2 = 'A' | ('K' << 8) | ('2' << 16);
    public const uint Ak9 = 'A' | ('K' << 8) | ('9' << 16);
    public const uint Ctx = 'C' | ('T' << 8) | ('X' << 16);
    public const uint Ik3 = 'I' | ('K' << 8) | ('3' << 16);
    public const uint Ik4 = 'I' | ('K' << 8) | ('4' << 16);
    public const uint Ik5 = 'I' | ('K' << 8) | ('5' << 16);
    public const uint Amt = 'A' | ('M' << 8) | ('T' << 16);
    public const uint Bht = 'B' | ('H' << 8) | ('T' << 16);
    public const uint Bpr = 'B' | ('P' << 8) | ('R' << 16);
    public const uint Cas = 'C' | ('A' << 8) | ('S' << 16);
    public const uint Clm = 'C' | ('L' << 8) | ('M' << 16);
    public const uint Clp = 'C' | ('L' << 8) | ('P' << 16);
    public const uint Dmg = 'D' | ('M' << 8) | ('G' << 16);
    public const uint Dtm = 'D' | ('T' << 8) | ('M' << 16);
    public const uint Dtp = 'D' | ('T' << 8) | ('P' << 16);
    public const uint Hi = 'H' | ('I' << 8);
    public const uint Hl = 'H' | ('L' << 8);
    public const uint Lin = 'L' | ('I' << 8) | ('N' << 16);
    public const uint Lq = 'L' | ('Q' << 8);
    public const uint Lx = 'L' | ('X' << 8);
    public const uint N1 = 'N' | ('1' << 8);
    public const uint N3 = 'N' | ('3' << 8);
    public const uint N4 = 'N' | ('4' << 8);
    public const uint Nm1 = 'N' | ('M' << 8) | ('1' << 16);
    public const uint Pat = 'P' | ('A' << 8) | ('T' << 16);
    public const uint Per = 'P' | ('E' << 8) | ('R' << 16);
    public const uint Plb = 'P' | ('L' << 8) | ('B' << 16);
    public const uint Ref = 'R' | ('E' << 8) | ('F' << 16);
    public const uint Sbr = 'S' | ('B' << 8) | ('R' << 16);
    public const uint Svc = 'S' | ('V' << 8) | ('C' << 16);
    public const uint Stc = 'S' | ('T' << 8) | ('C' << 16);
    public const uint Qty = 'Q' | ('T' << 8) | ('Y' << 16);
    public const uint Svd = 'S' | ('V' << 8) | ('D' << 16);
    public const uint Sv1 = 'S' | ('V' << 8) | ('1' << 16);
    public const uint Trn = 'T' | ('R' << 8) | ('N' << 16);

    // Control segments: the envelope validator's, never a builder's.
    public const uint Isa = 'I' | ('S' << 8) | ('A' << 16);
    public const uint Iea = 'I' | ('E' << 8) | ('A' << 16);
    public const uint Gs = 'G' | ('S' << 8);
    public const uint Ge = 'G' | ('E' << 8);
    public const uint St = 'S' | ('T' << 8);
    public const uint Se = 'S' | ('E' << 8);

    /// <summary>The packed identifier; 0 for anything that is not two or three bytes long.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Key(ReadOnlySpan<byte> id) => id.Length switch
    {
        2 => id[0] | ((uint)id[1] << 8),
        3 => id[0] | ((uint)id[1] << 8) | ((uint)id[2] << 16),
        _ => 0,
    };
}
