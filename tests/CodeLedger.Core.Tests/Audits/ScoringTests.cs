using System.Text.Json;
using CodeLedger.Core.Audits;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.Tests.Audits;

public class ScoringTests
{
    private const string Right = """{"diagnoses": ["E11.65", "I10"], "lines": [{"code": "99213", "charge": "100.00", "pointers": [1, 2]}]}""";
    private const string Overcoded = """{"diagnoses": ["E11.65", "I10"], "lines": [{"code": "99214", "charge": "100.00", "pointers": [1, 2]}]}""";
    private const string Undercoded = """{"diagnoses": ["E11.65", "I10"], "lines": [{"code": "99212", "charge": "100.00", "pointers": [1, 2]}]}""";

    [Fact]
    public void A_rebutted_and_reversed_finding_changes_the_final_accuracy_but_not_the_initial()
    {
        var (sample, comparisons) = Audit(20, wrong: 2);
        var disputes = new AuditDisputes("adjudicator.ann");
        var ids = FindingIds(comparisons);
        var reversed = comparisons.First(c => !c.IsCorrect).Findings.Single().Id;
        disputes.Rebut(ids, new Rebuttal(reversed, "lead.lee", "MDM moderate: two stable chronic illnesses and prescription drug management", At));
        disputes.Adjudicate(ids, new Adjudication(reversed, AdjudicationOutcome.Reversed, "adjudicator.ann", At));

        var figures = AuditScorer.Score(sample, comparisons, disputes);

        Assert.Equal(18, figures.Initial.EncounterAccuracy.Successes);
        Assert.Equal(19, figures.Final.EncounterAccuracy.Successes);
        Assert.Equal(0.764, figures.Final.EncounterAccuracy.Lower, 3);
        Assert.Equal(1, figures.Initial.FindingsByCategory[ErrorCategory.EmOvercoded]);
        Assert.Equal(0, figures.Final.FindingsByCategory[ErrorCategory.EmOvercoded]);
        Assert.Equal("reversed", disputes.Status(reversed));
    }

    [Fact]
    public void An_upheld_finding_still_counts()
    {
        var (sample, comparisons) = Audit(20, wrong: 2);
        var disputes = new AuditDisputes("adjudicator.ann");
        var ids = FindingIds(comparisons);
        var upheld = comparisons.First(c => !c.IsCorrect).Findings.Single().Id;
        disputes.Rebut(ids, new Rebuttal(upheld, "lead.lee", "the time supports it", At));
        disputes.Adjudicate(ids, new Adjudication(upheld, AdjudicationOutcome.Upheld, "adjudicator.ann", At));

        var figures = AuditScorer.Score(sample, comparisons, disputes);

        Assert.Equal(figures.Initial.EncounterAccuracy, figures.Final.EncounterAccuracy);
    }

    [Fact]
    public void Dollars_split_into_under_and_overcoding_with_the_real_2026_factor()
    {
        // Encounter 1: vendor 99214, auditor 99213: -1.21 RVU x 33.4009 = -40.415089 (overcoding).
        // Encounter 2: vendor 99212, auditor 99213: (2.85 - 1.78) = 1.07 RVU x 33.4009 = 35.738963 (undercoding).
        var (sample, comparisons) = Audit(20, wrong: 2);

        var dollars = AuditScorer.Score(sample, comparisons, new AuditDisputes("adjudicator.ann"), AuditFixtures.Names).Initial.Dollars;

        Assert.Equal(40.42m, dollars.Overcoding);
        Assert.Equal(35.74m, dollars.Undercoding);
        Assert.Equal(-4.68m, dollars.Net);
    }

