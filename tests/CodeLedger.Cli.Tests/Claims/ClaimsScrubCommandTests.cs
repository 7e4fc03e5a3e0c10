using System.Text.Json;
using CodeLedger.Cli.Tests.Foundation;

namespace CodeLedger.Cli.Tests.Claims;

public sealed class ClaimsScrubCommandTests : IDisposable
{
    private const string Header = "claim_id,dos,pos,rendering_npi,patient_birth_date,patient_sex,dx1,dx2,dx3,dx4,dx5,dx6,dx7,dx8,dx9,dx10,dx11,dx12,code,modifiers,units,charge,pointers";

    private readonly TempFolder temp = new();

    public ClaimsScrubCommandTests() => Assert.Equal(0, CliRun.Of("codesets", "import", "--starter", "--db", Db).ExitCode);

    private string Db => temp.File("claims.db");

    public void Dispose() => temp.Dispose();

    private CliRun Scrub(string csv, bool json = true)
    {
        var file = temp.File("claims.csv");
        File.WriteAllText(file, Header + "\n" + csv);
        return json ? CliRun.Of("claims", "scrub", file, "--json", "--db", Db) : CliRun.Of("claims", "scrub", file, "--db", Db);
    }

    [Fact]
    public void Clean_claims_exit_0()
    {
        var run = Scrub("""
            A1,2026-10-05,11,1234567893,1958-02-11,F,I10,E78.5,,,,,,,,,,,99214,,1,150.00,1:2
            A1,2026-10-05,11,1234567893,1958-02-11,F,I10,E78.5,,,,,,,,,,,80061,,1,30.00,2
            """);
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.Equal(1, doc.RootElement.GetProperty("claims").GetInt32());
        Assert.Equal(2, doc.RootElement.GetProperty("lines").GetInt32());
        Assert.Empty(doc.RootElement.GetProperty("findings").EnumerateArray());
    }

