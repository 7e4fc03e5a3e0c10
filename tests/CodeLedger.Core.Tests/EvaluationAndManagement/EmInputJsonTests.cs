using CodeLedger.Core.EvaluationAndManagement;

namespace CodeLedger.Core.Tests.EvaluationAndManagement;

public class EmInputJsonTests
{
    [Fact]
    public void Reads_the_documented_input()
    {
        var input = EmInputJson.Parse("""
            {"patient": "established", "problems": ["stable-chronic", "chronic-exacerbation"],
             "data": {"externalNotes": 1, "testsReviewed": 2, "testsOrdered": 0, "independentHistorian": false,
                      "independentInterpretation": true, "externalDiscussion": false},
             "risk": "moderate", "totalMinutes": 35, "payer": "medicare"}
            """);
        Assert.Equal(PatientType.Established, input.Patient);
        Assert.Equal([ProblemKind.StableChronic, ProblemKind.ChronicExacerbation], input.Problems);
        Assert.Equal(new EmData(1, 2, 0, false, true, false), input.Data);
        Assert.Equal((RiskLevel.Moderate, 35, EmPayer.Medicare), (input.Risk, input.TotalMinutes, input.Payer));
    }

    [Fact]
    public void Unknown_kinds_and_fields_are_named()
    {
        var e = Assert.Throws<EmInputException>(() => EmInputJson.Parse("""
            {"patient": "new", "problems": ["stable-chronik"], "data": {"labs": 2}, "risk": "low", "totalMinutes": null, "extra": 1}
            """));
        Assert.Contains(e.Problems, p => p.Contains("stable-chronik", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Contains("data.labs", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Contains("extra", StringComparison.Ordinal));
    }

    [Fact]
    public void Writes_the_documented_output()
    {
        var json = EmInputJson.Write(EmLeveler.Level(new EmInput(PatientType.New, [ProblemKind.ThreatToLife], EmData.None, RiskLevel.High, 80)));
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var r = doc.RootElement;
        Assert.Equal("high", r.GetProperty("mdm").GetString());
        Assert.Equal("99205", r.GetProperty("byMdm").GetString());
        Assert.Equal("99205", r.GetProperty("byTime").GetString());
        Assert.Equal("time", r.GetProperty("basis").GetString());
        Assert.Equal("99417", r.GetProperty("prolongedCode").GetString());
        Assert.Equal(1, r.GetProperty("prolongedUnits").GetInt32());
    }

    [Fact]
    public void Written_input_reads_back_as_the_same_input()
    {
        var input = new EmInput(PatientType.New, [ProblemKind.UndiagnosedUncertain, ProblemKind.StableChronic],
            new EmData(2, 1, 3, true, false, true), RiskLevel.Moderate, null, EmPayer.Medicare);
        var again = EmInputJson.Parse(EmInputJson.WriteInput(input));
        Assert.Equal(input with { Problems = [] }, again with { Problems = [] });
        Assert.Equal(input.Problems, again.Problems);
    }

    [Fact]
    public void Written_input_is_the_exact_json_the_ledger_holds()
    {
        // coding.submitted carries this text; a change of a byte changes every demo ledger's hashes.
        var input = new EmInput(PatientType.Established, [ProblemKind.StableChronic, ProblemKind.AcuteComplicatedInjury], new EmData(0, 2, 1, false, true, false), RiskLevel.Low, null);

        Assert.Equal("""{"patient":"established","problems":["stable-chronic","acute-complicated-injury"],"data":{"externalNotes":0,"testsReviewed":2,"testsOrdered":1,"independentHistorian":false,"independentInterpretation":true,"externalDiscussion":false},"risk":"low","totalMinutes":null,"payer":"cpt"}""",
            EmInputJson.WriteInput(input));
    }

    [Fact]
    public void Wrong_types_are_named_with_their_path()
    {
        var e = Assert.Throws<EmInputException>(() => EmInputJson.Parse("""{"patient": "new", "problems": "stable-chronic", "data": {"testsOrdered": "two"}, "risk": "low", "totalMinutes": 1.5}"""));

        Assert.Equal(["'problems' must be an array", "'data.testsOrdered' must be a whole number", "'totalMinutes' must be a whole number"], e.Problems);
    }
}
