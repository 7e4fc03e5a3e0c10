using CodeLedger.Core.Codes;

namespace CodeLedger.Core.Tests.Codes;

public class IcdCodeTests
{
    [Theory]
    [InlineData("E11.9", "E119", "E11.9")]
    [InlineData("e119", "E119", "E11.9")]
    [InlineData("I10", "I10", "I10")]
    [InlineData("S72.001A", "S72001A", "S72.001A")]
    [InlineData(" M54.50 ", "M5450", "M54.50")]
    [InlineData("U07.1", "U071", "U07.1")]
    public void Dot_is_optional_on_input_and_normalized(string input, string canonical, string dotted)
    {
        var code = IcdCode.Parse(input);
        Assert.Equal(canonical, code.Value);
        Assert.Equal(dotted, code.Dotted);
    }

    [Theory]
    [InlineData("E1", "3 to 7")]
    [InlineData("S72001AX", "3 to 7")]
    [InlineData("119", "letter")]
    [InlineData("EE1", "digit in position 2")]
    [InlineData("E11-9", "position 4")]
    [InlineData("E1.19", "position 3")]
    [InlineData("", "3 to 7")]
    public void Malformed_shapes_are_refused(string input, string reason)
    {
        Assert.False(IcdCode.TryParse(input, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Codes_with_and_without_dot_are_equal() => Assert.Equal(IcdCode.Parse("E11.9"), IcdCode.Parse("E119"));
}