    [Fact]
    public void Findings_name_rule_severity_claim_line_and_codes_and_malformed_rows_do_not_stop_the_rest()
    {
        var run = Scrub("""
            B1,2026-10-05,11,1234567893,1958-02-11,F,M17.11,,,,,,,,,,,,20610,RT,1,120.00,1
            B1,2026-10-05,11,1234567893,1958-02-11,F,M17.11,,,,,,,,,,,,99213,,1,90.00,1
            B2,2026-10-05,11,1234567893,1960-01-01,M,I10,,,,,,,,,,,,99213,,one,90.00,1
            """);
        Assert.Equal(1, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray().ToList();
        var ptp = findings.Single(f => f.GetProperty("rule").GetString() == "NCCI-PTP");
        Assert.Equal("error", ptp.GetProperty("severity").GetString());
        Assert.Equal("B1", ptp.GetProperty("claim").GetString());
        Assert.Equal(2, ptp.GetProperty("line").GetInt32());
        Assert.Equal(["20610", "99213"], ptp.GetProperty("codes").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains(findings, f => f.GetProperty("rule").GetString() == "EM-MODIFIER-25");
        var malformed = findings.Single(f => f.GetProperty("rule").GetString() == "INPUT-MALFORMED");
        Assert.Equal(4, malformed.GetProperty("line").GetInt32());
    }

    [Fact]
    public void Em_column_checks_the_billed_visit_against_its_documented_level()
    {
        var file = temp.File("em.csv");
        File.WriteAllText(file, Header + ",em\n" + """
            E1,2026-10-05,11,1234567893,1958-02-11,F,I10,,,,,,,,,,,,99215,,1,210.00,1,"{""patient"": ""established"", ""problems"": [""stable-chronic""], ""risk"": ""low""}"
            E2,2026-10-05,11,1234567893,1958-02-11,F,I10,,,,,,,,,,,,99215,,1,210.00,1,
            """);
        var run = CliRun.Of("claims", "scrub", file, "--json", "--db", Db);

        Assert.Equal(1, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        var level = doc.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("rule").GetString() == "EM-LEVEL-SUPPORT");
        Assert.Equal(("E1", "error"), (level.GetProperty("claim").GetString(), level.GetProperty("severity").GetString()));
        Assert.Equal(["99215", "99213"], level.GetProperty("codes").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public void Warnings_alone_exit_0()
    {
        var run = Scrub("""
            C1,2026-10-05,11,1234567893,1958-02-11,F,R07.9,,,,,,,,,,,,93000,,1,40.00,1
            C1,2026-10-05,11,1234567893,1958-02-11,F,R07.9,,,,,,,,,,,,93000,,1,40.00,1
            """, json: false);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("CLAIM-DUPLICATE-LINE", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_real_837P_is_scrubbed_claim_by_claim_with_its_own_claim_ids()
    {
        var file = CodeLedger.Testing.RepoPaths.Data("x12-samples", "837p", "imsweb", "x12_complex.txt");
        var run = CliRun.Of("claims", "scrub", file, "--json", "--db", Db);

        Assert.Equal(1, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.True(doc.RootElement.GetProperty("claims").GetInt32() >= 6, run.Out);

        // The sample's rendering NPI 1234567890 fails the check digit: every claim that uses it is flagged.
        Assert.Contains(findings, f => f.GetProperty("rule").GetString() == "NPI-INVALID" && f.GetProperty("claim").GetString() == "A37YH668");
        Assert.All(findings.Where(f => f.GetProperty("rule").GetString() != "INPUT-MALFORMED"), f => Assert.StartsWith("A37YH", f.GetProperty("claim").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Structural_837P_errors_are_INPUT_MALFORMED_findings_naming_the_segment()
    {
        var file = CodeLedger.Testing.RepoPaths.Data("x12-samples", "837p", "imsweb", "x12_missing_elements.txt");
        var run = CliRun.Of("claims", "scrub", file, "--json", "--db", Db);

        Assert.Equal(1, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        var malformed = doc.RootElement.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("rule").GetString() == "INPUT-MALFORMED").ToList();
        Assert.NotEmpty(malformed);
        Assert.All(malformed, f => Assert.StartsWith("X12 X12-", f.GetProperty("message").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public void An_835_is_refused_because_it_holds_no_claims_to_scrub()
    {
        var remittance = Directory.GetFiles(CodeLedger.Testing.RepoPaths.Data("x12-samples", "835"), "*", SearchOption.AllDirectories)
            .First(f => File.ReadAllText(f).Contains("ST*835*", StringComparison.Ordinal) && File.ReadAllText(f).Contains("005010X221A1", StringComparison.Ordinal));
        var run = CliRun.Of("claims", "scrub", remittance, "--db", Db);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("give an 837P", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Streamed_findings_are_those_of_a_whole_file_check_each_where_it_is_known(bool claimsApart)
    {
        var rows = new List<string>();
        var codes = new[] { "99213", "20610", "99214", "36415", "93000", "80061", "17110", "99396" };
        for (var c = 0; c < 60; c++)
        {
            for (var l = 0; l < 1 + (c % 4); l++)
            {
                var units = c % 17 == 5 && l == 1 ? "x" : (1 + (c % 3)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                rows.Add($"S{c},2026-10-{5 + (c % 20):00},11,1234567893,1958-02-11,F,{(c % 9 == 0 ? "E11" : "I10")},E78.5,,,,,,,,,,,{codes[(c + l) % codes.Length]},{(l == 0 && c % 2 == 0 ? "25" : string.Empty)},{units},90.00,{1 + (l % 2)}");
            }
        }

        var csv = Header + "\n" + string.Join("\n", rows) + "\n";
        var batch = CodeLedger.Core.Edits.ClaimCsvReader.Read(new StringReader(csv));
        var editor = new CodeLedger.Core.Edits.ClaimEditor(CodeLedger.Core.CodeSets.Starter.StarterCodeSet.Library());

        // Each malformed row's finding at its row, each claim's findings just after its last row.
        var expected = new List<(int Line, CodeLedger.Core.Edits.EditFinding Finding)>();
        var lastRow = rows.Select((r, i) => (Id: r[..r.IndexOf(',', StringComparison.Ordinal)], Line: i + 2)).GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.Max(r => r.Line));
        foreach (var claim in batch.Claims)
        {
            expected.AddRange(editor.Check(claim).Select(f => ((2 * lastRow[claim.Id]) + 1, f)));
        }

        expected.AddRange(batch.Malformed.Select(f => (2 * f.Line!.Value, f)));
        var inOrder = expected.Select((e, i) => (e, i)).OrderBy(x => x.e.Line).ThenBy(x => x.i).Select(x => x.e.Finding).ToList();
        var (claimCount, lineCount) = (batch.Claims.Length, batch.Lines);

        if (claimsApart)
        {
            // S3 comes back at the end: checked on its own, then flagged where it came back.
            var back = "S3,2026-10-08,11,1234567893,1958-02-11,F,I10,E78.5,,,,,,,,,,,99213,,1,90.00,1";
            rows.Add(back);
            var alone = CodeLedger.Core.Edits.ClaimCsvReader.Read(new StringReader(Header + "\n" + back + "\n")).Claims.Single();
            inOrder.AddRange(editor.Check(alone));
            inOrder.Add(new("INPUT-MALFORMED", CodeLedger.Core.Edits.EditSeverity.Error, "S3", rows.Count + 1, [],
                $"input line {rows.Count + 1}: claim S3 comes back after other claims' rows (it begins at line 8): a claim's rows must be adjacent, so its rows from here were checked as a claim of their own; sort the file by claim_id"));
            (claimCount, lineCount) = (claimCount + 1, lineCount + 1);
        }

        var run = Scrub(string.Join("\n", rows) + "\n");

        using var doc = JsonDocument.Parse(run.Out);
        var actual = doc.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("rule").GetString()} {f.GetProperty("claim").GetString()} {f.GetProperty("line")} {f.GetProperty("message").GetString()}").ToList();
        Assert.Equal(inOrder.Select(f => $"{f.Rule} {f.ClaimId} {(f.Line is { } l ? l.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty)} {f.Message}"), actual);
        Assert.Contains(inOrder, f => f.Rule == "INPUT-MALFORMED");
        Assert.Equal((claimCount, lineCount), (doc.RootElement.GetProperty("claims").GetInt32(), doc.RootElement.GetProperty("lines").GetInt32()));
    }

    [Fact]
    public void A_missing_input_file_is_one_line_exit_2_and_creates_no_database()
    {
        var db = temp.File("never.db");
        var run = CliRun.Of("claims", "scrub", temp.File("missing.csv"), "--db", db);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.Contains("cannot read", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public void A_csv_without_the_required_columns_is_refused_before_the_database_is_created()
    {
        var db = temp.File("never.db");
        var file = temp.File("bad.csv");
        File.WriteAllText(file, "claim_id,dos\nA1,2026-10-05\n");
        var run = CliRun.Of("claims", "scrub", file, "--db", db);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("lacks", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public void A_damaged_ptp_index_part_is_never_read_and_is_rebuilt_from_the_release()
    {
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Db};Pooling=false"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "UPDATE code_set_index_parts SET content = zeroblob(100)";
            Assert.True(cmd.ExecuteNonQuery() >= 1);
        }

        var run = Scrub("""
            B1,2026-10-05,11,1234567893,1958-02-11,F,M17.11,,,,,,,,,,,,20610,RT,1,120.00,1
            B1,2026-10-05,11,1234567893,1958-02-11,F,M17.11,,,,,,,,,,,,99213,,1,90.00,1
            """);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.Contains(doc.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "NCCI-PTP");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Db};Pooling=false"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT min(length(content)) FROM code_set_index_parts";
            Assert.True(Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 100);
        }
    }
}
