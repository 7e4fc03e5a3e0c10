using System.Text.Json;
using CodeLedger.Cli;

namespace CodeLedger.Cli.Tests.EvaluationAndManagement;

public sealed class EmLevelCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("codeledger-em-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private (int Exit, string Out, string Err) Run(string json)
    {
        var file = Path.Combine(dir, "visit.json");
        File.WriteAllText(file, json);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CodeLedgerCommand.Run(["em", "level", file, "--json"], stdout, stderr, TestClock.Create());
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Prints_the_documented_json()
    {
        var (exit, output, _) = Run("""
            {"patient": "established", "problems": ["chronic-exacerbation"], "data": {"externalNotes": 0, "testsReviewed": 1,
             "testsOrdered": 1, "independentHistorian": false, "independentInterpretation": false, "externalDiscussion": false},
             "risk": "moderate", "totalMinutes": 62, "payer": "medicare"}
            """);
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        var r = doc.RootElement;
        Assert.Equal("moderate", r.GetProperty("mdm").GetString());
        Assert.Equal("99214", r.GetProperty("byMdm").GetString());
        Assert.Equal("99215", r.GetProperty("code").GetString());
        Assert.Equal("time", r.GetProperty("basis").GetString());
        Assert.Equal(JsonValueKind.Null, r.GetProperty("prolongedCode").ValueKind);
        Assert.Equal(0, r.GetProperty("prolongedUnits").GetInt32());
    }

    [Fact]
    public void Unknown_kind_exits_2_naming_it()
    {
        var (exit, _, err) = Run("""{"patient": "new", "problems": ["broken-leg"], "risk": "low", "totalMinutes": null}""");
        Assert.Equal(2, exit);
        Assert.Contains("broken-leg", err, StringComparison.Ordinal);
    }
}
