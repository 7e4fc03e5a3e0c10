using CodeLedger.Core.Ledger.Checkpoints;
using CodeLedger.Core.Reports.Package;

namespace CodeLedger.Core.Tests.Reports.Package;

public sealed class PackageVerifierTests : IDisposable
{
    private readonly SigningKey _key = SigningKey.Generate();
    private readonly string _root = Path.Combine(Path.GetTempPath(), "codeledger-verify-tests-" + Guid.NewGuid().ToString("N"));
    private readonly string _package;

    public PackageVerifierTests()
    {
        _package = Path.Combine(_root, "2026-03");
        PackageWriter.Write(SamplePackage.Document(), SamplePackage.Figures, SamplePackage.Facts(_key), _package);
    }

    public void Dispose()
    {
        _key.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private string PathOf(string name) => Path.Combine(_package, name);

    private IReadOnlyList<(string Code, string File)> Problems() =>
        PackageVerifier.CheckFiles(_package).FileProblems.Select(p => (p.Code.Value, p.File)).ToList();

    [Fact]
    public void A_package_as_written_has_no_problems()
    {
        var result = PackageVerifier.CheckFiles(_package);

        Assert.Empty(result.FileProblems);
        Assert.True(result.IsClean);
        Assert.Equal(CheckpointStatus.NotCheckedAgainstLedger, result.Checkpoint);
        Assert.Equal(6857, result.Manifest!.Ledger.Last);
    }

    [Fact]
    public void A_csv_with_one_figure_edited_is_reported_as_changed()
    {
        var text = File.ReadAllText(PathOf("summary.csv"));
        File.WriteAllText(PathOf("summary.csv"), text.Replace("96.1%", "99.1%", StringComparison.Ordinal));

        Assert.Equal([("PACKAGE-FILE-CHANGED", "summary.csv")], Problems());
    }

    [Fact]
    public void A_deleted_file_is_reported_missing_and_an_added_file_as_added()
    {
        File.Delete(PathOf("turnaround-months.csv"));
        File.WriteAllText(PathOf("extra.csv"), "a\r\n");

        Assert.Equal([("PACKAGE-FILE-MISSING", "turnaround-months.csv"), ("PACKAGE-FILE-ADDED", "extra.csv")], Problems());
    }

    [Fact]
    public void A_manifest_edited_to_match_an_edited_file_is_still_refused_when_not_as_written()
    {
        var manifest = File.ReadAllText(PathOf("manifest.json"));
        File.WriteAllText(PathOf("manifest.json"), manifest.Replace("\"practice\": \"riverside\"", "\"practice\":  \"riverside\"", StringComparison.Ordinal));

        var problem = Assert.Single(PackageVerifier.CheckFiles(_package).FileProblems);

        Assert.Equal(PackageErrors.ManifestMalformed, problem.Code);
        Assert.Equal("manifest.json", problem.File);
    }

    [Fact]
    public void A_manifest_with_a_file_hash_rewritten_reports_that_file_changed()
    {
        var manifest = PackageManifest.Parse(File.ReadAllBytes(PathOf("manifest.json")));
        var edited = manifest with { Files = [.. manifest.Files.Select(f => f.Name == "package.json" ? f with { Sha256 = new string('0', 64) } : f)] };
        File.WriteAllBytes(PathOf("manifest.json"), edited.ToJson());

        Assert.Equal([("PACKAGE-FILE-CHANGED", "package.json")], Problems());
    }

    [Fact]
    public void A_manifest_that_is_not_json_names_the_line_and_one_missing_a_field_names_the_field()
    {
        File.WriteAllText(PathOf("manifest.json"), "{\n  \"format\": \n");
        var broken = Assert.Single(PackageVerifier.CheckFiles(_package).FileProblems);

        var manifest = File.ReadAllText(PathOf("manifest.json"));
        File.WriteAllText(PathOf("manifest.json"), "{\"format\": \"codeledger-package-v1\", \"practice\": \"riverside\"}\n");
        var missing = Assert.Single(PackageVerifier.CheckFiles(_package).FileProblems);

        Assert.Equal(PackageErrors.ManifestMalformed, broken.Code);
        Assert.Contains("not valid JSON at line", broken.Message, StringComparison.Ordinal);
        Assert.Contains("field 'month' is missing", missing.Message, StringComparison.Ordinal);
        Assert.Contains("field 'files' is missing", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_a_manifest_is_not_a_package()
    {
        File.Delete(PathOf("manifest.json"));

        Assert.Equal([("PACKAGE-MANIFEST-MISSING", "manifest.json")], Problems());
    }

    [Fact]
    public void A_checkpoint_swapped_for_another_signed_checkpoint_and_rehashed_is_not_the_one_the_manifest_names()
    {
        using var other = SigningKey.Generate();
        var swapped = SamplePackage.Facts(other).Checkpoint.ToJson();
        File.WriteAllBytes(PathOf("checkpoint.json"), swapped);
        var manifest = PackageManifest.Parse(File.ReadAllBytes(PathOf("manifest.json")));
        File.WriteAllBytes(PathOf("manifest.json"), (manifest with
        {
            Files = [.. manifest.Files.Select(f => f.Name == "checkpoint.json" ? new ManifestFile(f.Name, PackageWriter.Sha256(swapped), swapped.Length) : f)],
        }).ToJson());

        Assert.Equal([("PACKAGE-CHECKPOINT-INVALID", "checkpoint.json")], Problems());
    }

    [Fact]
    public void A_checkpoint_with_its_signature_broken_is_reported()
    {
        var receipt = File.ReadAllText(PathOf("checkpoint.json"));
        var signature = System.Text.RegularExpressions.Regex.Match(receipt, "\"signature\": \"([^\"]+)\"").Groups[1].Value;
        var flipped = Convert.FromBase64String(signature);
        flipped[0] ^= 1;
        File.WriteAllText(PathOf("checkpoint.json"), receipt.Replace(signature, Convert.ToBase64String(flipped), StringComparison.Ordinal));

        Assert.Equal([("PACKAGE-FILE-CHANGED", "checkpoint.json"), ("PACKAGE-CHECKPOINT-INVALID", "checkpoint.json")], Problems());
    }

    [Fact]
    public void A_truncated_csv_is_reported_as_changed()
    {
        var bytes = File.ReadAllBytes(PathOf("em-distribution-levels.csv"));
        File.WriteAllBytes(PathOf("em-distribution-levels.csv"), bytes[..(bytes.Length / 2)]);

        Assert.Equal([("PACKAGE-FILE-CHANGED", "em-distribution-levels.csv")], Problems());
    }
}
