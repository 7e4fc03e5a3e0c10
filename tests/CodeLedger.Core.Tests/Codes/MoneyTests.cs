using System.Globalization;
using CodeLedger.Core.Codes;

namespace CodeLedger.Core.Tests.Codes;

public class MoneyTests
{
    [Fact]
    public void Parsing_and_formatting_ignore_the_machine_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var m = Money.Parse("1234.50");
            Assert.Equal(1234.50m, m.Amount);
            Assert.Equal("1234.50", m.ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData("12.345")]
    [InlineData("abc")]
    [InlineData("1,234.00")]
    [InlineData("")]
    public void Amounts_that_are_not_whole_cents_are_refused(string input) => Assert.False(Money.TryParse(input, out _));

    [Fact]
    public void Cents_round_trip() => Assert.Equal(Money.Parse("185.07"), Money.FromCents(Money.Parse("185.07").Cents));

    [Fact]
    public void Arithmetic_is_exact() => Assert.Equal(Money.Parse("0.30"), Money.Parse("0.10") + Money.Parse("0.20"));
}
