using System.Globalization;
using System.Text.RegularExpressions;

namespace CodeLedger.Core.Reports.Package;

/// <summary>
/// The monthly package as a document, before it is HTML or CSV: what the figures are mapped into,
/// so the renderers know nothing of E/M, turnaround or audits, and the figures know nothing of
/// HTML. Sections keep their order (the executive summary first). Ids become anchors and file
/// names, so they are lower-case letters, digits and hyphens, unique where they must be.
/// </summary>
public sealed record PackageDocument
{
    public PackageDocument(string title, string practiceName, string vendorName, PackageMonth month, DateTimeOffset generatedAt, IReadOnlyList<PackageSection> sections)
    {
        Ids.RequireText(title, nameof(title));
        Ids.RequireText(practiceName, nameof(practiceName));
        Ids.RequireText(vendorName, nameof(vendorName));
        ArgumentNullException.ThrowIfNull(sections);
        var duplicate = sections.GroupBy(s => s.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"section id '{duplicate.Key}' is used twice", nameof(sections));
        }

        var files = sections.SelectMany(s => s.Tables.Select(t => PackageFiles.CsvName(s, t))).GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (files is not null)
        {
            throw new ArgumentException($"two tables would both be written as {files.Key}", nameof(sections));
        }

        Title = title;
        PracticeName = practiceName;
        VendorName = vendorName;
        Month = month;
        GeneratedAt = generatedAt.ToUniversalTime();
        Sections = sections;
    }

    public string Title { get; }

    public string PracticeName { get; }

    public string VendorName { get; }

    public PackageMonth Month { get; }

    /// <summary>From the injected clock; UTC. Shown in the page, so it is part of the hashed bytes.</summary>
    public DateTimeOffset GeneratedAt { get; }

    public IReadOnlyList<PackageSection> Sections { get; }
}

/// <summary>A calendar month, written yyyy-MM.</summary>
public readonly record struct PackageMonth
{
    public PackageMonth(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 2000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        Year = year;
        Month = month;
    }

    public int Year { get; }

    public int Month { get; }

    public static bool TryParse(string? text, out PackageMonth month)
    {
        month = default;
        if (text is not { Length: 7 } || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || y < 2000 || m is < 1 or > 12)
        {
            return false;
        }

        month = new PackageMonth(y, m);
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
}

/// <summary>
/// One section: paragraphs, key figures, tables, charts and notes ("too few visits to test", "no
/// audit this period"), shown in that order: notes come right after the paragraphs, where a reader
/// looks before trusting a figure.
/// </summary>
public sealed record PackageSection
{
    public PackageSection(string id, string title, IReadOnlyList<string>? paragraphs = null, IReadOnlyList<KeyFigure>? keyFigures = null,
        IReadOnlyList<PackageTable>? tables = null, IReadOnlyList<Chart>? charts = null, IReadOnlyList<string>? notes = null)
    {
        Ids.Require(id, nameof(id));
        Ids.RequireText(title, nameof(title));
        Id = id;
        Title = title;
        Paragraphs = paragraphs ?? [];
        KeyFigures = keyFigures ?? [];
        Tables = tables ?? [];
        Charts = charts ?? [];
        Notes = notes ?? [];
        Ids.RequireUnique(Tables.Select(t => t.Id), "table", nameof(tables));
        Ids.RequireUnique(Charts.Select(c => c.Id), "chart", nameof(charts));
    }

    public string Id { get; }

    public string Title { get; }

    public IReadOnlyList<string> Paragraphs { get; }

    public IReadOnlyList<KeyFigure> KeyFigures { get; }

    public IReadOnlyList<PackageTable> Tables { get; }

    public IReadOnlyList<Chart> Charts { get; }

    public IReadOnlyList<string> Notes { get; }
}

/// <summary>A named figure with its value and, when the cell does not say it, a unit ("hours", "encounters").</summary>
public sealed record KeyFigure(string Name, Cell Value, string? Unit = null);

/// <summary>A table: its columns and rows of cells, each row as long as the columns. One table is one CSV file.</summary>
public sealed record PackageTable
{
    public PackageTable(string id, string title, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<Cell>> rows)
    {
        Ids.Require(id, nameof(id));
        Ids.RequireText(title, nameof(title));
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        if (columns.Count == 0)
        {
            throw new ArgumentException("a table has at least one column", nameof(columns));
        }

        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Count != columns.Count)
            {
                throw new ArgumentException($"table '{id}' row {i + 1} has {rows[i].Count} cells for {columns.Count} columns", nameof(rows));
            }
        }

        Id = id;
        Title = title;
        Columns = columns;
        Rows = rows;
    }

    public string Id { get; }

    public string Title { get; }

    public IReadOnlyList<string> Columns { get; }

    public IReadOnlyList<IReadOnlyList<Cell>> Rows { get; }
}

internal static partial class Ids
{
    public static void Require(string id, string parameter)
    {
        if (id is null || !IdPattern().IsMatch(id))
        {
            throw new ArgumentException($"id '{id}' is not lower-case letters, digits and single hyphens (it becomes an anchor and a file name)", parameter);
        }
    }

    public static void RequireText(string text, string parameter)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException($"{parameter} is empty", parameter);
        }
    }

    public static void RequireUnique(IEnumerable<string> ids, string kind, string parameter)
    {
        var duplicate = ids.GroupBy(i => i, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"{kind} id '{duplicate.Key}' is used twice", parameter);
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
