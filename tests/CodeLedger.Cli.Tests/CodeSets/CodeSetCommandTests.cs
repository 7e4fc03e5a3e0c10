using System.Text.Json;
using CodeLedger.Cli.Tests.Foundation;
using CodeLedger.Testing;

namespace CodeLedger.Cli.Tests.CodeSets;

public sealed class CodeSetCommandTests : IDisposable
{
    private readonly TempFolder temp = new();

    private string Db => temp.File("codesets.db");

    public void Dispose() => temp.Dispose();

    private CliRun Run(params string[] args) => CliRun.Of([.. args, "--db", Db]);

    private CliRun ImportIcd(string zip, string effective) =>
        Run("codesets", "import", "--kind", "icd10cm", "--file", RepoPaths.Data("icd10cm", zip), "--effective", effective, "--json");

    [Fact]
    public void Import_list_and_diff_two_icd10cm_releases()
    {
        Assert.Equal(0, ImportIcd("cms_2024_dx.zip", "2023-10-01").ExitCode);
        Assert.Equal(0, ImportIcd("cms_2025_dx.zip", "2024-10-01").ExitCode);

        var list = Run("codesets", "list", "--json");
        using (var doc = JsonDocument.Parse(list.Out))
        {
            Assert.Equal(["icd10cm@2023-10-01", "icd10cm@2024-10-01"], doc.RootElement.EnumerateArray().Select(r => r.GetProperty("release").GetString()));
            Assert.Equal(97_296, doc.RootElement[0].GetProperty("entries").GetInt32());
        }

        var diff = Run("codesets", "diff", "--kind", "icd10cm", "--from", "2023-10-01", "--to", "icd10cm@2024-10-01", "--json");
        Assert.Equal(0, diff.ExitCode);
        using var d = JsonDocument.Parse(diff.Out);
        int Count(string change, bool billable) => d.RootElement.GetProperty(change).EnumerateArray().Count(e => e.GetProperty("billable").GetBoolean() == billable);
        Assert.Equal((252, 36, 13), (Count("added", true), Count("deleted", true), Count("revised", true)));
        Assert.Equal(72, Count("added", false));
    }

    [Fact]
    public void Importing_the_same_file_twice_is_a_no_op_with_one_ledger_event()
    {
        var path = RepoPaths.Data("ncci", "MCR_MUE_PractitionerServices_Eff_04-01-2024_RECONSTRUCTED.csv.gz");
        var first = Run("codesets", "import", "--kind", "mue", "--file", path, "--effective", "2024-04-01", "--json");
        var again = Run("codesets", "import", "--kind", "mue", "--file", path, "--effective", "2024-04-01", "--json");

        Assert.Equal(0, again.ExitCode);
        using var a = JsonDocument.Parse(first.Out);
        using var b = JsonDocument.Parse(again.Out);
        Assert.False(a.RootElement[0].GetProperty("alreadyImported").GetBoolean());
        Assert.True(b.RootElement[0].GetProperty("alreadyImported").GetBoolean());
        Assert.Equal(0, Run("ledger", "export", "--out", temp.File("ledger.jsonl")).ExitCode);
        Assert.Single(File.ReadAllLines(temp.File("ledger.jsonl")), l => l.Contains("codeset.imported", StringComparison.Ordinal));
        Assert.Equal(0, Run("ledger", "verify").ExitCode);
    }

