using CodeLedger.Core.Audits;
using CodeLedger.Core.Queries;
using CodeLedger.Core.Reports;
using CodeLedger.Core.Tests.Audits;
using static CodeLedger.Core.Tests.Reports.ReportFixtures;

namespace CodeLedger.Core.Tests.Reports;

public sealed class AuditAndSummaryTests
{
    private const string Right = """{"diagnoses": ["E11.65", "I10"], "lines": [{"code": "99213", "charge": "100.00", "pointers": [1, 2]}]}""";
    private const string Overcoded = """{"diagnoses": ["E11.65", "I10"], "lines": [{"code": "99214", "charge": "100.00", "pointers": [1, 2]}]}""";

    /// <summary>An audit of <paramref name="n"/> encounters, the first <paramref name="wrong"/> overcoded 99213 → 99214.</summary>
    private static AuditReport Audit(int n, int wrong)
    {
        var sample = AuditSampler.Draw(AuditFixtures.Population(400), AuditFixtures.Plan(size: n));
        var comparisons = sample.Members.Select((m, i) => AuditComparer.Compare(m.Member.EncounterId, m.Member.DateOfService,
            AuditFixtures.Coding(i < wrong ? Overcoded : Right), AuditFixtures.Coding(Right), AuditFixtures.Pricing2026)).ToList();
        return AuditReport.Create(sample, comparisons, new AuditDisputes("adjudicator.ann"), AuditFixtures.Names);
    }

    [Fact]
    public void No_audit_this_period_says_so()
    {
        var section = AuditSection.Build(null);

        Assert.False(section.Audited);
        Assert.Equal("no audit this period", section.Statement);
        Assert.Null(section.EncounterAccuracy);
    }

    [Fact]
    public void The_audit_section_repeats_the_reports_final_figures()
    {
        // 100 audited, 2 overcoded by one level: 98% (Wilson 95% 93.0%–99.4%); each overcoding is (4.06 − 2.85) × 33.4009 = 40.42.
        var report = Audit(100, wrong: 2);

        var section = AuditSection.Build(report);

        Assert.Equal((98, 100, 0.98m), (section.EncounterAccuracy!.Successes, section.EncounterAccuracy.Trials, section.EncounterAccuracy.Point));
        Assert.Equal(0.9300m, decimal.Round(section.EncounterAccuracy.Lower, 3));
        Assert.Equal(report.Figures.Final.FloorStatement, section.FloorStatement);
        Assert.Equal(2, section.ErrorCategories.Single(c => c.Category == nameof(ErrorCategory.EmOvercoded)).Findings);
        Assert.Equal(report.Figures.Final.Dollars.Overcoding, section.Overcoding);
        Assert.InRange(section.Overcoding!.Value, 80.82m, 80.84m);
        Assert.Equal(98, section.Components.Single(c => c.Component == "EmLevel").Accuracy.Successes);
    }

    [Fact]
    public void The_accuracy_floor_is_met_when_the_intervals_lower_bound_reaches_the_contract_floor()
    {
        var contract = Contract(); // floor 95%
        var met = Line(contract, Audit(400, wrong: 4), "accuracy-floor");       // 99%, lower 97.5%
        var notDemonstrated = Line(contract, Audit(100, wrong: 3), "accuracy-floor"); // 97%, lower 91.5%
        var missed = Line(contract, Audit(100, wrong: 20), "accuracy-floor");   // 80%, upper 86.9%

        Assert.Equal((CommitmentStatus.Met, CommitmentStatus.NotDemonstrated, CommitmentStatus.NotMet), (met.Status, notDemonstrated.Status, missed.Status));
        Assert.StartsWith("99.0% (95% CI", met.Measured, StringComparison.Ordinal);
        Assert.Equal("encounter-level accuracy at least 95%", met.Commitment);
    }

    [Fact]
    public void Without_an_audit_or_a_contract_the_commitments_have_no_data()
    {
        Assert.Equal(CommitmentStatus.NoData, Line(Contract(), null, "accuracy-floor").Status);
        Assert.All(Summary(null, null, [], []), l => Assert.Equal(CommitmentStatus.NoData, l.Status));
    }

    [Fact]
    public void The_turnaround_commitment_follows_the_months_breach_verdict()
    {
        var doctor = Physician(1);
        var within = Enumerable.Range(0, 19).Select(_ => Encounter(doctor, new DateOnly(2026, 3, 2), "99213", hours: 2)).ToList();

        var met = Summary(Contract(), null, [.. within, Encounter(doctor, new DateOnly(2026, 3, 2), "99213", hours: 30)], []).Single(l => l.Key == "turnaround-target");
        var missed = Summary(Contract(), null, [.. within, .. Enumerable.Range(0, 2).Select(_ => Encounter(doctor, new DateOnly(2026, 3, 2), "99213", hours: 30))], []).Single(l => l.Key == "turnaround-target");

        Assert.Equal((CommitmentStatus.Met, "95.00% (19 of 20)"), (met.Status, met.Measured));
        Assert.Equal((CommitmentStatus.NotMet, "90.48% (19 of 21)"), (missed.Status, missed.Measured));
    }

    [Fact]
    public void The_query_window_is_met_when_no_query_went_unanswered_past_it()
    {
        var doctor = Physician(1);
        var answered = Query(doctor, QueryCategory.Laterality, Utc(3, 2), QueryStatus.Answered, 5);
        var lapsed = Query(doctor, QueryCategory.Laterality, Utc(3, 3), QueryStatus.Unresolved);

        var met = Summary(Contract(), null, [], [answered]).Single(l => l.Key == "query-window");
        var missed = Summary(Contract(), null, [], [answered, lapsed]).Single(l => l.Key == "query-window");

        Assert.Equal((CommitmentStatus.Met, "100.0% (1 of 1)"), (met.Status, met.Measured));
        Assert.Equal((CommitmentStatus.NotMet, "50.0% (1 of 2)"), (missed.Status, missed.Measured));
        Assert.Equal("queries answered within 72 h", met.Commitment);
    }

    [Fact]
    public void Another_section_adds_its_line_after_the_contracts_three()
    {
        var denial = new CommitmentLine("first-pass-acceptance", "at least 95% of claims accepted on first pass", "96.1%", CommitmentStatus.Met, "from the 835s");

        var lines = MonthlyReport.Build(Input([], contract: Contract()) with { AdditionalCommitments = [denial] }).ExecutiveSummary;

        Assert.Equal(["accuracy-floor", "turnaround-target", "query-window", "first-pass-acceptance"], lines.Select(l => l.Key));
    }

    private static CommitmentLine Line(Core.Contracts.SlaContract contract, AuditReport? audit, string key) =>
        MonthlyReport.Build(Input([], contract: contract, audit: audit)).ExecutiveSummary.Single(l => l.Key == key);

    private static IReadOnlyList<CommitmentLine> Summary(Core.Contracts.SlaContract? contract, AuditReport? audit, IReadOnlyList<ReportEncounter> encounters, IReadOnlyList<ReportQuery> queries) =>
        MonthlyReport.Build(Input(encounters, queries, contract, audit)).ExecutiveSummary;
}
