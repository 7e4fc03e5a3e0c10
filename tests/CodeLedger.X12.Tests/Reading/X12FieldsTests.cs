using System.Globalization;
using System.Text;
using CodeLedger.Testing;
using CodeLedger.X12.Reading;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CodeLedger.X12.Tests.Reading;

/// <summary>The element splitter, the string cache and the interning keys the builders rely on.</summary>
public class X12FieldsTests
{
    private static readonly X12Delimiters Delimiters = new((byte)'*', (byte)'^', (byte)':', (byte)'~');

    [Theory]
    [InlineData("LX*1")]
    [InlineData("SVC*HC:99213*183.33*126.5**1")]
    [InlineData("CLP*PCN000100001*1*338.67*244.83*10*12*PY760459740*11*1")]
    [InlineData("NM1*QC*1*GARCIA*JENNIFER****MI*M546763")]
    [InlineData("REF")]
    [InlineData("N3**")]
    [InlineData("BPR*I*1435054.14*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999999999*DA*654321*20240410")]
    public void Elements_are_those_of_a_plain_split(string text)
    {
        var expected = text.Split('*');
        Span<int> scratch = stackalloc int[33];
        var f = new X12Fields(new X12Segment(Encoding.ASCII.GetBytes(text), Delimiters, 1, 0), scratch);
        Assert.Equal(expected.Length - 1, f.Count);
        for (var i = 0; i < expected.Length + 2; i++)
        {
            var element = i < expected.Length ? expected[i] : string.Empty;
            Assert.Equal(element, Encoding.ASCII.GetString(f[i]));
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(9)]
    public void A_segment_longer_than_the_table_keeps_the_rest_in_the_last_element(int slots)
    {
        // 40 one-byte elements: the vectorised and the byte-by-byte paths both reach the limit.
        var text = "CAS*" + string.Join('*', Enumerable.Range(0, 40).Select(i => (char)('A' + (i % 26))));
        var raw = Encoding.ASCII.GetBytes(text);
        Span<int> scratch = stackalloc int[slots + 1];
        var f = new X12Fields(new X12Segment(raw, Delimiters, 1, 0), scratch);

        Span<Range> ranges = stackalloc Range[slots];
        var count = new X12Segment(raw, Delimiters, 1, 0).Split(ranges);
        Assert.Equal(count - 1, f.Count);
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(Encoding.ASCII.GetString(raw.AsSpan()[ranges[i]]), Encoding.ASCII.GetString(f[i]));
        }
    }

    [Theory]
    [InlineData("HC:99213", 8)]
    [InlineData("HC:99213:25:59", 8)]
    [InlineData("HC:99213:25:59:GT:XU:OFFICE VISIT", 9)]
    [InlineData("HC:99213:25:59:GT:XU:OFFICE VISIT:EXTRA:MORE", 9)]
    [InlineData("", 8)]
    [InlineData("::", 8)]
    public void Composite_components_are_those_the_scanning_lookup_gives(string text, int slots)
    {
        var element = Encoding.ASCII.GetBytes(text);
        Span<int> scratch = stackalloc int[slots];
        var composite = new X12Composite(element, (byte)':', scratch);
        for (var i = 0; i <= slots - 2; i++)
        {
            Assert.Equal(Encoding.ASCII.GetString(X12Bytes.Component(element, i, (byte)':')), Encoding.ASCII.GetString(composite[i]));
        }
    }

    [Fact]
    public void The_string_cache_returns_the_same_string_for_the_same_bytes_and_never_mixes_values()
    {
        var cache = new X12StringCache();
        var first = cache.Get("99213"u8);
        Assert.Same(first, cache.Get("99213"u8));
        Assert.Equal("9921", cache.Get("9921"u8));
        Assert.Equal("ABCDEFGHIJKLMNOP", cache.Get("ABCDEFGHIJKLMNOP"u8));
        Assert.Equal("ABCDEFGHIJKLMNOPQ", cache.Get("ABCDEFGHIJKLMNOPQ"u8));
        Assert.Equal("ÉTÉ", cache.Get("ÉTÉ"u8));
        Assert.Same(string.Empty, cache.Get(""u8));

        // Many distinct values through the same slots: every answer is still the right text.
        for (var i = 0; i < 20_000; i++)
        {
            var text = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(text, cache.Get(Encoding.ASCII.GetBytes(text)));
        }
    }

