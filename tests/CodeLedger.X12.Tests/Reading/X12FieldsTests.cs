using System.Text;
using CodeLedger.X12.Reading;

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

    [Fact]
    public void The_string_cache_decodes_every_length_and_byte_exactly_as_UTF8()
    {
        // Values are packed with overlapping loads whose shape changes with the length: every
        // length from 1 to 20, ASCII and not, cut from a larger buffer so bytes around them differ.
        var cache = new X12StringCache();
        var random = new Random(7);
        var buffer = new byte[64];
        for (var round = 0; round < 4_000; round++)
        {
            var length = 1 + (round % 20);
            var ascii = round % 3 != 0;
            random.NextBytes(buffer);
            for (var i = 0; i < buffer.Length; i++)
            {
                buffer[i] = ascii ? (byte)(32 + (buffer[i] % 95)) : buffer[i];
            }

            var value = buffer.AsSpan(random.Next(0, 64 - length), length);
            var expected = Encoding.UTF8.GetString(value);
            Assert.Equal(expected, cache.Get(value));
            Assert.Equal(expected, cache.Get(value.ToArray()));
        }
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

    [Fact]
    public void Cents_agree_with_decimal_arithmetic_for_values_built_any_way()
    {
        // Cents are read from the decimal's scale, sign and mantissa: check them against arithmetic
        // on many values, including ones made by operations (not parsing) and negative zero.
        var random = new Random(3);
        for (var i = 0; i < 10_000; i++)
        {
            // Multiplying by 1.0 keeps the value and adds a decimal place: 12.34 becomes 12.340.
            var value = (random.Next(-1_000_000, 1_000_000) / 100m) * (i % 2 == 0 ? 1m : 1.0m);
            Assert.Equal(value.Scale <= 2 ? (long)(value * 100m) : X12Cents.None, X12Cents.Of(value));
        }

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

    [Fact]
    public void Interning_keys_match_a_byte_by_byte_packing_and_refuse_any_zero_byte()
    {
        // Every length up to nine, random bytes, and a zero planted in each position in turn.
        var random = new Random(7);
        for (var length = 0; length <= 9; length++)
        {
            for (var round = 0; round < 200; round++)
            {
                var value = new byte[length];
                random.NextBytes(value);
                for (var i = 0; i < length; i++)
                {
                    value[i] = (byte)Math.Max(value[i], (byte)1);
                }

                AssertPacksLikeByteByByte(value);
                for (var zero = 0; zero < length; zero++)
                {
                    var damaged = (byte[])value.Clone();
                    damaged[zero] = 0;
                    AssertPacksLikeByteByByte(damaged);
                }
            }
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
}
