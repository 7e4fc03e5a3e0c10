using CodeLedger.Core.Codes;
using CodeLedger.Testing;

namespace CodeLedger.Core.Tests.Codes;

public class NpiTests
{
    [Theory]
    [InlineData("1234567893")]
    [InlineData("1245319599")]
    [InlineData(" 1234567893 ")]
    public void Valid_npi_is_accepted(string text) => Assert.True(Npi.TryParse(text, out _));

    [Theory]
    [InlineData("1234567890", "Luhn")]
    [InlineData("123456789", "10 digits")]
    [InlineData("12345678931", "10 digits")]
    [InlineData("123456789A", "10 digits")]
    [InlineData("", "10 digits")]
    [InlineData(null, "10 digits")]
    public void Invalid_npi_is_refused_with_the_reason(string? text, string reason)
    {
        Assert.False(Npi.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_digit_vectors_published_with_the_shared_data_all_agree()
    {
        var path = RepoPaths.Data("nucc", "npi_check_digit_vectors.csv");
        var lines = File.ReadAllLines(path);
        Assert.True(lines.Length > 1);
        var header = lines[0].Split(',');
        Assert.Equal(["npi", "expected", "note"], header);
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var cells = line.Split(',');
            var (npiColumn, expected) = (0, cells[1] == "valid");
            Assert.True(expected == Npi.TryParse(cells[npiColumn], out _), $"NPI {cells[npiColumn]} expected valid={expected}");
        }
    }
}
