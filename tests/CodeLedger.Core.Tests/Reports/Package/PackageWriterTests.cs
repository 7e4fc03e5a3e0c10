using System.Text;
using System.Text.RegularExpressions;
using CodeLedger.Core.Common;
using CodeLedger.Core.Ledger.Checkpoints;
using CodeLedger.Core.Reports.Package;

namespace CodeLedger.Core.Tests.Reports.Package;

public sealed partial class PackageWriterTests : IDisposable
{
    private readonly SigningKey _key = SigningKey.Generate();
    private readonly string _root = Path.Combine(Path.GetTempPath(), "codeledger-package-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        _key.Dispose();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private string Folder(string name) => Path.Combine(_root, name);

    private static Dictionary<string, byte[]> ReadAll(string folder) =>
        Directory.EnumerateFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal);

    private string IndexOf(PackageDocument document) => Encoding.UTF8.GetString(PackageWriter.Render(document, SamplePackage.Figures, SamplePackage.Facts(_key))[PackageFiles.Index]);

    [Fact]
    public void The_same_package_written_twice_to_two_folders_has_the_same_bytes_in_every_file_and_manifest()
    {
        var facts = SamplePackage.Facts(_key);
        PackageWriter.Write(SamplePackage.Document(), SamplePackage.Figures, facts, Folder("a"));
        PackageWriter.Write(SamplePackage.Document(), SamplePackage.Figures, facts, Folder("b"));

        var a = ReadAll(Folder("a"));
        var b = ReadAll(Folder("b"));

        Assert.Equal(a.Keys.Order(StringComparer.Ordinal), b.Keys.Order(StringComparer.Ordinal));
        Assert.All(a, file => Assert.Equal(file.Value, b[file.Key]));
    }

    [Fact]
    public void A_package_holds_the_page_one_csv_per_table_the_figures_the_checkpoint_and_the_manifest_and_nothing_else()
    {
        PackageWriter.Write(SamplePackage.Document(), SamplePackage.Figures, SamplePackage.Facts(_key), Folder("p"));

        Assert.Equal(
            ["checkpoint.json", "code-sets-releases.csv", "em-distribution-levels.csv", "index.html", "manifest.json", "package.json", "queries-feedback.csv", "summary.csv", "turnaround-months.csv"],
            Directory.EnumerateFileSystemEntries(Folder("p")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(_root), e => Path.GetFileName(e).StartsWith('.'));
    }

    [Fact]
    public void The_figures_are_written_as_given_byte_for_byte()
    {
        PackageWriter.Write(SamplePackage.Document(), SamplePackage.Figures, SamplePackage.Facts(_key), Folder("p"));

        Assert.Equal(SamplePackage.Figures, File.ReadAllBytes(Path.Combine(Folder("p"), "package.json")));
    }

    [Fact]
    public void Figures_that_are_not_json_are_refused_and_nothing_is_written()
    {
        var e = Assert.Throws<DomainException>(() => PackageWriter.Write(SamplePackage.Document(), "{\"a\": "u8.ToArray(), SamplePackage.Facts(_key), Folder("p")));

        Assert.Equal(PackageErrors.FiguresInvalid, e.Error);
        Assert.False(Directory.Exists(Folder("p")));
    }

    [Fact]
    public void The_manifest_lists_every_other_file_with_its_sha256_and_size_the_range_the_releases_and_the_checkpoint()
    {
        var facts = SamplePackage.Facts(_key, first: 100, last: 6857);
        PackageWriter.Write(SamplePackage.Document(), SamplePackage.Figures, facts, Folder("p"));

        var manifest = PackageManifest.Parse(File.ReadAllBytes(Path.Combine(Folder("p"), "manifest.json")));

        Assert.Equal(new LedgerRange(100, 6857), manifest.Ledger);
        Assert.Equal("riverside", manifest.Practice);
        Assert.Equal("2026-03", manifest.Month);
        Assert.Equal([new CodeSetRelease("CPT", "2026"), new CodeSetRelease("ICD-10-CM", "2026")], manifest.CodeSetReleases);
        Assert.Equal(new ManifestCheckpoint("checkpoint.json", 6857, facts.Checkpoint.Checkpoint.Head, _key.PublicKey.KeyId), manifest.Checkpoint);
        foreach (var path in Directory.EnumerateFiles(Folder("p")).Where(f => Path.GetFileName(f) != "manifest.json"))
        {
            var bytes = File.ReadAllBytes(path);
            Assert.Contains(new ManifestFile(Path.GetFileName(path), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), bytes.Length), manifest.Files);
        }

        Assert.Equal(facts.Checkpoint.ToJson(), File.ReadAllBytes(Path.Combine(Folder("p"), "checkpoint.json")));
    }

