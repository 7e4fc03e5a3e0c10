using System.Text.Json;
using CodeLedger.Cli.Tests.Claims;
using CodeLedger.Cli.Tests.Foundation;
using CodeLedger.Testing;
using Microsoft.Data.Sqlite;

namespace CodeLedger.Cli.Tests.Audits;

/// <summary>
/// A demo database (two practices, one vendor, real codings) with two audit firms added through
/// `setup apply`: AUDIT-CO (auditor aud1, adjudicator judge) and AUDIT-TWO (auditor aud2), and an
/// admin of each practice.
/// </summary>
public sealed class AuditDemo : IDisposable
{
    private readonly TempFolder _folder = new();

    public AuditDemo()
    {
        Db = DemoTemplates.Copy(_folder, encounters: 60, seed: 17, name: "demo").Db;
        var exported = CliRun.Of("setup", "export", "--db", Db);
        Check(exported);
        // The demo's setup already has its own audit firm (LEDGER-AUDIT): these two join it.
        var setup = exported.Out.Replace("auditFirms:\n", """
            auditFirms:
              - code: AUDIT-CO
                name: Independent Audit Co
              - code: AUDIT-TWO
                name: Second Audit LLP

            """.ReplaceLineEndings("\n"), StringComparison.Ordinal) + """
              - userName: aud1
                displayName: Alex Auditor
                organization: AUDIT-CO
                role: auditor
              - userName: judge
                displayName: Jo Judge
                organization: AUDIT-CO
                role: auditor
              - userName: aud2
                displayName: Second Auditor
                organization: AUDIT-TWO
                role: auditor

            """.ReplaceLineEndings("\n");
        var file = _folder.File("setup.yaml");
        File.WriteAllText(file, setup);
        Check(CliRun.Of("setup", "apply", file, "--db", Db));
        Check(CliRun.Of("users", "add", "pa-north", "--name", "North Admin", "--org", "NORTHSIDE-FM", "--role", "practice-admin", "--db", Db));
        Check(CliRun.Of("users", "add", "pa-heart", "--name", "Heart Admin", "--org", "HEARTWELL-CARDIO", "--role", "practice-admin", "--db", Db));
        SqliteConnection.ClearAllPools();
    }

    public string Db { get; }

    internal string Copy(TempFolder folder)
    {
        var path = folder.File("d.db");
        File.Copy(Db, path);
        File.Copy(Db + ".phikey", path + ".phikey");
        return path;
    }

    public void Dispose() => _folder.Dispose();

    private static void Check(CliRun run) => Assert.True(run.ExitCode == 0, run.ToString());
}

/// <summary>
/// `codeledger audit ...` on real demo data, each check a skeptical user would try: independence,
/// the grant (a sampled encounter reads, any other is not found), blind re-coding, one submission per
/// encounter, codes outside the sample, malformed coding JSON, a rebuttal reversed changing the final
/// accuracy, users of the wrong organization, `ledger verify` before and after an edited row, and the
/// report recomputed from a ledger export byte for byte.
/// </summary>
public sealed class AuditCommandTests(AuditDemo demo) : IClassFixture<AuditDemo>
{
    private const string Practice = "NORTHSIDE-FM";

    private static string Factors => RepoPaths.Data("pfs-rvu", "conversion_factors_2024_2026.csv");

    private static CliRun Run(string db, params string[] args) => CliRun.Of([.. args, "--db", db]);

    private static CliRun Ok(string db, params string[] args)
    {
        var run = Run(db, args);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run;
    }

    private static CliRun Refused(string db, string code, params string[] args)
    {
        var run = Run(db, args);
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith($"codeledger: {code}:", run.Error, StringComparison.Ordinal);
        return run;
    }

    private static string[] SampleArgs(string practice = Practice, string auditorOrg = "AUDIT-CO", string user = "aud1", params string[] more) =>
        ["audit", "sample", "--practice", practice, "--from", "2026-01-01", "--to", "2026-12-31", "--size", "8", "--seed", "2026-12-03 dice 4 1 6",
            "--auditor-org", auditorOrg, "--conversion-factors", Factors, "--as", user, .. (user == "aud1" ? new[] { "--adjudicator", "judge" } : []), .. more];

    private static Guid Sample(string db, string practice = Practice, string auditorOrg = "AUDIT-CO", string user = "aud1", params string[] more)
    {
        var run = Ok(db, [.. SampleArgs(practice, auditorOrg, user, ["--json", .. more])]);
        return JsonDocument.Parse(run.Out).RootElement.GetProperty("id").GetGuid();
    }