    [Fact]
    public void Every_two_byte_value_decodes_to_itself_and_repeats_give_the_same_string()
    {
        // Two-byte codes come from a table indexed by the bytes: every pair, printable or not.
        var cache = new X12StringCache();
        var other = new X12StringCache();
        for (var first = 0; first < 256; first++)
        {
            for (var second = 0; second < 256; second++)
            {
                byte[] value = [(byte)first, (byte)second];
                var expected = Encoding.UTF8.GetString(value);
                var text = cache.Get(value);
                Assert.Equal(expected, text);
                if (first is >= 0x20 and < 0x80 && second is >= 0x20 and < 0x80)
                {
                    Assert.Same(text, other.Get(value));
                }
            }
        }

        Assert.Equal("é", cache.Get("é"u8));
    }

    [Property(Replay = Properties.Replay, MaxTest = 4_000, Arbitrary = [typeof(Generated)])]
    public void The_string_cache_decodes_every_length_and_byte_exactly_as_UTF8(Cut cut)
    {
        // Values are packed with overlapping loads whose shape changes with the length (see
        // Generated.Cuts). A cache per case, so a shrunk case fails alone, with the person-name
        // cache's 256 slots, so 4,000 of them cost little: the first look-up misses and decodes,
        // the second (same bytes, another array) hits the slot the first one filled.
        var cache = new X12StringCache(slotBits: 8);
        var value = cut.Buffer.AsSpan(cut.Offset, cut.Length);
        var expected = Encoding.UTF8.GetString(value);
        Assert.Equal(expected, cache.Get(value));
        Assert.Equal(expected, cache.Get(value.ToArray()));
    }

    [Theory]
    [InlineData("12.34", 1234L)]
    [InlineData("-12.3", -1230L)]
    [InlineData("7", 700L)]
    [InlineData("0.01", 1L)]
    [InlineData("99999999999.99", 9999999999999L)]
    [InlineData("100000000000", X12Cents.None)]
    [InlineData("1.005", X12Cents.None)]
    public void Cents_are_exact_or_refused(string amount, long cents)
    {
        Assert.True(X12Bytes.TryParseDecimal(Encoding.ASCII.GetBytes(amount), out var value));
        Assert.Equal(cents, X12Cents.Of(value));
    }

    [Property(Replay = Properties.Replay, MaxTest = 10_000, Arbitrary = [typeof(Generated)])]
    public void Cents_agree_with_decimal_arithmetic_for_values_built_any_way(Amount amount)
    {
        // Cents are read from the decimal's scale, sign and mantissa: check them against arithmetic
        // on values made by operations (not parsing), whose scale is not the fewest digits.
        var value = amount.Value;
        Assert.Equal(value.Scale <= 2 ? (long)(value * 100m) : X12Cents.None, X12Cents.Of(value));
    }

    [Fact]
    public void Cents_of_negative_zero_are_zero_and_a_third_decimal_or_too_large_a_value_is_refused()
    {
        Assert.Equal(0L, X12Cents.Of(-0.00m));
        Assert.Equal(X12Cents.None, X12Cents.Of(0.125m));
        Assert.Equal(X12Cents.None, X12Cents.Of(decimal.MaxValue));
    }

    [Fact]
    public void A_sum_with_an_amount_that_is_not_whole_cents_is_inexact()
    {
        var sum = default(X12Cents);
        sum.Add(X12Cents.Of(10.25m));
        sum.Add(X12Cents.Of(-0.25m));
        Assert.True(sum.IsExact);
        Assert.Equal(1000L, sum.Cents);
        sum.Add(X12Cents.Of(0.001m));
        Assert.False(sum.IsExact);
    }

    [Fact]
    public void Interning_keys_keep_distinct_texts_distinct()
    {
        Assert.True(X12Interning.TryPack("10.0"u8, out var a));
        Assert.True(X12Interning.TryPack("10.00"u8, out var b));
        Assert.True(X12Interning.TryPack("12345678"u8, out _));
        Assert.False(X12Interning.TryPack("123456789"u8, out _));
        Assert.NotEqual(a, b);
    }

    [Property(Replay = Properties.Replay, MaxTest = 2_000, Arbitrary = [typeof(Generated)])]
    public void Interning_keys_match_a_byte_by_byte_packing_and_refuse_any_zero_byte(Key key)
    {
        // The value, then the value with a zero planted in each position in turn.
        AssertPacksLikeByteByByte(key.Bytes);
        for (var zero = 0; zero < key.Bytes.Length; zero++)
        {
            var damaged = (byte[])key.Bytes.Clone();
            damaged[zero] = 0;
            AssertPacksLikeByteByByte(damaged);
        }
    }

