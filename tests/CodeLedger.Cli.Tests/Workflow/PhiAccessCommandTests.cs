using System.Text.Json;

namespace CodeLedger.Cli.Tests.Workflow;

/// <summary><c>phi-access</c>: an accounting of access (45 CFR 164.528) from the ledger, printing no PHI it was not given.</summary>
public sealed class PhiAccessCommandTests
{
    private static async Task<CliWorld> ReadOnceAndRefusedOnceAsync()
    {
        var world = await CliWorld.CreateAsync();
        world.Run("import", "encounters", world.Write("visit.json", CliWorld.Bundle("EHR-1")), "--practice", "FM-NORTH", "--vendor", "ACME");
        Assert.Equal(0, world.Run("encounters", "show", "EHR-1", "--as", "jdoe").Exit);
        Assert.Equal(1, world.Run("encounters", "show", "EHR-1", "--as", "mallory").Exit);
        return world;
    }

    [Fact]
    public async Task Accounting_for_an_encounter_lists_who_read_which_fields_and_who_was_refused_without_phi()
    {
        using var world = await ReadOnceAndRefusedOnceAsync();

        var (exit, stdout, stderr) = world.Run("phi-access", "--encounter", "EHR-1");

        Assert.Equal((0, string.Empty), (exit, stderr));
        var lines = stdout.TrimEnd().Split('\n');
        Assert.Equal("1 reads of PHI, 1 refused, open to open", lines[0]);
        Assert.Contains(lines, l => l.Contains("EHR-1", StringComparison.Ordinal) && l.Contains("jdoe (coder, organization ", StringComparison.Ordinal) && l.EndsWith("patient,documentation", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("mallory", StringComparison.Ordinal) && l.EndsWith("refused: role may not", StringComparison.Ordinal));
        Assert.DoesNotContain("Quintanilla", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("MBR-SECRET-77", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accounting_for_a_patient_matches_their_member_id_under_the_key_and_never_prints_it()
    {
        using var world = await ReadOnceAndRefusedOnceAsync();

        var patient = world.Run("phi-access", "--patient", "MBR-SECRET-77", "--json");
        var stranger = world.Run("phi-access", "--patient", "MBR-NOBODY", "--json");

        Assert.Equal((0, 0), (patient.Exit, stranger.Exit));
        var rows = JsonDocument.Parse(patient.Out).RootElement.EnumerateArray().ToList();
        Assert.Equal(["read", "refused"], rows.Select(r => r.GetProperty("outcome").GetString()));
        Assert.Equal(["jdoe", "mallory"], rows.Select(r => r.GetProperty("user").GetString()));
        Assert.Equal("coder", rows[0].GetProperty("role").GetString());
        Assert.DoesNotContain("MBR-SECRET-77", patient.Out, StringComparison.Ordinal);
        Assert.Equal("[]", stranger.Out.Trim());
    }

    [Fact]
    public async Task Accounting_for_a_user_and_a_period_keeps_only_their_accesses_in_it()
    {
        using var world = await ReadOnceAndRefusedOnceAsync();
        var today = TestClock.Now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var jdoe = world.Run("phi-access", "--user", "jdoe", "--json");
        var thatDay = world.Run("phi-access", "--user", "jdoe", "--from", today, "--to", today, "--json");
        var later = world.Run("phi-access", "--user", "jdoe", "--from", "2099-01-01", "--json");

        Assert.Equal(["jdoe"], JsonDocument.Parse(jdoe.Out).RootElement.EnumerateArray().Select(r => r.GetProperty("user").GetString()));
        Assert.Equal(1, JsonDocument.Parse(thatDay.Out).RootElement.GetArrayLength());
        Assert.Equal(0, JsonDocument.Parse(later.Out).RootElement.GetArrayLength());
    }

    [Theory]
    [InlineData("--to", "2026-01-01", "--from", "2026-02-01", "--user", "jdoe")]
    [InlineData("--user", "jdoe", "--encounter", "EHR-1")]
    [InlineData("--from", "2026-01-01")]
    [InlineData("--user", "jdoe", "--from", "2026-13-01")]
    public async Task A_request_that_names_no_one_thing_or_a_bad_period_exits_2_changing_nothing(params string[] args)
    {
        using var world = await ReadOnceAndRefusedOnceAsync();

        var (exit, stdout, stderr) = world.Run(["phi-access", .. args]);

        Assert.Equal((2, string.Empty), (exit, stdout));
        Assert.Single(stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task An_unknown_encounter_is_refused_with_its_code()
    {
        using var world = await ReadOnceAndRefusedOnceAsync();

        var (exit, _, stderr) = world.Run("phi-access", "--encounter", "EHR-404");

        Assert.Equal(1, exit);
        Assert.Contains("ENCOUNTER-UNKNOWN", stderr, StringComparison.Ordinal);
    }
}