    private static List<string> Sampled(string db, Guid audit, string user = "aud1") =>
        [.. JsonDocument.Parse(Ok(db, "audit", "samples", audit.ToString(), "--as", user, "--json").Out).RootElement.EnumerateArray().Select(e => e.GetProperty("encounter").GetString()!)];

    /// <summary>The vendor's final coding of an encounter as coding.json, with <paramref name="extraDiagnosis"/> added when given (the auditor's finding).</summary>
    private static string Coding(string db, TempFolder folder, string encounter, string? extraDiagnosis = null)
    {
        var billed = VendorClaimFiles.FinalCodings(db, Practice).Concat(VendorClaimFiles.FinalCodings(db, "HEARTWELL-CARDIO")).Single(b => b.Key == encounter);
        var coding = new
        {
            // A code the vendor did not list (Z23, else another Z code) so the auditor's coding differs by exactly one diagnosis.
            diagnoses = extraDiagnosis is null ? billed.Diagnoses : [.. billed.Diagnoses, new[] { extraDiagnosis, "Z9181", "Z7689" }.First(d => !billed.Diagnoses.Contains(d))],
            lines = billed.Lines.Select(l => new { code = l.Code, modifiers = l.Modifiers, units = l.Units, charge = l.Charge, pointers = l.Pointers }),
        };
        var path = folder.File($"{encounter}-{extraDiagnosis}.json");
        File.WriteAllText(path, JsonSerializer.Serialize(coding));
        return path;
    }

    private static JsonElement Report(string db, Guid audit, string user = "pa-north") =>
        JsonDocument.Parse(Ok(db, "audit", "report", audit.ToString(), "--json", "--as", user).Out).RootElement.Clone();

    private static string OtherEncounter(string db, Guid audit, string practice = Practice)
    {
        var sampled = Sampled(db, audit).ToHashSet();
        return VendorClaimFiles.FinalCodings(db, practice).Select(b => b.Key).First(k => !sampled.Contains(k));
    }

    [Fact]
    public void A_full_audit_reads_only_its_sample_recodes_blind_and_a_reversed_rebuttal_changes_the_final_accuracy()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        var audit = Sample(db);
        var sample = Sampled(db, audit);
        Assert.Equal(8, sample.Count);

        // The grant: the auditor reads a sampled encounter's documentation; any other is "no encounter", as if it did not exist.
        Assert.Contains("documentation version", Ok(db, "encounters", "show", sample[0], "--as", "aud1").Out, StringComparison.Ordinal);
        Refused(db, "ENCOUNTER-UNKNOWN", "encounters", "show", OtherEncounter(db, audit), "--as", "aud1");

        // Blind: the vendor's codes only after the auditor's own.
        Refused(db, "AUDIT-BLIND", "audit", "vendor-codes", audit.ToString(), "--encounter", sample[0], "--as", "aud1");
        Ok(db, "audit", "record", audit.ToString(), "--encounter", sample[0], "--file", Coding(db, folder, sample[0]), "--as", "aud1");
        Assert.Contains("codeledger-final", Ok(db, "audit", "vendor-codes", audit.ToString(), "--encounter", sample[0], "--as", "aud1").Out, StringComparison.Ordinal);

        // One submission per encounter; nothing outside the sample.
        Refused(db, "AUDIT-RECORDED-TWICE", "audit", "record", audit.ToString(), "--encounter", sample[0], "--file", Coding(db, folder, sample[0], "Z23"), "--as", "aud1");
        var outside = OtherEncounter(db, audit);
        Refused(db, "AUDIT-NOT-IN-SAMPLE", "audit", "record", audit.ToString(), "--encounter", outside, "--file", Coding(db, folder, outside), "--as", "aud1");

        // The second encounter: the auditor adds a diagnosis the vendor missed, one finding.
        var recorded = Ok(db, "audit", "record", audit.ToString(), "--encounter", sample[1], "--file", Coding(db, folder, sample[1], "Z23"), "--as", "aud1", "--json");
        Assert.Equal(1, JsonDocument.Parse(recorded.Out).RootElement.GetProperty("findings").GetInt32());

        var before = Report(db, audit);
        Assert.Equal((1, 2), Accuracy(before, "initial"));
        Assert.Equal((1, 2), Accuracy(before, "final"));
        var finding = before.GetProperty("findings").EnumerateArray().Single();
        Assert.Equal(("diagnosis-missing", "open"), (finding.GetProperty("category").GetString(), finding.GetProperty("status").GetString()));
        var id = finding.GetProperty("id").GetString()!;

