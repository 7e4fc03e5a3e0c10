using System.Text.Json;
using CodeLedger.Cli.Tests.Claims;
using CodeLedger.Cli.Tests.Workflow;
using CodeLedger.Testing;
using Microsoft.Data.Sqlite;

namespace CodeLedger.Cli.Tests.Audits;

/// <summary>
/// Practice-side verification where the vendor codes outside CodeLedger: the practice imports its
/// encounters and the vendor's 837P (written with the project's X12 writer), and its own auditor
/// samples, re-codes and scores them exactly as for CodeLedger codings; the vendor's coding of record
/// is the imported claim, and the report names the coder as "(imported claims)".
/// </summary>
public sealed class PracticeSideAuditTests
{
    private static readonly DateOnly Dos = TestClock.Now.AddHours(-2).ToDateOnly();

    [Fact]
    public async Task An_audit_over_imported_claims_samples_recodes_and_scores_them()
    {
        using var world = await CliWorld.CreateAsync();
        var keys = new[] { "EHR-1", "EHR-2", "EHR-3" };
        foreach (var key in keys)
        {
            Assert.Equal(0, world.Run("import", "encounters", world.Write(key + ".json", CliWorld.Bundle(key)), "--practice", "FM-NORTH", "--vendor", "ACME").Exit);
        }

        var claims = Path.Combine(world.Folder, "v1.837");
        File.WriteAllBytes(claims, VendorClaimFiles.Write(keys.Select(k => new BilledEncounter(k, Dos, CliWorld.Npi, ["E119", "I10"], [new BilledLine("99214", [], 1, "120.00", [1, 2])]))));
        var imported = world.Run("import", "claims", claims, "--practice", "FM-NORTH", "--vendor", "ACME", "--as", "mallory");
        Assert.True(imported.Exit == 0, imported.Err);
        Assert.Equal(0, world.Run("users", "add", "compliance", "--name", "Practice Compliance", "--org", "FM-NORTH", "--role", "auditor").Exit);

        // The practice audits its vendor independently, with its own compliance auditor; mallory adjudicates.
        var sampled = world.Run("audit", "sample", "--practice", "FM-NORTH", "--from", Dos.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            "--to", Dos.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "--size", "3", "--seed", "claims audit 1", "--auditor-org", "FM-NORTH",
            "--adjudicator", "mallory", "--conversion-factors", RepoPaths.Data("pfs-rvu", "conversion_factors_2024_2026.csv"), "--as", "compliance", "--json");
        Assert.True(sampled.Exit == 0, sampled.Err);
        var audit = JsonDocument.Parse(sampled.Out).RootElement.GetProperty("id").GetString()!;

        var right = world.Write("right.json", """{"diagnoses":["E119","I10"],"lines":[{"code":"99214","charge":"120.00","pointers":[1,2]}]}""");
        var lower = world.Write("lower.json", """{"diagnoses":["E119","I10"],"lines":[{"code":"99213","charge":"120.00","pointers":[1,2]}]}""");
        Assert.Equal(0, world.Run("audit", "record", audit, "--encounter", "EHR-1", "--file", right, "--as", "compliance").Exit);
        Assert.Equal(0, world.Run("audit", "record", audit, "--encounter", "EHR-2", "--file", lower, "--as", "compliance").Exit);
        var vendor = world.Run("audit", "vendor-codes", audit, "--encounter", "EHR-2", "--as", "compliance");
        Assert.Contains("vendor-claim version 1", vendor.Out, StringComparison.Ordinal);

        var report = JsonDocument.Parse(world.Run("audit", "report", audit, "--json", "--as", "mallory").Out).RootElement;
        var final = report.GetProperty("figures").GetProperty("final");
        Assert.Equal((1, 2), (final.GetProperty("encounterAccuracy").GetProperty("successes").GetInt32(), final.GetProperty("encounterAccuracy").GetProperty("trials").GetInt32()));
        Assert.Equal("(imported claims)", final.GetProperty("byCoder")[0].GetProperty("key").GetString());
        Assert.Equal("em-overcoded", report.GetProperty("findings")[0].GetProperty("category").GetString());
        SqliteConnection.ClearAllPools();
    }
}
