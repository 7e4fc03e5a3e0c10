using FsCheck;
using FsCheck.Fluent;

namespace CodeLedger.X12.Tests.Reading;

/// <summary>
/// Many small uniform values from few FsCheck draws. A generator that makes hundreds of thousands of
/// bytes a run spends its time in the generator per value, not in the random numbers: one draw
/// from [0, radix^k) is split into its k digits in base radix instead (four rolls out of 100 or
/// four printable ASCII bytes a draw, three bytes of any value), each digit as uniform as a draw.
/// </summary>
internal static class Digits
{
    public static Gen<int[]> Of(int radix, int count)
    {
        var perDraw = 1;
        var limit = (long)radix;
        while (limit * radix - 1 <= int.MaxValue)
        {
            limit *= radix;
            perDraw++;
        }

        return Gen.ArrayOf(Gen.Choose(0, (int)(limit - 1)), (count + perDraw - 1) / perDraw).Select(draws =>
        {
            var digits = new int[count];
            for (var i = 0; i < count; i++)
            {
                var draw = draws[i / perDraw];
                for (var skip = i % perDraw; skip > 0; skip--)
                {
                    draw /= radix;
                }

                digits[i] = draw % radix;
            }

            return digits;
        });
    }
}
