using CodeLedger.Core.Codes;

namespace CodeLedger.Core.Tests.Codes;

public class ProcedureCodeTests
{
    [Theory]
    [InlineData("99213", ProcedureCodeKind.CptCategoryI)]
    [InlineData("00100", ProcedureCodeKind.CptCategoryI)]
    [InlineData("3074F", ProcedureCodeKind.CptCategoryII)]
    [InlineData("0042T", ProcedureCodeKind.CptCategoryIII)]
    [InlineData("0001U", ProcedureCodeKind.CptLaboratory)]
    [InlineData("g2212", ProcedureCodeKind.HcpcsLevelII)]
    [InlineData("J3301", ProcedureCodeKind.HcpcsLevelII)]
    public void Shape_decides_the_system(string input, ProcedureCodeKind kind) => Assert.Equal(kind, ProcedureCode.Parse(input).Kind);

    [Theory]
    [InlineData("9921")]
    [InlineData("992133")]
    [InlineData("W1234")]
    [InlineData("A12B4")]
    [InlineData("1234X")]
    [InlineData("")]
    public void Malformed_codes_are_refused(string input) => Assert.False(ProcedureCode.TryParse(input, out _));

    [Fact]
    public void Office_visits_are_recognised() => Assert.True(ProcedureCode.Parse("99214").IsOfficeEm && !ProcedureCode.Parse("99221").IsOfficeEm);
}
