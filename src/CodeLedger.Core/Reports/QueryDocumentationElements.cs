using CodeLedger.Core.Queries;

namespace CodeLedger.Core.Reports;

/// <summary>One documentation element that answers a query category before it is asked, with advice the physician can act on.</summary>
public sealed record DocumentationElement(string Element, string Advice);

/// <summary>
/// Which documentation elements would have avoided a query of each category: specificity,
/// laterality, acuity, MDM elements, time and the rest. The table is data
/// (Reports/query-documentation-elements.csv, embedded: category, element, advice), so it is read
/// and changed as a table, not as code; a test checks every <see cref="QueryCategory"/> has a row.
/// </summary>
public static class QueryDocumentationElements
{
    private static readonly Lazy<IReadOnlyDictionary<QueryCategory, IReadOnlyList<DocumentationElement>>> Table = new(Load);

    public static IReadOnlyDictionary<QueryCategory, IReadOnlyList<DocumentationElement>> All => Table.Value;

    public static IReadOnlyList<DocumentationElement> For(QueryCategory category) => Table.Value.GetValueOrDefault(category) ?? [];

    private static IReadOnlyDictionary<QueryCategory, IReadOnlyList<DocumentationElement>> Load()
    {
        const string name = "query-documentation-elements.csv";
        using var stream = typeof(QueryDocumentationElements).Assembly.GetManifestResourceStream("CodeLedger.Core.Reports." + name)
            ?? throw new InvalidOperationException($"{name} is not embedded");
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        var table = new Dictionary<QueryCategory, List<DocumentationElement>>();
        var lineNumber = 1;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            // The file ships inside the assembly: a bad line is a build defect, caught by the tests.
            var fields = ReportCsv.Split(line, out var error) is { Count: 3 } f ? f
                : throw new InvalidOperationException($"{name}: line {lineNumber} is not category,element,advice {error}");
            if (!QueryCategories.TryParse(fields[0], out var category))
            {
                throw new InvalidOperationException($"{name}: line {lineNumber}, category '{fields[0]}' is not a query category");
            }

            (table.TryGetValue(category, out var list) ? list : table[category] = []).Add(new DocumentationElement(fields[1], fields[2]));
        }

        return table.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<DocumentationElement>)kv.Value);
    }
}