    private static void AssertPacksLikeByteByByte(byte[] value)
    {
        var expected = value.Length <= 8 && !value.Contains((byte)0);
        ulong expectedKey = 0;
        for (var i = value.Length - 1; expected && i >= 0; i--)
        {
            expectedKey = (expectedKey << 8) | value[i];
        }

        Assert.Equal((expected, expectedKey), (X12Interning.TryPack(value, out var key), expected ? key : 0UL));
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("1.", "1")]
    [InlineData(".5", "0.5")]
    [InlineData("-.5", "-0.5")]
    [InlineData("10.00", "10.00")]
    [InlineData("999999999999999999", "999999999999999999")]
    public void Decimals_keep_their_digits_and_scale(string text, string expected)
    {
        Assert.True(X12Bytes.TryParseDecimal(Encoding.ASCII.GetBytes(text), out var value));
        Assert.Equal(expected, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(".")]
    [InlineData("-")]
    [InlineData("1.2.3")]
    [InlineData("--1")]
    [InlineData("1-")]
    [InlineData("1 ")]
    [InlineData("9999999999999999999")]
    public void Decimals_refuse_malformed_values(string text) =>
        Assert.False(X12Bytes.TryParseDecimal(Encoding.ASCII.GetBytes(text), out _));

    /// <summary>A value cut from a larger buffer.</summary>
    public sealed record Cut(byte[] Buffer, int Offset, int Length)
    {
        public override string ToString() => $"{Convert.ToHexString(Buffer, Offset, Length)} at {Offset} of {Convert.ToHexString(Buffer)}";
    }

    /// <summary>An amount as a parse would not make it: hundredths divided by 100, times 1, 1.0 or 1.00.</summary>
    public sealed record Amount(int Hundredths, decimal Factor)
    {
        public decimal Value => Hundredths / 100m * Factor;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Hundredths} / 100 * {Factor} = {Value}");
    }

    /// <summary>The bytes of a value to intern.</summary>
    public sealed record Key(byte[] Bytes)
    {
        public override string ToString() => Bytes.Length == 0 ? "(empty)" : Convert.ToHexString(Bytes);
    }

    /// <summary>FsCheck's generators for the properties above.</summary>
    public static class Generated
    {
        /// <summary>
        /// Every length from 1 to 20 (past 16 the cache is bypassed), two in three ASCII and the rest
        /// any byte, cut anywhere from a 64-byte buffer so the bytes around a value differ from it.
        /// </summary>
        public static Arbitrary<Cut> Cuts()
        {
            var cuts = from length in Gen.Choose(1, 20)
                       from ascii in Gen.Frequency((2, Gen.Constant(true)), (1, Gen.Constant(false)))
                       from buffer in ascii ? Digits.Of(95, 64).Select(d => d.Select(b => (byte)(32 + b))) : Digits.Of(256, 64).Select(d => d.Select(b => (byte)b))
                       from offset in Gen.Choose(0, 63 - length)
                       select new Cut([.. buffer], offset, length);
            return Arb.From(cuts, Shrink);
        }

        /// <summary>From -10,000.00 to 9,999.99 in hundredths; times 1.0 or 1.00 adds one or two places (12.34 becomes 12.340).</summary>
        public static Arbitrary<Amount> Amounts()
        {
            var amounts = from hundredths in Gen.Choose(-1_000_000, 999_999)
                          from factor in Gen.Elements(1m, 1.0m, 1.00m)
                          select new Amount(hundredths, factor);
            return Arb.From(amounts, a => Properties.Toward(0, a.Hundredths).Select(h => a with { Hundredths = h })
                .Concat(a.Factor.Scale > 0 ? [a with { Factor = 1m }] : []));
        }

        /// <summary>Every length up to nine (one past what a key holds), bytes from 1 to 255: the property plants the zeros.</summary>
        public static Arbitrary<Key> Keys()
        {
            var keys = from length in Gen.Choose(0, 9)
                       from bytes in Gen.ArrayOf(Gen.Choose(1, 255), length)
                       select new Key([.. bytes.Select(b => (byte)b)]);

            // One byte fewer, each position in turn.
            return Arb.From(keys, k => Enumerable.Range(0, k.Bytes.Length).Select(i => new Key([.. k.Bytes[..i], .. k.Bytes[(i + 1)..]])));
        }

        /// <summary>A shorter value, then zeros around it: the fewest bytes that still fail, and whether the bytes around count.</summary>
        private static IEnumerable<Cut> Shrink(Cut c)
        {
            foreach (var length in Properties.Toward(1, c.Length))
            {
                yield return c with { Length = length };
            }

            bool Around(int i) => i < c.Offset || i >= c.Offset + c.Length;
            if (c.Buffer.Where((b, i) => b != 0 && Around(i)).Any())
            {
                yield return c with { Buffer = [.. c.Buffer.Select((b, i) => Around(i) ? (byte)0 : b)] };
            }
        }
    }
}
