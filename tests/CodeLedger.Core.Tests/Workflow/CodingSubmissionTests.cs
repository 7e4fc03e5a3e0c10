using CodeLedger.Core.Common;
using CodeLedger.Core.EvaluationAndManagement;
using CodeLedger.Core.Workflow;

namespace CodeLedger.Core.Tests.Workflow;

public class CodingSubmissionTests
{
    [Fact]
    public void Reads_diagnoses_lines_and_the_optional_em_documentation()
    {
        var coding = CodingSubmission.Parse("""
            {"diagnoses": ["E11.9", "I10"],
             "lines": [{"code": "99214", "modifiers": ["25"], "units": 1, "charge": "185.00", "pointers": [1, 2]}],
             "em": {"patient": "established", "problems": ["chronic-exacerbation"], "data": {"testsOrdered": 2}, "risk": "moderate", "totalMinutes": 32}}
            """);
        Assert.Equal(["E119", "I10"], coding.Diagnoses.Select(d => d.Value));
        Assert.Equal("25", coding.Lines.Single().Modifiers.Single().Value);
        Assert.Equal((RiskLevel.Moderate, 32, 2), (coding.Em!.Risk, coding.Em.TotalMinutes, coding.Em.Data.TestsOrdered));
    }

    [Fact]
    public void Without_em_the_level_check_has_nothing_to_compare()
    {
        var coding = CodingSubmission.Parse("""{"diagnoses": ["I10"], "lines": [{"code": "99213", "charge": "100", "pointers": [1]}]}""");
        Assert.Null(coding.Em);
    }

    [Fact]
    public void Misspelt_em_field_is_refused_by_name()
    {
        var e = Assert.Throws<DomainException>(() => CodingSubmission.Parse("""
            {"diagnoses": ["I10"], "lines": [{"code": "99213", "charge": "100", "pointers": [1]}],
             "em": {"patient": "established", "problems": [], "risk": "low", "minutes": 20}}
            """));
        Assert.Equal("CODING-INVALID", e.Code);
        Assert.Contains("\"em\": unknown field 'minutes'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_field_is_named_at_once_with_its_path()
    {
        var e = Assert.Throws<DomainException>(() => CodingSubmission.Parse("""
            {"diagnoses": ["E11.9", "Q"], "lines": [{"code": "99213", "charge": "12.345", "pointers": [1], "unit": 2}], "extra": true,
             "em": {"patient": "old", "problems": [], "risk": "low"}}
            """));

        Assert.Equal("CODING-INVALID", e.Code);
        Assert.Contains("(at diagnoses[1])", e.Message, StringComparison.Ordinal);
        Assert.Contains("(at lines[0].charge)", e.Message, StringComparison.Ordinal);
        Assert.Contains("unknown field 'lines[0].unit'", e.Message, StringComparison.Ordinal);
        Assert.Contains("unknown field 'extra'", e.Message, StringComparison.Ordinal);
        Assert.Contains("\"em\": unknown patient \"old\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Charge_may_be_a_number_and_units_default_to_one()
    {
        var line = CodingSubmission.Parse("""{"diagnoses": ["I10"], "lines": [{"code": "99213", "charge": 100, "pointers": [1]}]}""").Lines.Single();

        Assert.Equal(("100.00", 1m), (line.Charge.ToString(), line.Units));
    }
}