        // The vendor rebuts; only the named adjudicator decides; reversed, the finding drops out of the final figures.
        Ok(db, "audit", "rebut", audit.ToString(), "--finding", id, "--reason", "Z23 was not documented as given at this visit", "--as", "demo-admin");
        Refused(db, "AUDIT-REBUTTED-TWICE", "audit", "rebut", audit.ToString(), "--finding", id, "--reason", "again", "--as", "demo-admin");
        Refused(db, "AUDIT-NOT-ADJUDICATOR", "audit", "adjudicate", audit.ToString(), "--finding", id, "--reverse", "--as", "aud1");
        Ok(db, "audit", "adjudicate", audit.ToString(), "--finding", id, "--reverse", "--as", "judge");
        Refused(db, "AUDIT-ADJUDICATED-TWICE", "audit", "adjudicate", audit.ToString(), "--finding", id, "--uphold", "--as", "judge");

        var after = Report(db, audit, "demo-admin");
        Assert.Equal((1, 2), Accuracy(after, "initial"));
        Assert.Equal((2, 2), Accuracy(after, "final"));
        Assert.Equal("reversed", after.GetProperty("findings")[0].GetProperty("status").GetString());
        var text = Ok(db, "audit", "report", audit.ToString(), "--as", "judge").Out;
        Assert.Contains("the 95% floor is", text, StringComparison.Ordinal);
        Assert.Contains("95% CI", text, StringComparison.Ordinal);

        // The reader knows the practice by its code and the encounter by the practice's own id, not CodeLedger's GUIDs.
        Assert.Contains($"encounters of practice {Practice} with a date of service", text, StringComparison.Ordinal);
        Assert.Contains($"{id} {sample[1]} DiagnosisMissing reversed", text, StringComparison.Ordinal);

        // The whole audit replays; the report from the ledger export alone is the same bytes.
        Assert.Contains("matches the stored tables", Ok(db, "ledger", "verify").Out, StringComparison.Ordinal);
        var export = folder.File("ledger.jsonl");
        Ok(db, "ledger", "export", "--out", export);
        var stored = Ok(db, "audit", "report", audit.ToString(), "--json", "--as", "pa-north").Out;
        var replayed = CliRun.Of("ledger", "replay", "--file", export, "--report", "audit", "--audit", audit.ToString(), "--json");
        Assert.True(replayed.ExitCode == 0, replayed.ToString());
        Assert.Equal(stored, replayed.Out);

        // The reason is free text: only its keyed hash is in the ledger.
        Assert.DoesNotContain("was not documented as given", File.ReadAllText(export), StringComparison.Ordinal);

