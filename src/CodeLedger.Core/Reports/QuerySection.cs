using System.Globalization;
using CodeLedger.Core.Queries;
using CodeLedger.Core.Turnaround;

namespace CodeLedger.Core.Reports;

/// <summary>How many of a physician's month's queries were of a category.</summary>
public sealed record CategoryCount(string Category, int Count);

/// <summary>
/// One physician's queries raised in the month, as they stood at the month's end (so the figures do
/// not change when a query is answered after the package is written).
/// </summary>
/// <param name="Raised">Queries raised in the month.</param>
/// <param name="AnsweredWithinWindow">Answered before the month ended (an answer is only accepted within the window).</param>
/// <param name="Unresolved">The window passed unanswered by the month's end.</param>
/// <param name="OpenAtMonthEnd">Neither answered nor past the window at the month's end.</param>
/// <param name="ResolutionRate">Answered ÷ (answered + unresolved), 4 decimals; null when none was closed.</param>
/// <param name="MedianResponseHours">Median hours from raised to answered over the answered ones, 2 decimals.</param>
public sealed record PhysicianQueryFigures(
    string Npi,
    string Name,
    int Raised,
    int AnsweredWithinWindow,
    int Unresolved,
    int OpenAtMonthEnd,
    decimal? ResolutionRate,
    decimal? MedianResponseHours,
    IReadOnlyList<CategoryCount> Categories);

/// <summary>One line of a feedback sheet: a query category, the month's count and what would have avoided it.</summary>
public sealed record FeedbackLine(string Category, int Count, IReadOnlyList<DocumentationElement> Elements);

/// <summary>A physician's feedback sheet: per category of their month's queries, the documentation that would have avoided them. No PHI: no patient, no note, no query text.</summary>
public sealed record FeedbackSheet(string Npi, string Name, string Month, int Queries, IReadOnlyList<FeedbackLine> Lines, string Summary);

/// <summary>Section 3: queries per physician, the practice's totals and each physician's feedback sheet.</summary>
public sealed record QueryFigures(PhysicianQueryFigures Total, IReadOnlyList<PhysicianQueryFigures> Physicians, IReadOnlyList<FeedbackSheet> FeedbackSheets, int ResponseWindowHours)
{
    public const string TotalKey = "all physicians";
}

/// <summary>
/// Section 3. A query belongs to the month in which it was raised (in the input's time zone); its
/// outcome is read at the month's end: answered when it was answered before then, unresolved when
/// its window had passed unanswered, open otherwise.
/// </summary>
public static class QuerySection
{
    public static QueryFigures Build(SlaMonth month, string timeZoneId, IEnumerable<ReportQuery> queries, int responseWindowHours)
    {
        var window = month.Window(TimeZoneInfo.FindSystemTimeZoneById(timeZoneId));
        var inMonth = queries.Where(q => q.RaisedAt >= window.Start && q.RaisedAt < window.End).ToList();
        var physicians = inMonth.GroupBy(q => q.Physician.Npi.Value, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Figures(g.Key, g.First().Physician.Name, g.ToList(), window.End)).ToList();
        var sheets = inMonth.GroupBy(q => q.Physician.Npi.Value, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Sheet(g.Key, g.First().Physician.Name, month, g.ToList())).ToList();
        return new QueryFigures(Figures(QueryFigures.TotalKey, QueryFigures.TotalKey, inMonth, window.End), physicians, sheets, responseWindowHours);
    }

    private static PhysicianQueryFigures Figures(string npi, string name, List<ReportQuery> queries, DateTimeOffset monthEnd)
    {
        int answered = 0, unresolved = 0, open = 0;
        var responses = new List<long>();
        foreach (var q in queries)
        {
            if (q.Status == QueryStatus.Answered && q.ClosedAt is { } closed && closed < monthEnd)
            {
                answered++;
                responses.Add((closed - q.RaisedAt).Ticks);
            }
            else if (q.DueAt <= monthEnd && !(q.Status == QueryStatus.Answered && q.ClosedAt < q.DueAt))
            {
                unresolved++;
            }
            else
            {
                open++;
            }
        }

        responses.Sort();
        decimal? median = responses.Count == 0 ? null
            : decimal.Round((responses.Count % 2 == 1 ? responses[responses.Count / 2] : (responses[(responses.Count / 2) - 1] + (decimal)responses[responses.Count / 2]) / 2) / TimeSpan.TicksPerHour, 2, MidpointRounding.AwayFromZero);
        decimal? rate = answered + unresolved == 0 ? null : decimal.Round((decimal)answered / (answered + unresolved), 4, MidpointRounding.AwayFromZero);
        var categories = queries.GroupBy(q => q.Category).OrderBy(g => g.Key).Select(g => new CategoryCount(QueryCategories.Name(g.Key), g.Count())).ToList();
        return new PhysicianQueryFigures(npi, name, queries.Count, answered, unresolved, open, rate, median, categories);
    }

    private static FeedbackSheet Sheet(string npi, string name, SlaMonth month, List<ReportQuery> queries)
    {
        var lines = queries.GroupBy(q => q.Category).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => new FeedbackLine(QueryCategories.Name(g.Key), g.Count(), QueryDocumentationElements.For(g.Key))).ToList();
        var top = lines[0];
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{queries.Count} documentation {(queries.Count == 1 ? "query" : "queries")} in {month}; most were about {top.Category} ({top.Count}): documenting {string.Join(" and ", top.Elements.Select(e => e.Element))} at the visit would have avoided them");
        return new FeedbackSheet(npi, name, month.ToString(), queries.Count, lines, summary);
    }
}
