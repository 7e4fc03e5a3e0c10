using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using CodeLedger.Core.Ledger;
using CodeLedger.Core.Ledger.Events;
using CodeLedger.Testing;

namespace CodeLedger.Cli.Tests.Foundation;

/// <summary>
/// Ledger events are typed records serialized in one place: every record is in the catalogue and in
/// docs/LEDGER.md with exactly its fields, and every event a real run writes reads back into its
/// record and serializes to the very payload text that was hashed.
/// </summary>
public sealed partial class LedgerEventTests
{
    [Fact]
    public void Every_event_record_in_core_is_in_the_catalogue()
    {
        var records = typeof(ILedgerEvent).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && t.IsAssignableTo(typeof(ILedgerEvent)))
            .ToHashSet();

        Assert.Equal(records.OrderBy(t => t.Name), LedgerEvents.Types.Values.OrderBy(t => t.Name));
    }

    [Fact]
    public void Docs_list_every_event_type_with_exactly_its_fields()
    {
        var documented = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(RepoPaths.Root, "docs", "LEDGER.md")))
        {
            if (DocumentedRow().Match(line) is { Success: true } row)
            {
                documented.Add(row.Groups["type"].Value, row.Groups["fields"].Value.Replace("`", string.Empty, StringComparison.Ordinal));
            }
        }

        var expected = LedgerEvents.Types.ToDictionary(t => t.Key, t => Fields(t.Value), StringComparer.Ordinal);

        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), documented.Keys.Order(StringComparer.Ordinal));
        foreach (var (type, fields) in expected)
        {
            // One type at a time, so a failure shows the whole field list that differs.
            Assert.Equal($"{type}: {fields}", $"{type}: {documented[type]}");
        }
    }

    [Fact]
    public void Every_event_of_a_demo_ledger_reads_back_to_its_exact_payload()
    {
        using var folder = new TempFolder();
        var demo = DemoTemplates.Copy(folder, encounters: 400, seed: 11);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(demo.Export))
        {
            var entry = JsonSerializer.Deserialize<JsonElement>(line);
            var type = entry.GetProperty("type").GetString()!;
            var payload = entry.GetProperty("payload").GetString()!;

            var typed = LedgerEvents.Read(type, payload);

            Assert.True(typed is not null, $"{type} is not in the catalogue");
            Assert.Equal(payload, LedgerEvents.Write(typed));
            seen.Add(type);
        }

        Assert.Superset(new HashSet<string>(["demo.started", "encounter.received", "coding.submitted", "encounter.finalized", "query.raised"]), seen);
    }

    /// <summary>The payload's fields as the docs write them: camelCase names, nested lists of records as name[a, b].</summary>
    private static string Fields(Type record) =>
        string.Join(", ", record.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<System.Text.Json.Serialization.JsonIgnoreAttribute>() is not { Condition: System.Text.Json.Serialization.JsonIgnoreCondition.Always })
            .OrderBy(p => p.MetadataToken)
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name) + (NestedRecord(p.PropertyType) is { } nested ? $"[{Fields(nested)}]" : string.Empty)));

    private static Type? NestedRecord(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) && type.GenericTypeArguments[0] is { IsClass: true } item && item != typeof(string)
            ? item
            : null;

    [GeneratedRegex(@"^\| `(?<type>[a-z0-9.-]+)` \| [^|]+ \| (?<fields>[^|]+) \|")]
    private static partial Regex DocumentedRow();
}