        // An edited audit row is named by ledger verify.
        Execute(db, "UPDATE audit_codings SET diagnoses = '[\"E119\"]' WHERE id = (SELECT id FROM audit_codings LIMIT 1)");
        var verify = Run(db, "ledger", "verify");
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("audit_codings row for audit", verify.Out, StringComparison.Ordinal);
        Assert.Contains("diagnoses E119", verify.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_edited_sample_or_grant_is_named_by_ledger_verify()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        Sample(db);
        Assert.Equal(0, Run(db, "ledger", "verify").ExitCode);

        Execute(db, "UPDATE audit_sample_members SET stratum_rank = 99 WHERE position = 1");
        Execute(db, "UPDATE audit_grants SET \"to\" = '2099-01-01 00:00:00+00:00'");
        var verify = Run(db, "ledger", "verify");
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("audit_sample_members row for audit", verify.Out, StringComparison.Ordinal);
        Assert.Contains("audit_grants row for audit grant", verify.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_coding_vendor_cannot_audit_independently_but_may_label_its_audit_internal()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        var engagements = Query(db, "SELECT COUNT(*) FROM audit_engagements").Single();
        var grants = Query(db, "SELECT COUNT(*) FROM audit_grants").Single();

        var refused = Refused(db, "AUDIT-NOT-INDEPENDENT", SampleArgs(auditorOrg: "ACME-CODING", user: "pa-north"));
        Assert.Contains("can only be internal", refused.Error, StringComparison.Ordinal);
        Assert.Equal(engagements, Query(db, "SELECT COUNT(*) FROM audit_engagements").Single());
        Assert.Equal(grants, Query(db, "SELECT COUNT(*) FROM audit_grants").Single());

        var audit = Sample(db, auditorOrg: "ACME-CODING", user: "pa-north", more: "--internal");
        Assert.Contains("internal audit", Ok(db, "audit", "report", audit.ToString(), "--as", "pa-north").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Users_of_the_wrong_organization_learn_nothing_and_change_nothing()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        var audit = Sample(db);
        var sample = Sampled(db, audit);
        var codings = Query(db, "SELECT COUNT(*) FROM audit_codings").Single();

        // Another practice's admin may not plan this practice's audit, nor see this one (only their
        // own practice's: the demo's audit of it).
        Refused(db, "AUDIT-PLAN-INVALID", SampleArgs(user: "pa-heart", auditorOrg: "AUDIT-CO"));
        Refused(db, "AUDIT-UNKNOWN", "audit", "report", audit.ToString(), "--as", "pa-heart");
        var heartList = Ok(db, "audit", "list", "--as", "pa-heart").Out;
        Assert.DoesNotContain(audit.ToString(), heartList, StringComparison.Ordinal);
        Assert.DoesNotContain("NORTHSIDE-FM", heartList, StringComparison.Ordinal);

        // Another firm's auditor: the audit is unknown and the sampled encounter is not found.
        Refused(db, "AUDIT-UNKNOWN", "audit", "record", audit.ToString(), "--encounter", sample[0], "--file", Coding(db, folder, sample[0]), "--as", "aud2");
        Refused(db, "ENCOUNTER-UNKNOWN", "encounters", "show", sample[0], "--as", "aud2");

        // A practice admin takes part but does not record (auditors only); a coder has no audit role at all.
        Refused(db, "ACCESS-ROLE-REFUSED", "audit", "record", audit.ToString(), "--encounter", sample[0], "--file", Coding(db, folder, sample[0]), "--as", "pa-north");
        Assert.Equal(codings, Query(db, "SELECT COUNT(*) FROM audit_codings").Single());
        Assert.Contains(audit.ToString(), Ok(db, "audit", "list", "--as", "pa-north").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_practice_is_audited_on_its_own_sample_and_grant()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        var north = Sample(db);
        var heart = Sample(db, practice: "HEARTWELL-CARDIO", user: "aud1");
        var northSample = Sampled(db, north);
        var heartSample = Sampled(db, heart);
        Assert.All(northSample, k => Assert.StartsWith("NO-", k, StringComparison.Ordinal));
        Assert.All(heartSample, k => Assert.StartsWith("HE-", k, StringComparison.Ordinal));

        // An encounter of the other audit's sample is not in this one's.
        Refused(db, "AUDIT-NOT-IN-SAMPLE", "audit", "record", north.ToString(), "--encounter", heartSample[0], "--file", Coding(db, folder, heartSample[0]), "--as", "aud1");
        Ok(db, "audit", "record", heart.ToString(), "--encounter", heartSample[0], "--file", Coding(db, folder, heartSample[0]), "--as", "aud1");
        Assert.Equal((1, 1), Accuracy(Report(db, heart, "pa-heart"), "final"));
        Refused(db, "AUDIT-UNKNOWN", "audit", "report", heart.ToString(), "--as", "pa-north");
        Assert.Equal(0, Run(db, "ledger", "verify").ExitCode);
    }

    [Fact]
    public void Malformed_coding_json_is_refused_naming_the_file_and_field_and_usage_errors_exit_2()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        var audit = Sample(db);
        var sample = Sampled(db, audit);
        var codings = Query(db, "SELECT COUNT(*) FROM audit_codings").Single();
        var bad = folder.File("bad.json");
        File.WriteAllText(bad, """{"diagnoses":["E119"],"lines":[{"code":"9921","charge":"10.00","pointers":[1]}]}""");

        var run = Refused(db, "CODING-INVALID", "audit", "record", audit.ToString(), "--encounter", sample[0], "--file", bad, "--as", "aud1");
        Assert.Contains("bad.json", run.Error, StringComparison.Ordinal);
        Assert.Contains("lines[0].code", run.Error, StringComparison.Ordinal);

        var noLines = folder.File("nolines.json");
        File.WriteAllText(noLines, """{"diagnoses":["E119"],"lines":[]}""");
        Refused(db, "AUDIT-CODING-INVALID", "audit", "record", audit.ToString(), "--encounter", sample[0], "--file", noLines, "--as", "aud1");
        Assert.Equal(codings, Query(db, "SELECT COUNT(*) FROM audit_codings").Single());

        Assert.Equal(2, Run(db, "audit", "sample", "--practice", Practice, "--as", "aud1").ExitCode);
        Assert.Equal(2, Run(db, "audit", "adjudicate", audit.ToString(), "--finding", "F-1", "--as", "judge").ExitCode);
        Refused(db, "AUDIT-PLAN-INVALID", SampleArgs(more: ["--margin", "0.05", "--expected", "0.95"]));
    }

    private static (int Successes, int Trials) Accuracy(JsonElement report, string set)
    {
        var p = report.GetProperty("figures").GetProperty(set).GetProperty("encounterAccuracy");
        return (p.GetProperty("successes").GetInt32(), p.GetProperty("trials").GetInt32());
    }

    private static void Execute(string db, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<string> Query(string db, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
        }

        return values;
    }
}