    [Theory]
    [InlineData("--effective", "2024-07-01")]
    [InlineData("--through", "2024-12-31")]
    public void The_same_file_with_another_period_is_refused_naming_the_existing_range_and_nothing_changes(string option, string value)
    {
        var path = RepoPaths.Data("ncci", "MCR_MUE_PractitionerServices_Eff_04-01-2024_RECONSTRUCTED.csv.gz");
        Assert.Equal(0, Run("codesets", "import", "--kind", "mue", "--file", path, "--effective", "2024-04-01").ExitCode);
        string[] other = option == "--effective" ? ["--effective", value] : ["--effective", "2024-04-01", "--through", value];

        var again = Run(["codesets", "import", "--kind", "mue", "--file", path, .. other]);

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("CODESET-ALREADY-IMPORTED", again.Error, StringComparison.Ordinal);
        Assert.Contains("already imported as mue@2024-04-01, in force 2024-04-01 to 2024-06-30", again.Error, StringComparison.Ordinal);
        Assert.Empty(again.Out);
        using var list = JsonDocument.Parse(Run("codesets", "list", "--json").Out);
        var release = Assert.Single(list.RootElement.EnumerateArray());
        Assert.Equal("mue@2024-04-01", release.GetProperty("release").GetString());
        Assert.Equal(0, Run("ledger", "export", "--out", temp.File("ledger.jsonl")).ExitCode);
        Assert.Single(File.ReadAllLines(temp.File("ledger.jsonl")), l => l.Contains("codeset.imported", StringComparison.Ordinal));
    }

    [Fact]
    public void Malformed_file_is_refused_naming_file_and_line_and_nothing_is_stored()
    {
        var bad = temp.File("icd10cm_order_bad.txt");
        File.WriteAllText(bad, "00001 A00     0 Cholera                                                      Cholera\n00002 A000    X Cholera due to Vibrio cholerae 01, biovar cholerae           Cholera due to Vibrio cholerae 01\n");

        var run = Run("codesets", "import", "--kind", "icd10cm", "--file", bad, "--effective", "2025-10-01");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("icd10cm_order_bad.txt, line 2", run.Error, StringComparison.Ordinal);
        Assert.Equal("[]", Run("codesets", "list", "--json").Out.Trim());
    }

    [Fact]
    public void Unknown_kind_is_a_usage_error() =>
        Assert.Equal(2, Run("codesets", "import", "--kind", "icd9", "--file", "x", "--effective", "2025-10-01").ExitCode);

    [Fact]
    public void Codes_check_tells_billable_header_and_inactive()
    {
        Assert.Equal(0, ImportIcd("cms_2025_dx.zip", "2024-10-01").ExitCode);

        var billable = Run("codes", "check", "E11.9", "--dos", "2025-03-04", "--json");
        Assert.Equal(0, billable.ExitCode);
        using (var doc = JsonDocument.Parse(billable.Out))
        {
            Assert.Equal("ICD-10-CM", doc.RootElement.GetProperty("system").GetString());
            Assert.True(doc.RootElement.GetProperty("billable").GetBoolean());
            Assert.Equal("2024-10-01", doc.RootElement.GetProperty("effectiveFrom").GetString());
        }

        var header = Run("codes", "check", "E11", "--dos", "2025-03-04", "--json");
        Assert.Equal(1, header.ExitCode);
        using (var doc = JsonDocument.Parse(header.Out))
        {
            Assert.Equal("ICD-NOT-BILLABLE", doc.RootElement.GetProperty("problem").GetString());
        }

        var outside = Run("codes", "check", "E11.9", "--dos", "2026-03-04", "--json");
        using (var doc = JsonDocument.Parse(outside.Out))
        {
            Assert.Equal("CODE-INACTIVE", doc.RootElement.GetProperty("problem").GetString());
            Assert.Contains("icd10cm@2024-10-01", doc.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_damaged_index_is_rebuilt_from_its_release_and_never_read()
    {
        Assert.Equal(0, ImportIcd("cms_2025_dx.zip", "2024-10-01").ExitCode);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Db};Pooling=false"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "UPDATE code_set_indexes SET content = zeroblob(100)";
            Assert.Equal(1, cmd.ExecuteNonQuery());
        }

        var run = Run("codes", "check", "E11.9", "--dos", "2025-03-04", "--json");
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.True(doc.RootElement.GetProperty("billable").GetBoolean());
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Db};Pooling=false"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT length(content) FROM code_set_indexes";
            Assert.True(Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 100_000);
        }
    }
}
