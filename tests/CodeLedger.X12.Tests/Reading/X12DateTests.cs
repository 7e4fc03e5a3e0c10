using System.Globalization;
using System.Text;
using CodeLedger.X12.Reading;

namespace CodeLedger.X12.Tests.Reading;

/// <summary>CCYYMMDD dates are parsed without DateTime: they must agree with it on every case that matters.</summary>
public class X12DateTests
{
    [Fact]
    public void Every_year_month_and_day_edge_agrees_with_the_framework()
    {
        int[] years = [0, 1, 4, 100, 400, 1582, 1899, 1900, 1999, 2000, 2023, 2024, 2100, 2400, 9999];
        foreach (var year in years)
        {
            for (var month = 0; month <= 13; month++)
            {
                for (var day = 0; day <= 32; day++)
                {
                    var text = $"{year:D4}{month:D2}{day:D2}";
                    var valid = DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expected);
                    Assert.Equal((valid, expected), (X12Bytes.TryParseDate(Encoding.ASCII.GetBytes(text), out var date), date));
                }
            }
        }
    }

    [Fact]
    public void Every_day_of_four_centuries_reads_back()
    {
        // 400 years is one full leap cycle of the Gregorian calendar.
        for (var date = new DateOnly(1900, 1, 1); date < new DateOnly(2300, 1, 1); date = date.AddDays(1))
        {
            Assert.True(X12Bytes.TryParseDate(Encoding.ASCII.GetBytes(date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)), out var read));
            Assert.Equal(date, read);
        }
    }

    [Theory]
    [InlineData("2024030")]
    [InlineData("202403011")]
    [InlineData("2024-3-1")]
    [InlineData("")]
    public void Anything_but_eight_bytes_is_refused(string text) =>
        Assert.False(X12Bytes.TryParseDate(Encoding.ASCII.GetBytes(text), out _));

    [Fact]
    public void A_byte_next_to_the_digits_in_any_position_is_refused()
    {
        // '/' and ':' sit either side of '0'–'9'; '?' shares their high nibble; 0xB5 differs only in its top bit.
        byte[] neighbours = [(byte)'/', (byte)':', (byte)'?', (byte)' ', 0xB5, (byte)'A', 0];
        for (var position = 0; position < 8; position++)
        {
            foreach (var neighbour in neighbours)
            {
                var bytes = Encoding.ASCII.GetBytes("20240315");
                bytes[position] = neighbour;
                Assert.False(X12Bytes.TryParseDate(bytes, out _), $"{Convert.ToHexString(bytes)}");
            }
        }
    }
}
