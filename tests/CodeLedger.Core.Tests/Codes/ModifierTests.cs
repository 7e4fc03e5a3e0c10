using CodeLedger.Core.Codes;

namespace CodeLedger.Core.Tests.Codes;

public class ModifierTests
{
    [Theory]
    [InlineData("25", "25")]
    [InlineData("xs", "XS")]
    [InlineData(" LT ", "LT")]
    public void Two_letters_or_digits_are_a_modifier(string input, string value) => Assert.Equal(value, Modifier.Parse(input).Value);

    [Theory]
    [InlineData("5")]
    [InlineData("591")]
    [InlineData("-2")]
    [InlineData("")]
    public void Anything_else_is_refused(string input) => Assert.False(Modifier.TryParse(input, out _));
}
