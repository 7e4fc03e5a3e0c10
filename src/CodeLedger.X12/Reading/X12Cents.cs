using System.Runtime.CompilerServices;

namespace CodeLedger.X12.Reading;

/// <summary>
/// Balancing in whole cents. Real remittance amounts have at most two decimals, and a long
/// addition is many times cheaper than a decimal one, so the balancing sums are kept in cents and
/// compared as integers. An amount that is not a whole number of cents within ±10^13 (or a sum of
/// more than 2^20 amounts, so the long cannot wrap) makes the sum inexact, and the caller redoes
/// that check in decimal: either way the outcome is the exact decimal one.
/// </summary>
internal struct X12Cents
{
    /// <summary>What <see cref="Of"/> returns for an amount that is not whole cents within the limit.</summary>
    public const long None = long.MinValue;

    private const ulong Limit = 10_000_000_000_000;
    private const int MaxCount = 1 << 20;

    private long _cents;
    private int _count;
    private bool _inexact;

    public readonly bool IsExact => !_inexact;

    public readonly long Cents => _cents;

    /// <summary>Adds an amount already converted by <see cref="Of"/> (so one conversion serves several sums).</summary>
    public void Add(long cents)
    {
        if (cents == None || ++_count > MaxCount)
        {
            _inexact = true;
            return;
        }

        _cents += cents;
    }

    public void Clear() => this = default;

    public static long Of(decimal value)
    {
        // decimal has the OLE DECIMAL layout that interop depends on: two reserved bytes, the
        // scale, the sign (0x80), the high 32 bits, then the low 64 bits of the 96-bit mantissa.
        // Reading them in place is several times cheaper than decimal.GetBits on this hot path.
        ref var bytes = ref Unsafe.As<decimal, byte>(ref value);
        var scale = Unsafe.Add(ref bytes, 2);
        var high = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref bytes, 4));
        var magnitude = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref bytes, 8));
        if (high != 0 || scale > 2 || magnitude >= Limit)
        {
            return None;
        }

        var cents = magnitude * (scale == 0 ? 100UL : scale == 1 ? 10UL : 1UL);
        if (cents >= Limit)
        {
            return None;
        }

        return Unsafe.Add(ref bytes, 3) != 0 ? -(long)cents : (long)cents;
    }
}
