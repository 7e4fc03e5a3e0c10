using System.Text;
using System.Text.Json;
using CodeLedger.Cli;
using CodeLedger.Testing;

namespace CodeLedger.Cli.Tests.X12;

public class X12CommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("codeledger-x12-cli-");

    public void Dispose()
    {
        _dir.Delete(recursive: true);
        GC.SuppressFinalize(this);
    }

    private static string Sample(string relative) => RepoPaths.Data(["x12-samples", .. relative.Split('/')]);

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CodeLedgerCommand.Run(args, stdout, stderr, TestClock.Create());
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    [Fact]
    public void Parse_835_prints_kind_counts_and_exact_totals()
    {
        var (exit, output, _) = Run("x12", "parse", Sample("835/pyx12/835_mult_loops.txt"), "--json");
        Assert.Equal(0, exit);
        var json = Json(output);
        Assert.Equal("835", json.GetProperty("kind").GetString());
        Assert.Equal("005010X221A1", json.GetProperty("version").GetString());
        Assert.Equal(1, json.GetProperty("claims").GetInt32());
        Assert.Equal(915.39m, json.GetProperty("totalCharge").GetDecimal());
        Assert.Equal(0m, json.GetProperty("totalPaid").GetDecimal());
        Assert.Equal(0m, json.GetProperty("totalPayment").GetDecimal());
        Assert.Equal(0, json.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public void Parse_837P_with_claims_lists_each_claim_and_omits_835_totals()
    {
        var (exit, output, _) = Run("x12", "parse", Sample("837p/oopfactory/Example1_2_And_3_Combined.txt"), "--json", "--claims");
        Assert.Equal(0, exit);
        var json = Json(output);
        Assert.Equal("837P", json.GetProperty("kind").GetString());
        Assert.Equal(3, json.GetProperty("claims").GetInt32());
        Assert.Equal(3, json.GetProperty("claimDetails").GetArrayLength());
        Assert.Equal(279.04m, json.GetProperty("totalCharge").GetDecimal());
        Assert.False(json.TryGetProperty("totalPaid", out _));
        Assert.Equal("26463774", json.GetProperty("claimDetails")[0].GetProperty("patientControlNumber").GetString());
    }

    [Fact]
    public void Parse_of_a_file_with_structural_errors_exits_1_with_located_codes()
    {
        var (exit, output, _) = Run("x12", "parse", Sample("837p/imsweb/x12_bad_first_line.txt"), "--json");
        Assert.Equal(1, exit);
        var error = Json(output).GetProperty("errors").EnumerateArray().First(e => e.GetProperty("code").GetString() == "X12-0101");
        Assert.Equal(("error", 1, "ISA"), (error.GetProperty("severity").GetString(), error.GetProperty("segment").GetInt32(), error.GetProperty("segmentId").GetString()));
        Assert.Equal(JsonValueKind.Null, error.GetProperty("element").ValueKind);
    }

    [Fact]
    public void Parse_of_a_warning_only_file_exits_0()
    {
        var (exit, output, _) = Run("x12", "parse", Sample("837p/linuxforhealth/demo.837"), "--json");
        Assert.Equal(0, exit);
        Assert.Equal("warning", Json(output).GetProperty("errors")[0].GetProperty("severity").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("\u0089PNG\r\n\u001a\n garbage")]
    public void Parse_of_empty_or_binary_input_exits_2(string content)
    {
        var path = Write("input.bin", content);
        var (exit, output, _) = Run("x12", "parse", path, "--json");
        Assert.Equal(2, exit);
        var code = Json(output).GetProperty("errors")[0].GetProperty("code").GetString();
        Assert.Contains(code, new[] { "X12-0001", "X12-0002" });
    }

    [Fact]
    public void Parse_of_a_truncated_file_exits_1_with_missing_IEA()
    {
        var text = File.ReadAllText(Sample("835/linuxforhealth/demo.835"));
        var path = Write("truncated.835", text[..(text.Length / 2)]);
        var (exit, output, _) = Run("x12", "parse", path, "--json");
        Assert.Equal(1, exit);
        Assert.Contains(Json(output).GetProperty("errors").EnumerateArray(), e => e.GetProperty("code").GetString() == "X12-0104");
    }

    [Theory]
    [InlineData("4010-legacy/oopfactory/Cms1500Test.txt")]
    [InlineData("835/oopfactory/Example1.txt")]
    public void Parse_of_a_4010_file_is_unreadable_input_and_exits_2_with_the_version_error(string sample)
    {
        // README: exit 2 "when the file is not X12 (or is 004010, or UTF-16)". The second sample's
        // ISA12 is 00401 though its GS08 names a 005010 guide.
        var (exit, output, _) = Run("x12", "parse", Sample(sample), "--json");
        Assert.Equal(2, exit);
        Assert.Equal("X12-0103", Json(output).GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public void Parse_text_of_a_4010_file_names_the_version_and_exits_2()
    {
        var (exit, output, _) = Run("x12", "parse", Sample("4010-legacy/oopfactory/Cms1500Test.txt"));
        Assert.Equal(2, exit);
        Assert.Contains("X12-0103 error   segment 1 ISA12: version not supported: ISA12 is '00401'", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_of_a_missing_file_exits_2()
    {
        var (exit, _, error) = Run("x12", "parse", Path.Combine(_dir.FullName, "absent.x12"));
        Assert.Equal(2, exit);
        Assert.Contains("cannot read", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_text_output_names_kind_and_claims()
    {
        var (exit, output, _) = Run("x12", "parse", Sample("837p/oopfactory/Example1_HealthInsurance.txt"));
        Assert.Equal(0, exit);
        Assert.Contains("837P 005010X222, 1 interchange(s), 1 transaction set(s), 1 claim(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Ack_writes_an_accepting_999_for_a_clean_837P()
    {
        var output = Path.Combine(_dir.FullName, "out.999");
        var (exit, text, _) = Run("x12", "ack", Sample("837p/oopfactory/Example1_2_And_3_Combined.txt"), "--out", output, "--json");
        Assert.Equal(0, exit);
        var json = Json(text);
        Assert.Equal("E", json.GetProperty("status999").GetString());
        var ack = File.ReadAllText(output);
        Assert.Contains("AK1*HC*1*005010X222~", ack, StringComparison.Ordinal);
        Assert.Contains("AK9*E*2*2*2~", ack, StringComparison.Ordinal);

        // The written 999 is itself valid X12.
        var (reparse, reparseOut, _) = Run("x12", "parse", output, "--json");
        Assert.Equal(0, reparse);
        Assert.Equal("999", Json(reparseOut).GetProperty("kind").GetString());
    }

    [Fact]
    public void Ack_of_a_file_with_a_broken_envelope_writes_a_rejecting_TA1_and_exits_1()
    {
        var text = File.ReadAllText(Sample("837p/linuxforhealth/demo.837"));
        var path = Write("broken.837", text.Replace("IEA*1*000000907", "IEA*1*000000908", StringComparison.Ordinal));
        var output = Path.Combine(_dir.FullName, "broken.999");
        var (exit, json, _) = Run("x12", "ack", path, "--out", output, "--json");
        Assert.Equal(1, exit);
        Assert.Equal("R", Json(json).GetProperty("statusTa1").GetString());
        Assert.Contains("*R*001~", File.ReadAllText(Path.ChangeExtension(output, ".ta1")), StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Ack_of_not_X12_exits_2()
    {
        var path = Write("empty.x12", string.Empty);
        var (exit, _, error) = Run("x12", "ack", path, "--out", Path.Combine(_dir.FullName, "e.999"));
        Assert.Equal(2, exit);
        Assert.Contains("X12-0001", error, StringComparison.Ordinal);
    }
}