    [Fact]
    public void A_probe_has_no_projection_and_says_why()
    {
        var (sample, comparisons) = Audit(20, wrong: 2);

        var figures = AuditScorer.Score(sample, comparisons, new AuditDisputes("adjudicator.ann"), AuditFixtures.Names);

        // 20 audited of a frame of 400: the calculator asks for 62 at ±5 points, 95% expected.
        Assert.False(figures.StatisticallyValid);
        Assert.Null(figures.Final.Dollars.ProjectedNet);
        Assert.StartsWith("no projection to the population: probe: 20 audited, fewer than the 62 needed", figures.Final.Dollars.Projection, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_sample_projects_the_net_dollars_to_the_frame()
    {
        var (sample, comparisons) = Audit(73, wrong: 2, frame: 100_000);

        var figures = AuditScorer.Score(sample, comparisons, new AuditDisputes("adjudicator.ann"), AuditFixtures.Names);

        // Net -40.415089 + 35.738963 = -4.676126 over 73 audited x 100,000 = -6,405.65.
        Assert.True(figures.StatisticallyValid);
        Assert.Equal(-6405.65m, figures.Final.Dollars.ProjectedNet);
    }

    [Fact]
    public void Code_level_and_component_accuracy_count_what_the_docs_say()
    {
        var (sample, comparisons) = Audit(20, wrong: 2);

        var set = AuditScorer.Score(sample, comparisons, new AuditDisputes("adjudicator.ann"), AuditFixtures.Names).Initial;

        // Each encounter has three items (E11.65, I10, the line); two lines are wrong: 58 of 60.
        Assert.Equal((58, 60), (set.CodeAccuracy.Successes, set.CodeAccuracy.Trials));
        Assert.Equal(18, set.Components.Single(c => c.Key == "EmLevel").Accuracy.Successes);
        Assert.Equal(20, set.Components.Single(c => c.Key == "Diagnoses").Accuracy.Successes);
        Assert.Equal(20, set.ByPhysician.Sum(p => p.Accuracy.Trials));
        Assert.Equal(20, set.ByCoder.Sum(p => p.Accuracy.Trials));
    }

    [Fact]
    public void An_internal_audit_is_labeled_internal_in_every_figure_set()
    {
        var (sample, comparisons) = Audit(20, wrong: 2, kind: AuditKind.Internal);

        var report = AuditReport.Create(sample, comparisons, new AuditDisputes("adjudicator.ann"), AuditFixtures.Names);

        Assert.Equal("internal", report.Figures.Initial.Label);
        Assert.Equal("internal", report.Figures.Final.Label);
        Assert.StartsWith("internal audit: ", report.Figures.Final.FloorStatement, StringComparison.Ordinal);
        Assert.StartsWith("internal audit", report.Plan, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_names_the_practice_by_its_code_the_findings_by_encounter_key_and_the_coders_by_user_name()
    {
        var (sample, comparisons) = Audit(20, wrong: 2);

        var report = AuditReport.Create(sample, comparisons, new AuditDisputes("adjudicator.ann"), AuditFixtures.Names);
        var text = report.ToText();

        // A reader knows the practice as NORTHSIDE-FM and an encounter by the practice's own id, not by CodeLedger's GUIDs.
        Assert.Contains("encounters of practice NORTHSIDE-FM with a date of service", report.Frame, StringComparison.Ordinal);
        Assert.DoesNotContain(AuditFixtures.Practice.ToString("D"), text, StringComparison.Ordinal);
        Assert.All(report.Findings, f => Assert.Equal(sample.Find(f.EncounterId)!.Member.EncounterKey, f.Encounter));
        Assert.All(report.Findings, f => Assert.DoesNotContain(f.EncounterId.ToString("D"), text, StringComparison.Ordinal));
        Assert.All(report.Findings, f => Assert.Contains($"{f.Id} {f.Encounter} ", text, StringComparison.Ordinal));
        Assert.NotEmpty(report.Figures.Initial.ByCoder);
        Assert.All(report.Figures.Initial.ByCoder, c => Assert.StartsWith("coder.", c.Key, StringComparison.Ordinal));
        Assert.DoesNotContain("c0000000-", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_coder_the_names_do_not_know_is_still_attributed_by_id()
    {
        var (sample, comparisons) = Audit(20, wrong: 2);

        var report = AuditReport.Create(sample, comparisons, new AuditDisputes("adjudicator.ann"), new AuditNames("NORTHSIDE-FM", new Dictionary<Guid, string>()));

        Assert.Contains(report.Figures.Initial.ByCoder, c => c.Key.StartsWith("c0000000-", StringComparison.Ordinal));
    }

    [Fact]
    public void A_report_over_no_audited_encounter_says_so_and_writes_null_figures_never_NaN()
    {
        var (sample, _) = Audit(20, wrong: 2);

        var report = AuditReport.Create(sample, [], new AuditDisputes("adjudicator.ann"), AuditFixtures.Names);
        var json = AuditReportJson.Write(report);
        var text = report.ToText();
        var final = JsonDocument.Parse(json).RootElement.GetProperty("figures").GetProperty("final");

        Assert.DoesNotContain("NaN", json, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, final.GetProperty("encounterAccuracy").GetProperty("point").ValueKind);
        Assert.Equal(JsonValueKind.Null, final.GetProperty("codeAccuracy").GetProperty("point").ValueKind);
        Assert.Contains("no encounter audited yet", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_json_keeps_figures_over_audited_encounters_as_numbers()
    {
        var (sample, comparisons) = Audit(20, wrong: 2);

        var json = AuditReportJson.Write(AuditReport.Create(sample, comparisons, new AuditDisputes("adjudicator.ann"), AuditFixtures.Names));
        var final = JsonDocument.Parse(json).RootElement.GetProperty("figures").GetProperty("final");

        Assert.Equal(0.9, final.GetProperty("encounterAccuracy").GetProperty("point").GetDouble(), 6);
        Assert.Equal(JsonValueKind.Number, final.GetProperty("dollarAccuracy").ValueKind);
    }

    [Fact]
    public void The_report_carries_definitions_both_figure_sets_and_every_finding_and_writes_as_json()
    {
        var (sample, comparisons) = Audit(20, wrong: 2);

        var report = AuditReport.Create(sample, comparisons, new AuditDisputes("adjudicator.ann"), AuditFixtures.Names);
        var text = report.ToText();
        var json = JsonSerializer.Serialize(report);

        Assert.Equal(2, report.Findings.Count);
        Assert.Contains("Encounter-level accuracy (the contract figure)", report.Definitions, StringComparison.Ordinal);
        Assert.Contains("initial figures (independent)", text, StringComparison.Ordinal);
        Assert.Contains("final (adjudicated) figures (independent)", text, StringComparison.Ordinal);
        Assert.Contains("encounter-level accuracy 90.0% (18 of 20; 95% CI 69.9%–97.2%)", text, StringComparison.Ordinal);
        Assert.Contains("\"FloorStatement\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Comparisons_of_encounters_outside_the_sample_do_not_count()
    {
        var (sample, comparisons) = Audit(20, wrong: 0);
        var stranger = ComparisonTests.Compare(Overcoded, Right, encounter: 999_999);

        var figures = AuditScorer.Score(sample, [.. comparisons, stranger], new AuditDisputes("adjudicator.ann"), AuditFixtures.Names);

        Assert.Equal(20, figures.Audited);
        Assert.Equal(20, figures.Initial.EncounterAccuracy.Successes);
    }

    [Fact]
    public void Disputes_refuse_unknown_findings_second_rebuttals_and_adjudications_out_of_turn()
    {
        var (_, comparisons) = Audit(20, wrong: 2);
        var ids = FindingIds(comparisons);
        var finding = ids.First();
        var disputes = new AuditDisputes("adjudicator.ann");

        Assert.Equal("AUDIT-FINDING-UNKNOWN", Refused(() => disputes.Rebut(ids, new Rebuttal("F-0000000000000000", "lead.lee", "why", At))));
        Assert.Equal("AUDIT-REBUTTAL-REASON", Refused(() => new Rebuttal(finding, "lead.lee", new string('x', Rebuttal.MaxReason + 1), At)));
        Assert.Equal("AUDIT-REBUTTAL-REASON", Refused(() => new Rebuttal(finding, "lead.lee", "  ", At)));
        Assert.Equal("AUDIT-NOT-REBUTTED", Refused(() => disputes.Adjudicate(ids, new Adjudication(finding, AdjudicationOutcome.Reversed, "adjudicator.ann", At))));
        disputes.Rebut(ids, new Rebuttal(finding, "lead.lee", "why", At));
        Assert.Equal("AUDIT-REBUTTED-TWICE", Refused(() => disputes.Rebut(ids, new Rebuttal(finding, "lead.lee", "again", At))));
        Assert.Equal("AUDIT-NOT-ADJUDICATOR", Refused(() => disputes.Adjudicate(ids, new Adjudication(finding, AdjudicationOutcome.Reversed, "lead.lee", At))));
        disputes.Adjudicate(ids, new Adjudication(finding, AdjudicationOutcome.Upheld, "adjudicator.ann", At));
        Assert.Equal("AUDIT-ADJUDICATED-TWICE", Refused(() => disputes.Adjudicate(ids, new Adjudication(finding, AdjudicationOutcome.Reversed, "adjudicator.ann", At))));
        Assert.Equal("upheld", disputes.Status(finding));
    }

    [Fact]
    public void Blind_and_recorded_twice_refusals_name_the_practices_encounter_id_not_the_internal_guid()
    {
        var sample = AuditSampler.Draw(AuditFixtures.Population(50), AuditFixtures.Plan(size: 5));
        var member = sample.Members[0].Member;
        var coding = AuditFixtures.Coding(Right);

        var blind = Assert.Throws<DomainException>(() => AuditRecording.RequireRecordedBeforeReveal(new HashSet<Guid>(), member));
        var twice = Assert.Throws<DomainException>(() => AuditRecording.Check(sample, new HashSet<Guid> { member.EncounterId }, member.EncounterId, coding));

        foreach (var e in new[] { blind, twice })
        {
            Assert.Contains($"encounter {member.EncounterKey}", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(member.EncounterId.ToString(), e.Message, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void The_auditor_codes_only_sampled_encounters_once_each_and_sees_the_vendors_codes_after()
    {
        var sample = AuditSampler.Draw(AuditFixtures.Population(50), AuditFixtures.Plan(size: 5));
        var inSample = sample.Members[0].Member.EncounterId;
        var outside = AuditFixtures.Population(50).Select(m => m.EncounterId).First(id => !sample.Contains(id));
        var coding = AuditFixtures.Coding(Right);

        Assert.Equal("AUDIT-NOT-IN-SAMPLE", Refused(() => AuditRecording.Check(sample, new HashSet<Guid>(), outside, coding)));
        Assert.Equal("AUDIT-BLIND", Refused(() => AuditRecording.RequireRecordedBeforeReveal(new HashSet<Guid>(), sample.Members[0].Member)));
        AuditRecording.Check(sample, new HashSet<Guid>(), inSample, coding);
        Assert.Equal("AUDIT-RECORDED-TWICE", Refused(() => AuditRecording.Check(sample, new HashSet<Guid> { inSample }, inSample, coding)));
        AuditRecording.RequireRecordedBeforeReveal(new HashSet<Guid> { inSample }, sample.Members[0].Member);

        var pastTheDiagnoses = AuditFixtures.Coding("""{"diagnoses": ["I10"], "lines": [{"code": "99213", "charge": "100.00", "pointers": [1, 3]}]}""");
        var e = Assert.Throws<DomainException>(() => AuditRecording.Check(sample, new HashSet<Guid>(), inSample, pastTheDiagnoses));
        Assert.Equal("AUDIT-CODING-INVALID", e.Code);
        Assert.Contains("lines[0] (99213) points past the 1 diagnoses", e.Message, StringComparison.Ordinal);
        Assert.Equal("CODING-INVALID", Refused(() => AuditFixtures.Coding("""{"diagnoses": ["11.9"], "lines": []}""")));
    }

    [Fact]
    public void An_independent_audit_refuses_the_coding_vendor_and_any_vendor_with_a_baa()
    {
        Guid vendor = Guid.NewGuid(), otherVendor = Guid.NewGuid(), firm = Guid.NewGuid();
        var coded = new HashSet<Guid> { vendor };
        var baa = new HashSet<Guid> { vendor, otherVendor };

        Assert.Equal("AUDIT-NOT-INDEPENDENT", Refused(() => AuditIndependence.Check(AuditKind.Independent, vendor, coded, baa)));
        Assert.Equal("AUDIT-NOT-INDEPENDENT", Refused(() => AuditIndependence.Check(AuditKind.Independent, otherVendor, coded, baa)));
        AuditIndependence.Check(AuditKind.Independent, firm, coded, baa);
        AuditIndependence.Check(AuditKind.Internal, vendor, coded, baa);
    }

    private static readonly DateTimeOffset At = new(2026, 4, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A frame, a sample of n, and comparisons for every sampled encounter: the first overcoded, the second undercoded (when wrong = 2), the rest right.</summary>
    private static (AuditSample Sample, List<EncounterComparison> Comparisons) Audit(int n, int wrong, int frame = 400, AuditKind kind = AuditKind.Independent)
    {
        var sample = AuditSampler.Draw(AuditFixtures.Population(frame), AuditFixtures.Plan(size: n, kind: kind));
        var comparisons = sample.Members.Select((m, i) =>
        {
            var vendor = i < wrong ? (i == 0 ? Overcoded : Undercoded) : Right;
            return AuditComparer.Compare(m.Member.EncounterId, m.Member.DateOfService, AuditFixtures.Coding(vendor), AuditFixtures.Coding(Right), AuditFixtures.Pricing2026);
        }).ToList();
        return (sample, comparisons);
    }

    private static HashSet<string> FindingIds(IEnumerable<EncounterComparison> comparisons) => [.. comparisons.SelectMany(c => c.Findings).Select(f => f.Id)];

    private static string Refused(Action action) => Assert.Throws<DomainException>(action).Code;
}