    [Fact]
    public void A_checkpoint_that_does_not_end_the_ledger_range_is_refused()
    {
        var receipt = SamplePackage.Facts(_key, last: 50).Checkpoint;

        var e = Assert.Throws<DomainException>(() => new ManifestFacts("riverside", SamplePackage.Month, new LedgerRange(1, 60), [], receipt));

        Assert.Equal(PackageErrors.FactsInvalid, e.Error);
    }

    [Fact]
    public void Writing_the_same_package_again_changes_nothing_and_a_different_one_is_refused_unless_replacing()
    {
        // One signed receipt: ECDSA signatures are randomized, so signing again gives other bytes.
        var facts = SamplePackage.Facts(_key);
        PackageWriter.Write(SamplePackage.Document(), SamplePackage.Figures, facts, Folder("p"));
        var before = ReadAll(Folder("p"));

        Assert.False(PackageWriter.Write(SamplePackage.Document(), SamplePackage.Figures, facts, Folder("p")));
        var refused = Assert.Throws<DomainException>(() => PackageWriter.Write(SamplePackage.Document("Dr. Other"), SamplePackage.Figures, facts, Folder("p")));
        var unchanged = ReadAll(Folder("p"));
        Assert.True(PackageWriter.Write(SamplePackage.Document("Dr. Other"), SamplePackage.Figures, facts, Folder("p"), replace: true));

        Assert.Equal(PackageErrors.Exists, refused.Error);
        Assert.All(before, f => Assert.Equal(f.Value, unchanged[f.Key]));
        Assert.Contains("Dr. Other", File.ReadAllText(Path.Combine(Folder("p"), "index.html")), StringComparison.Ordinal);
        Assert.Empty(PackageVerifier.CheckFiles(Folder("p")).FileProblems);
        Assert.Single(Directory.EnumerateFileSystemEntries(_root));
    }

    [Fact]
    public void A_folder_holding_other_files_is_never_replaced()
    {
        Directory.CreateDirectory(Folder("p"));
        File.WriteAllText(Path.Combine(Folder("p"), "notes.txt"), "mine");

        var e = Assert.Throws<DomainException>(() => PackageWriter.Write(SamplePackage.Document(), SamplePackage.Figures, SamplePackage.Facts(_key), Folder("p"), replace: true));

        Assert.Equal(PackageErrors.Exists, e.Error);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(Folder("p"), "notes.txt")));
    }

    [Fact]
    public void The_page_has_every_section_in_order_every_chart_as_svg_with_title_and_desc_and_every_table()
    {
        var document = SamplePackage.Document();
        var html = IndexOf(document);

        var sections = SectionId().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(SamplePackage.SectionIds, sections);
        foreach (var section in document.Sections)
        {
            foreach (var chart in section.Charts)
            {
                var id = $"{section.Id}-{chart.Id}-chart";
                Assert.Contains($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\"", html, StringComparison.Ordinal);
                Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal);
                Assert.Contains($"<title id=\"{id}-title\">", html, StringComparison.Ordinal);
                Assert.Contains($"<desc id=\"{id}-desc\">", html, StringComparison.Ordinal);
                Assert.Contains($"id=\"{section.Id}-{chart.Id}-values\"", html, StringComparison.Ordinal);
            }

            foreach (var table in section.Tables)
            {
                Assert.Contains($"<table id=\"{section.Id}-{table.Id}\">", html, StringComparison.Ordinal);
            }
        }

        Assert.Equal(document.Sections.Sum(s => s.Charts.Count), Regex.Count(html, "<svg "));
        Assert.Contains("No audit this period.", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Contains("break-before: page", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_text_is_escaped_so_a_physician_named_with_a_script_tag_stays_text()
    {
        var html = IndexOf(SamplePackage.Document(physician: "<script>alert(1)</script> & \"Dr\" <b>", practice: "<img src=x onerror=alert(2)>"));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Dr&quot; &lt;b&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_fetches_nothing_no_http_source_or_link_no_script_no_external_style()
    {
        var html = IndexOf(SamplePackage.Document());

        Assert.Empty(ExternalReference().Matches(html));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(http", html, StringComparison.OrdinalIgnoreCase);

        // The one http text is the SVG namespace, an identifier that is never fetched.
        Assert.Equal(Regex.Count(html, "http"), Regex.Count(html, "xmlns=\"http://www.w3.org/2000/svg\"") + Regex.Count(html, "http-equiv"));
    }

    [Fact]
    public void The_page_does_not_depend_on_the_machines_culture()
    {
        var invariant = IndexOf(SamplePackage.Document());
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal(invariant, IndexOf(SamplePackage.Document()));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    [GeneratedRegex("<section id=\"([a-z0-9-]+)\"")]
    private static partial Regex SectionId();

    [GeneratedRegex("(src|href|action|xlink:href)\\s*=\\s*\"(https?:|//)", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
