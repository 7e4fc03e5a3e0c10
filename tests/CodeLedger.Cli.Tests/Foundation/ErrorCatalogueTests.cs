using System.Reflection;
using System.Text.RegularExpressions;
using CodeLedger.Core.Common;
using CodeLedger.Storage;
using CodeLedger.Testing;

namespace CodeLedger.Cli.Tests.Foundation;

/// <summary>
/// Every error code comes from a catalogue and is documented with its exit and HTTP status in
/// docs/ERRORS.md: the page and the catalogues are read side by side, and any difference fails.
/// </summary>
public sealed partial class ErrorCatalogueTests
{
    private static readonly Assembly[] Catalogued = [typeof(ErrorCode).Assembly, typeof(CodeLedgerStore).Assembly, typeof(global::CodeLedger.Demo.DemoErrors).Assembly];

    [Fact]
    public void Every_catalogued_code_is_documented_with_its_exit_and_http_status()
    {
        var documented = DocumentedCodes();

        var missing = Catalogue().Where(c => !documented.TryGetValue(c.Code.Value, out var doc) || doc != (c.Code.ExitStatus, c.Code.HttpStatus))
            .Select(c => $"{c.Owner}.{c.Field}: {c.Code.Value} exit {c.Code.ExitStatus} HTTP {c.Code.HttpStatus}").ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_documented_code_is_in_a_catalogue()
    {
        var catalogued = Catalogue().Select(c => c.Code.Value).ToHashSet(StringComparer.Ordinal);

        var unknown = DocumentedCodes().Keys.Where(code => !catalogued.Contains(code)).ToList();

        Assert.Empty(unknown);
    }

    [Fact]
    public void No_code_is_in_two_catalogues()
    {
        var duplicates = Catalogue().GroupBy(c => c.Code.Value, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(duplicates);
    }

    [Fact]
    public void No_source_file_writes_an_error_code_inline()
    {
        var inline = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => InlineCode().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(RepoPaths.Root, f));

        Assert.Empty(inline);
    }

    private static IEnumerable<(string Owner, string Field, ErrorCode Code)> Catalogue() =>
        from assembly in Catalogued
        from type in assembly.GetExportedTypes()
        where type.IsAbstract && type.IsSealed
        from field in type.GetFields(BindingFlags.Public | BindingFlags.Static)
        where field.FieldType == typeof(ErrorCode)
        select (type.Name, field.Name, (ErrorCode)field.GetValue(null)!);

    private static Dictionary<string, (int Exit, int Http)> DocumentedCodes()
    {
        var rows = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(RepoPaths.Root, "docs", "ERRORS.md")))
        {
            var row = DocumentedRow().Match(line);
            if (row.Success)
            {
                Assert.True(rows.TryAdd(row.Groups["code"].Value, (int.Parse(row.Groups["exit"].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(row.Groups["http"].Value, System.Globalization.CultureInfo.InvariantCulture))),
                    $"{row.Groups["code"].Value} is listed twice in docs/ERRORS.md");
            }
        }

        return rows;
    }

    [GeneratedRegex(@"^\| `(?<code>[A-Z0-9-]+)` \| (?<exit>\d) \| (?<http>\d{3}) \|")]
    private static partial Regex DocumentedRow();

    [GeneratedRegex(@"(DomainException|StorageException|IntakeFormatException)\(\s*""")]
    private static partial Regex InlineCode();
}
