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

    // Acknowledgments take their control numbers from a database: each test has its own.
    private string Db => Path.Combine(_dir.FullName, "codeledger.db");

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
        var (exit, output, _) = Run("x12", "parse", CleanCombined(), "--json", "--claims");
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
        var (exit, text, _) = Run("x12", "ack", CleanCombined(), "--out", output, "--json", "--db", Db);
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
        var (exit, json, _) = Run("x12", "ack", path, "--out", output, "--json", "--db", Db);
        Assert.Equal(1, exit);
        Assert.Equal("R", Json(json).GetProperty("statusTa1").GetString());
        Assert.Contains("*R*001~", File.ReadAllText(Path.ChangeExtension(output, ".ta1")), StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Ack_of_not_X12_exits_2()
    {
        var path = Write("empty.x12", string.Empty);
        var (exit, _, error) = Run("x12", "ack", path, "--out", Path.Combine(_dir.FullName, "e.999"), "--db", Db);
        Assert.Equal(2, exit);
        Assert.Contains("X12-0001", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_acks_in_a_row_to_the_same_partner_get_different_control_numbers()
    {
        // x12 ack wrote ISA13 000000001 and GS06 1 every time; partners reject a repeated number.
        var sample = WithIsa14("no-ta1.837", '0');
        var first = Path.Combine(_dir.FullName, "first.999");
        var second = Path.Combine(_dir.FullName, "second.999");
        var (exit1, json1, _) = Run("x12", "ack", sample, "--out", first, "--json", "--db", Db);
        var (exit2, json2, _) = Run("x12", "ack", sample, "--out", second, "--json", "--db", Db);
        Assert.Equal((0, 0), (exit1, exit2));
        Assert.Equal((1, 2), (Json(json1).GetProperty("controlNumber999").GetInt32(), Json(json2).GetProperty("controlNumber999").GetInt32()));
        Assert.Equal(("000000001", "1"), Envelope(first));
        Assert.Equal(("000000002", "2"), Envelope(second));
    }

    [Fact]
    public void A_given_control_number_is_used_and_the_next_ack_follows_it()
    {
        var sample = WithIsa14("no-ta1.837", '0');
        var given = Path.Combine(_dir.FullName, "given.999");
        var next = Path.Combine(_dir.FullName, "next.999");
        var (exit, text, _) = Run("x12", "ack", sample, "--out", given, "--control-number", "4711", "--db", Db);
        Assert.Equal(0, exit);
        Assert.Contains("AK9 E, control number 4711", text, StringComparison.Ordinal);
        Assert.Equal(("000004711", "4711"), Envelope(given));
        Run("x12", "ack", sample, "--out", next, "--db", Db);
        Assert.Equal(("000004712", "4712"), Envelope(next));
    }

    [Fact]
    public void A_999_and_a_TA1_for_one_file_get_different_control_numbers()
    {
        // ISA14 = 1 asks for a TA1 as well as the 999: two interchanges to the same partner.
        var sample = WithIsa14("ta1-asked.837", '1');
        var output = Path.Combine(_dir.FullName, "asked.999");
        var (exit, json, _) = Run("x12", "ack", sample, "--out", output, "--json", "--db", Db);
        Assert.Equal(0, exit);
        var ack = Json(json);
        Assert.Equal((1, 2), (ack.GetProperty("controlNumber999").GetInt32(), ack.GetProperty("controlNumberTa1").GetInt32()));
        Assert.Equal(("000000001", "1"), Envelope(output));
        Assert.EndsWith("IEA*0*000000002~", File.ReadAllText(Path.ChangeExtension(output, ".ta1")), StringComparison.Ordinal);
        var (_, again, _) = Run("x12", "ack", sample, "--out", output, "--json", "--db", Db);
        Assert.Equal(3, Json(again).GetProperty("controlNumber999").GetInt32());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1000000000")]
    public void A_control_number_outside_nine_digits_is_refused_with_one_line(string number)
    {
        var output = Path.Combine(_dir.FullName, "refused.999");
        var (exit, _, error) = Run("x12", "ack", Sample("837p/oopfactory/Example1_2_And_3_Combined.txt"), "--out", output, "--control-number", number, "--db", Db);
        Assert.Equal(2, exit);
        Assert.Equal($"codeledger: --control-number {number}: an interchange control number is 1 to 999999999", error.Trim());
        Assert.False(File.Exists(output));
    }

    /// <summary>A copy of a clean 837P whose ISA14 asks for a TA1 (1) or not (0).</summary>
    private string WithIsa14(string name, char requested)
    {
        var text = File.ReadAllText(CleanCombined());
        var isa14 = text.IndexOf("*00501*000000905*", StringComparison.Ordinal) + "*00501*000000905*".Length;
        return Write(name, text[..isa14] + requested + text[(isa14 + 1)..]);
    }

    /// <summary>
    /// OopFactory's combined 837P with its one guide error mended: its second subscriber puts the claim
    /// filing indicator in SBR08, which 005010 does not use (X12-0509, docs/X12.md); moved to SBR09, the
    /// file is the clean two-set, three-claim 837P these tests need.
    /// </summary>
    private string CleanCombined()
    {
        var text = File.ReadAllText(Sample("837p/oopfactory/Example1_2_And_3_Combined.txt"));
        Assert.Contains("SBR*P*******CI~", text, StringComparison.Ordinal);
        return Write("combined-clean.837", text.Replace("SBR*P*******CI~", "SBR*P********CI~", StringComparison.Ordinal));
    }

    /// <summary>ISA13 and GS06 of a written 999.</summary>
    private static (string Isa13, string Gs06) Envelope(string path)
    {
        var segments = File.ReadAllText(path).Split('~');
        return (segments[0].Split('*')[13], segments[1].Split('*')[6]);
    }
}
