namespace CodeLedger.Cli.Tests.Workflow;

public sealed class WorkflowCommandTests
{
    [Fact]
    public async Task Import_without_an_agreement_exits_1_with_one_line_naming_it_and_no_patient_data()
    {
        using var world = await CliWorld.CreateAsync();
        var file = world.Write("visit.json", CliWorld.Bundle("EHR-1"));

        var (exit, stdout, stderr) = world.Run("import", "encounters", file, "--practice", "NO-BAA", "--vendor", "ACME");

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, stdout);
        var line = Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Contains("BAA-NOT-IN-FORCE", line, StringComparison.Ordinal);
        Assert.Contains("NO-BAA", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Quintanilla", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_then_reimport_reports_new_then_unchanged()
    {
        using var world = await CliWorld.CreateAsync();
        var file = world.Write("visit.json", CliWorld.Bundle("EHR-1"));

        var first = world.Run("import", "encounters", file, "--practice", "FM-NORTH", "--vendor", "ACME");
        var second = world.Run("import", "encounters", file, "--practice", "FM-NORTH", "--vendor", "ACME");

        Assert.Equal((0, 0), (first.Exit, second.Exit));
        Assert.Contains("1 new (primary 1", first.Out, StringComparison.Ordinal);
        Assert.Contains("1 unchanged", second.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Imported_patient_and_note_are_not_in_the_database_file_in_clear()
    {
        using var world = await CliWorld.CreateAsync();
        var (exit, _, _) = world.Run("import", "encounters", world.Write("visit.json", CliWorld.Bundle("EHR-1")), "--practice", "FM-NORTH", "--vendor", "ACME");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var stored = File.ReadAllBytes(world.Db).Concat(File.Exists(world.Db + "-wal") ? File.ReadAllBytes(world.Db + "-wal") : []).ToArray();
        var bytes = System.Text.Encoding.Latin1.GetString(stored);

        Assert.Equal(0, exit);
        Assert.True(File.Exists(world.Db + ".phikey"));
        Assert.DoesNotContain("Quintanilla", bytes, StringComparison.Ordinal);
        Assert.Contains("phi1:", bytes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assigned_coder_reads_patient_and_note_and_the_read_is_ledgered_without_phi()
    {
        using var world = await CliWorld.CreateAsync();
        world.Run("import", "encounters", world.Write("visit.json", CliWorld.Bundle("EHR-1")), "--practice", "FM-NORTH", "--vendor", "ACME");

        var shown = world.Run("encounters", "show", "EHR-1", "--as", "jdoe");
        var refused = world.Run("encounters", "show", "EHR-1", "--as", "mallory");
        var exported = world.Run("ledger", "export", "--out", Path.Combine(world.Folder, "ledger.jsonl"));
        var ledger = (exported.Exit, Out: File.ReadAllText(Path.Combine(world.Folder, "ledger.jsonl")));

        Assert.Equal((0, 1), (shown.Exit, refused.Exit));
        Assert.Contains("Quintanilla, Rosa", shown.Out, StringComparison.Ordinal);
        Assert.Contains("MBR-SECRET-77", shown.Out, StringComparison.Ordinal);
        Assert.Equal(string.Empty, refused.Out);
        Assert.Contains("ACCESS-ROLE-REFUSED", refused.Err, StringComparison.Ordinal);
        var events = ledger.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(events, e => e.Contains("\"phi.read\"", StringComparison.Ordinal) && e.Contains("jdoe", StringComparison.Ordinal));
        Assert.Single(events, e => e.Contains("\"phi.read-refused\"", StringComparison.Ordinal) && e.Contains("mallory", StringComparison.Ordinal));
        Assert.DoesNotContain("Quintanilla", ledger.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("MBR-SECRET-77", ledger.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Phi_key_prints_a_new_256_bit_key()
    {
        var first = CliRun.Of("db", "phi-key");
        var second = CliRun.Of("db", "phi-key");

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Equal(32, Convert.FromBase64String(first.Out.Trim()).Length);
        Assert.NotEqual(first.Out, second.Out);
    }

    [Fact]
    public async Task Bundle_missing_a_field_is_refused_naming_resource_and_field()
    {
        using var world = await CliWorld.CreateAsync();
        var file = world.Write("visit.json", CliWorld.Bundle("EHR-1", omitDocumentDate: "yes"));

        var (exit, _, stderr) = world.Run("import", "encounters", file, "--practice", "FM-NORTH", "--vendor", "ACME");

        Assert.Equal(1, exit);
        Assert.Contains("INTAKE-MISSING-FIELD", stderr, StringComparison.Ordinal);
        Assert.Contains("DocumentReference.date", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bundle_with_an_invalid_gender_exits_1_naming_the_element_with_no_stack_trace_no_value_and_nothing_stored()
    {
        using var world = await CliWorld.CreateAsync();
        var file = world.Write("visit.json", CliWorld.Bundle("EHR-1").Replace("\"female\"", "\"Quintanillaish\"", StringComparison.Ordinal));
        var ledger = Path.Combine(world.Folder, "ledger.jsonl");
        world.Run("ledger", "export", "--out", ledger);
        var before = await File.ReadAllTextAsync(ledger, TestContext.Current.CancellationToken);

        var (exit, stdout, stderr) = world.Run("import", "encounters", file, "--practice", "FM-NORTH", "--vendor", "ACME");

        Assert.Equal((1, string.Empty), (exit, stdout));
        Assert.Equal("codeledger: INTAKE-INVALID-FIELD: visit.json entry[0]: Patient.gender: not a valid administrative-gender code", stderr.TrimEnd());
        world.Run("ledger", "export", "--out", ledger);
        Assert.Equal(before, await File.ReadAllTextAsync(ledger, TestContext.Current.CancellationToken));
        var good = world.Run("import", "encounters", world.Write("good.json", CliWorld.Bundle("EHR-1")), "--practice", "FM-NORTH", "--vendor", "ACME");
        Assert.Contains("1 new", good.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_physician_npi_is_refused_with_the_npi()
    {
        using var world = await CliWorld.CreateAsync();
        var file = world.Write("visit.json", CliWorld.Bundle("EHR-1").Replace(CliWorld.Npi, "1245319599", StringComparison.Ordinal));

        var (exit, _, stderr) = world.Run("import", "encounters", file, "--practice", "FM-NORTH", "--vendor", "ACME");

        Assert.Equal(1, exit);
        Assert.Contains("INTAKE-UNKNOWN-NPI", stderr, StringComparison.Ordinal);
        Assert.Contains("1245319599", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_physician_deactivated_at_the_practice_gets_no_new_encounters_and_nothing_is_written()
    {
        using var world = await CliWorld.CreateAsync();
        Assert.Equal(0, world.Run("physicians", "deactivate", CliWorld.Npi).Exit);
        var ledger = Path.Combine(world.Folder, "ledger.jsonl");
        world.Run("ledger", "export", "--out", ledger);
        var before = await File.ReadAllTextAsync(ledger, TestContext.Current.CancellationToken);

        var (exit, stdout, stderr) = world.Run("import", "encounters", world.Write("visit.json", CliWorld.Bundle("EHR-1")), "--practice", "FM-NORTH", "--vendor", "ACME");

        Assert.Equal((1, string.Empty), (exit, stdout));
        Assert.StartsWith("codeledger: INTAKE-INACTIVE-PHYSICIAN: visit.json", stderr, StringComparison.Ordinal);
        Assert.Contains($"physician NPI {CliWorld.Npi} was deactivated at practice FM-NORTH", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
        world.Run("ledger", "export", "--out", ledger);
        Assert.Equal(before, await File.ReadAllTextAsync(ledger, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Code_finalizes_clean_coding_and_sla_json_counts_it()
    {
        using var world = await CliWorld.CreateAsync();
        world.Run("import", "encounters", world.Write("visit.json", CliWorld.Bundle("EHR-1")), "--practice", "FM-NORTH", "--vendor", "ACME");
        var coding = world.Write("coding.json", """{"diagnoses": ["E11.9"], "lines": [{"code": "99213", "units": 1, "charge": "130.00", "pointers": [1]}]}""");

        var code = world.Run("code", "EHR-1", "--file", coding, "--as", "jdoe");
        var sla = world.Run("sla", "--practice", "FM-NORTH", "--month", ChicagoMonthNow(), "--json");

        Assert.Equal(0, code.Exit);
        Assert.Contains("version 1 finalized", code.Out, StringComparison.Ordinal);
        using var report = System.Text.Json.JsonDocument.Parse(sla.Out);
        Assert.Equal(1, report.RootElement.GetProperty("count").GetInt32());
    }

    /// <summary>The contract's months are Chicago months; the command finalizes on the tests' fixed clock.</summary>
    private static string ChicagoMonthNow() =>
        TimeZoneInfo.ConvertTime(TestClock.Now, TimeZoneInfo.FindSystemTimeZoneById("America/Chicago")).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Coding_as_someone_who_is_not_a_user_is_refused()
    {
        using var world = await CliWorld.CreateAsync();
        world.Run("import", "encounters", world.Write("visit.json", CliWorld.Bundle("EHR-1")), "--practice", "FM-NORTH", "--vendor", "ACME");
        var coding = world.Write("coding.json", """{"diagnoses": ["E11.9"], "lines": [{"code": "99213", "charge": "130.00", "pointers": [1]}]}""");

        var (exit, _, stderr) = world.Run("code", "EHR-1", "--file", coding, "--as", "intruder");

        Assert.Equal(1, exit);
        Assert.Contains("USER-UNKNOWN", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_with_payment_language_is_refused_and_listing_shows_none()
    {
        using var world = await CliWorld.CreateAsync();
        world.Run("import", "encounters", world.Write("visit.json", CliWorld.Bundle("EHR-1")), "--practice", "FM-NORTH", "--vendor", "ACME");

        var raise = world.Run("queries", "raise", "EHR-1", "--category", "acuity-or-severity", "--question", "Is this acute? It would raise reimbursement.", "--as", "jdoe");
        var list = world.Run("queries", "list", "--physician", CliWorld.Npi, "--json");

        Assert.Equal(1, raise.Exit);
        Assert.Contains("QUERY-MENTIONS-PAYMENT", raise.Err, StringComparison.Ordinal);
        Assert.Equal("[]", list.Out.Trim());
    }

    [Fact]
    public async Task A_name_typed_into_a_query_is_not_found_in_the_database_file_but_is_listed_to_the_physician()
    {
        using var world = await CliWorld.CreateAsync();
        world.Run("import", "encounters", world.Write("visit.json", CliWorld.Bundle("EHR-1")), "--practice", "FM-NORTH", "--vendor", "ACME");

        var raise = world.Run("queries", "raise", "EHR-1", "--category", "laterality", "--question", "Mrs Quillfeather says the left knee: which knee was examined?", "--as", "jdoe");
        var list = world.Run("queries", "list", "--physician", CliWorld.Npi);

        Assert.True(raise.Exit == 0, raise.Err);
        Assert.Contains("Mrs Quillfeather says the left knee", list.Out, StringComparison.Ordinal);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { world.Db, world.Db + "-wal" }.Where(File.Exists))
        {
            Assert.True((await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken)).AsSpan().IndexOf("Quillfeather"u8) < 0, $"the name is in {file}");
        }
    }

    [Fact]
    public async Task An_empty_training_report_says_there_is_nothing_to_report()
    {
        using var world = await CliWorld.CreateAsync();

        var text = world.Run("training", "report");
        var json = world.Run("training", "report", "--json");

        Assert.Equal((0, "no training records: nothing to report (codeledger training record adds one)"), (text.Exit, text.Out.Trim()));
        Assert.Equal((0, "[]"), (json.Exit, json.Out.Trim()));
    }

    [Fact]
    public async Task Db_migrate_encrypts_query_text_an_earlier_build_stored_in_clear_and_says_so()
    {
        using var world = await CliWorld.CreateAsync();
        world.Run("import", "encounters", world.Write("visit.json", CliWorld.Bundle("EHR-1")), "--practice", "FM-NORTH", "--vendor", "ACME");
        Assert.Equal(0, world.Run("queries", "raise", "EHR-1", "--category", "laterality", "--question", "Which knee was examined?", "--as", "jdoe").Exit);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={world.Db};Pooling=False"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "UPDATE documentation_queries SET question = 'Mrs Quillfeather: which knee?'";
            cmd.ExecuteNonQuery();
        }

        var migrate = world.Run("db", "migrate");
        var again = world.Run("db", "migrate");

        Assert.Contains("encrypted the texts of 1 documentation queries stored in clear", migrate.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("encrypted", again.Out.Replace("PHI key", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Mrs Quillfeather: which knee?", world.Run("queries", "list", "--physician", CliWorld.Npi).Out, StringComparison.Ordinal);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { world.Db, world.Db + "-wal" }.Where(File.Exists))
        {
            Assert.True((await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken)).AsSpan().IndexOf("Quillfeather"u8) < 0, $"the name is still in {file}");
        }
    }
}
