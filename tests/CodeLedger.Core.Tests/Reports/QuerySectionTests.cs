using CodeLedger.Core.Queries;
using CodeLedger.Core.Reports;
using static CodeLedger.Core.Tests.Reports.ReportFixtures;

namespace CodeLedger.Core.Tests.Reports;

public sealed class QuerySectionTests
{
    [Fact]
    public void Queries_per_physician_counted_by_hand()
    {
        var a = Physician(1);
        var b = Physician(2);
        List<ReportQuery> queries =
        [
            Query(a, QueryCategory.Laterality, Utc(3, 2), QueryStatus.Answered, answeredAfterHours: 10),
            Query(a, QueryCategory.Laterality, Utc(3, 3), QueryStatus.Answered, answeredAfterHours: 20),
            Query(a, QueryCategory.EmSupport, Utc(3, 4), QueryStatus.Answered, answeredAfterHours: 5),
            Query(a, QueryCategory.EmSupport, Utc(3, 5), QueryStatus.Unresolved),
            Query(a, QueryCategory.AcuityOrSeverity, Utc(3, 30), QueryStatus.Open), // due 2 April: open at the month's end
            Query(b, QueryCategory.DiagnosisSpecificity, Utc(3, 10), QueryStatus.Answered, answeredAfterHours: 30),
            Query(b, QueryCategory.DiagnosisSpecificity, Utc(2, 27), QueryStatus.Answered, answeredAfterHours: 1), // February's
        ];

        var figures = QuerySection.Build(March, "UTC", queries, 72);

        var first = figures.Physicians[0];
        Assert.Equal((5, 3, 1, 1), (first.Raised, first.AnsweredWithinWindow, first.Unresolved, first.OpenAtMonthEnd));
        Assert.Equal(0.75m, first.ResolutionRate); // 3 of the 4 closed
        Assert.Equal(10m, first.MedianResponseHours); // 5, 10, 20
        Assert.Equal(["laterality 2", "acuity-or-severity 1", "em-support 2"], first.Categories.Select(c => $"{c.Category} {c.Count}"));
        Assert.Equal((1, 1m, 30m), (figures.Physicians[1].Raised, figures.Physicians[1].ResolutionRate, figures.Physicians[1].MedianResponseHours));
        Assert.Equal((6, 4, 1, 1, 15m), (figures.Total.Raised, figures.Total.AnsweredWithinWindow, figures.Total.Unresolved, figures.Total.OpenAtMonthEnd, figures.Total.MedianResponseHours));
    }

    [Fact]
    public void A_query_answered_after_the_month_ended_is_open_in_that_months_figures()
    {
        // Raised 30 March, answered 2 April (within its window): the package written on 1 April and the one verified later agree.
        var queries = new[] { Query(Physician(1), QueryCategory.Laterality, Utc(3, 30), QueryStatus.Answered, answeredAfterHours: 50) };

        var total = QuerySection.Build(March, "UTC", queries, 72).Total;

        Assert.Equal((0, 0, 1), (total.AnsweredWithinWindow, total.Unresolved, total.OpenAtMonthEnd));
        Assert.Null(total.ResolutionRate);
    }

    [Fact]
    public void A_feedback_sheet_names_the_documentation_that_would_have_avoided_each_category()
    {
        var doctor = Physician(1);
        var queries = new[]
        {
            Query(doctor, QueryCategory.EmSupport, Utc(3, 2), QueryStatus.Answered, 2),
            Query(doctor, QueryCategory.EmSupport, Utc(3, 3), QueryStatus.Answered, 2),
            Query(doctor, QueryCategory.Laterality, Utc(3, 4), QueryStatus.Answered, 2),
        };

        var sheet = Assert.Single(QuerySection.Build(March, "UTC", queries, 72).FeedbackSheets);

        Assert.Equal(["em-support 2", "laterality 1"], sheet.Lines.Select(l => $"{l.Category} {l.Count}"));
        Assert.Equal(["MDM elements", "time"], sheet.Lines[0].Elements.Select(e => e.Element));
        Assert.Equal(["laterality"], sheet.Lines[1].Elements.Select(e => e.Element));
        Assert.Equal("3 documentation queries in 2026-03; most were about em-support (2): documenting MDM elements and time at the visit would have avoided them", sheet.Summary);
    }

    [Fact]
    public void Every_query_category_has_documentation_elements() =>
        Assert.All(Enum.GetValues<QueryCategory>(), c => Assert.NotEmpty(QueryDocumentationElements.For(c)));

    [Fact]
    public void The_categories_specificity_laterality_acuity_MDM_and_time_are_in_the_table()
    {
        var elements = QueryDocumentationElements.All.Values.SelectMany(e => e).Select(e => e.Element).ToHashSet();

        Assert.Superset(new HashSet<string> { "specificity", "laterality", "acuity", "MDM elements", "time" }, elements);
    }
}
