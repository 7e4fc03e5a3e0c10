using System.Text.Json;
using CodeLedger.Cli.Tests.Workflow;
using CodeLedger.Testing;

namespace CodeLedger.Cli.Tests.Claims;

/// <summary>
/// `code` and `claims scrub` check against the same code sets (EditCodeSets): the releases
/// imported into the database, or the starter set when there are none; both say which.
/// </summary>
public sealed class EditCodeSetsCommandTests
{
    private const string Header = "claim_id,dos,pos,rendering_npi,patient_birth_date,patient_sex,dx1,dx2,dx3,dx4,dx5,dx6,dx7,dx8,dx9,dx10,dx11,dx12,code,modifiers,units,charge,pointers";

    private const string Starter = "code sets: the starter code set, because no release is imported into this database (codeledger codesets import)";

    private static string Claims(CliWorld world) =>
        world.Write("claims.csv", Header + "\nA1,2026-10-14,11,1234567893,1961-02-03,F,E11.9,,,,,,,,,,,,99213,,1,130.00,1\n");

    private static string Coding(CliWorld world) =>
        world.Write("coding.json", """{"diagnoses": ["E11.9"], "lines": [{"code": "99213", "charge": "130.00", "pointers": [1]}]}""");

    [Fact]
    public async Task Without_releases_code_and_scrub_both_use_the_starter_set_and_say_why()
    {
        using var world = await CliWorld.CreateAsync();
        world.Run("import", "encounters", world.Write("visit.json", CliWorld.Bundle("EHR-1")), "--practice", "FM-NORTH", "--vendor", "ACME");

        var scrub = world.Run("claims", "scrub", Claims(world));
        var scrubJson = world.Run("claims", "scrub", Claims(world), "--json");
        var code = world.Run("code", "EHR-1", "--file", Coding(world), "--as", "jdoe");

        Assert.True(scrub.Exit == 0, scrub.Out + scrub.Err);
        Assert.Equal(Starter, scrub.Out.Split('\n')[0]);
        Assert.DoesNotContain("CODE-UNKNOWN", scrub.Out, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(scrubJson.Out);
        Assert.Equal("starter", doc.RootElement.GetProperty("codeSets").GetProperty("source").GetString());
        Assert.Contains("icd10cm@2023-10-01", doc.RootElement.GetProperty("codeSets").GetProperty("releases").EnumerateArray().Select(r => r.GetString()));
        Assert.True(code.Exit == 0, code.Out + code.Err);
        Assert.Equal(Starter, code.Out.Split('\n')[0]);
        Assert.Contains("version 1 finalized", code.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_a_release_is_imported_both_use_the_imported_releases_only_and_name_them()
    {
        using var world = await CliWorld.CreateAsync();
        world.Run("import", "encounters", world.Write("visit.json", CliWorld.Bundle("EHR-1")), "--practice", "FM-NORTH", "--vendor", "ACME");
        var mue = RepoPaths.Data("ncci", "MCR_MUE_PractitionerServices_Eff_04-01-2024_RECONSTRUCTED.csv.gz");
        Assert.Equal(0, world.Run("codesets", "import", "--kind", "mue", "--file", mue, "--effective", "2024-04-01").Exit);
        const string Imported = "code sets: the imported releases mue@2024-04-01";

        var scrub = world.Run("claims", "scrub", Claims(world));
        var code = world.Run("code", "EHR-1", "--file", Coding(world), "--as", "jdoe", "--json");

        // No ICD-10-CM release is imported, and the starter set never fills the gap: E11.9 is not known.
        Assert.Equal(1, scrub.Exit);
        Assert.Equal(Imported, scrub.Out.Split('\n')[0]);
        Assert.Contains("claim A1", scrub.Out, StringComparison.Ordinal);
        Assert.Equal(1, code.Exit);
        Assert.Contains("codeledger: " + Imported, code.Err, StringComparison.Ordinal);
        using var outcome = JsonDocument.Parse(code.Out);
    }
}
