using CodeLedger.Core.Assignment;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Encounters;
using CodeLedger.Core.Queries;
using CodeLedger.Core.Workflow;

namespace CodeLedger.Core.Tests.Workflow;

/// <summary>
/// What expiry finalizes: the latest coding of the note as it stands, past the edit gate, flagged
/// coded without query response; otherwise the queries close and the encounter waits for a coder.
/// </summary>
public sealed class QueryExpiryTests
{
    private static readonly DateTimeOffset Documented = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Raised = Documented.AddHours(1);
    private static readonly DateTimeOffset AfterDue = Raised.AddHours(73);

    private static readonly Encounter Visit = new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "EHR-1",
        new PatientDemographics("Garcia", "Luis", new DateOnly(1958, 7, 4), PatientSex.Male, "MBR1"),
        new DateOnly(2026, 3, 2), PlaceOfService.Office, Specialty.Parse("family-medicine"), "note", Documented, Documented);

    private static WorkItem Work() => new(Visit, Guid.NewGuid(), new CoderAssignment(Guid.NewGuid(), "jdoe", AssignmentBasis.Primary), Documented);

    private static DocumentationQuery Query(DateTimeOffset raised) =>
        new(Guid.NewGuid(), Visit.Id, Visit.PhysicianId, Guid.NewGuid(), QueryCategory.Laterality, "Which knee was examined?", [], raised, 72);

    private static CodedVersion Clean(int version, int note = 1) => new(version, note, PassesEditGate: true, null, null);

    private static CodedVersion WithErrors(int version) => new(version, 1, PassesEditGate: false, null, null);

    private static ExpiryDecision Decide(WorkItem work, IEnumerable<CodedVersion> versions, params DocumentationQuery[] queries) =>
        QueryExpiry.Decide(queries, versions, work, AfterDue);

    [Fact]
    public void Unanswered_query_finalizes_the_latest_coding_of_the_note_as_documented()
    {
        var query = Query(Raised);

        var decision = Decide(Work(), [Clean(1), Clean(2)], query);

        Assert.Equal((ExpiryOutcome.Finalized, 2), (decision.Outcome, decision.Final!.Version));
        Assert.Equal([query], decision.Unresolved);
    }

    [Fact]
    public void Latest_coding_is_final_whether_made_before_the_query_or_while_it_was_open()
    {
        // An unanswered query has no answer to presume: a version made while it was open codes the note as documented.
        Assert.Equal(1, Decide(Work(), [Clean(1)], Query(Raised)).Final!.Version);
        Assert.Equal(3, Decide(Work(), [Clean(1), Clean(2), Clean(3)], Query(Raised)).Final!.Version);
    }

    [Fact]
    public void Latest_coding_held_by_edit_errors_is_not_finalized_and_no_earlier_version_stands_in()
    {
        var decision = Decide(Work(), [Clean(1), WithErrors(2)], Query(Raised));

        Assert.Equal((ExpiryOutcome.HeldByEditErrors, null), (decision.Outcome, decision.Final));
        Assert.Single(decision.Unresolved);
    }

    [Fact]
    public void Latest_coding_whose_errors_a_lead_overrode_is_finalized_with_the_override()
    {
        var overridden = new CodedVersion(2, 1, PassesEditGate: true, "payer confirmed the pointer", "lead");

        var decision = Decide(Work(), [Clean(1), overridden], Query(Raised));

        Assert.Equal((ExpiryOutcome.Finalized, "payer confirmed the pointer", "lead"), (decision.Outcome, decision.Final!.OverrideReason, decision.Final.OverrideBy));
    }

    [Fact]
    public void Coding_of_an_earlier_note_is_not_finalized_after_a_correction_arrived()
    {
        var work = Work();
        work.AcceptCorrectedDocumentation(Raised.AddHours(2), Raised.AddHours(2), restartClock: false);

        Assert.Equal(ExpiryOutcome.CodedOnEarlierNote, Decide(work, [Clean(1, note: 1)], Query(Raised)).Outcome);
        Assert.Equal(ExpiryOutcome.Finalized, Decide(work, [Clean(1, note: 1), Clean(2, note: 2)], Query(Raised)).Outcome);
    }

    [Fact]
    public void Encounter_without_coding_waits_for_its_coder()
    {
        var decision = Decide(Work(), [], Query(Raised));

        Assert.Equal((ExpiryOutcome.NothingCoded, 1), (decision.Outcome, decision.Unresolved.Count));
    }

    [Fact]
    public void Another_query_still_within_its_window_holds_the_encounter()
    {
        var overdue = Query(Raised);
        var recent = Query(AfterDue.AddHours(-1));

        var decision = Decide(Work(), [Clean(1)], overdue, recent);

        Assert.Equal((ExpiryOutcome.AnotherQueryOpen, overdue), (decision.Outcome, Assert.Single(decision.Unresolved)));
    }

    [Fact]
    public void Several_overdue_queries_close_together_earliest_due_first()
    {
        var later = Query(Raised.AddMinutes(30));
        var earlier = Query(Raised);

        var decision = Decide(Work(), [Clean(1)], later, earlier);

        Assert.Equal([earlier, later], decision.Unresolved);
        Assert.Equal(ExpiryOutcome.Finalized, decision.Outcome);
    }

    [Fact]
    public void Final_encounter_keeps_its_coding()
    {
        var work = Work();
        work.Finalize(Raised.AddHours(1), 1, withoutQueryResponse: false, null, null);

        Assert.Equal((ExpiryOutcome.AlreadyFinal, null), (Decide(work, [Clean(1), Clean(2)], Query(Raised)).Outcome, Decide(work, [Clean(1)], Query(Raised)).Final));
    }

    [Fact]
    public void Nothing_is_decided_before_the_due_instant()
    {
        var query = Query(Raised);

        var decision = QueryExpiry.Decide([query], [Clean(1)], Work(), query.DueAt.AddTicks(-10));

        Assert.Equal((ExpiryOutcome.NothingOverdue, 0), (decision.Outcome, decision.Unresolved.Count));
    }

    [Fact]
    public void Answered_query_does_not_make_coding_without_response_but_an_unresolved_one_does()
    {
        Assert.False(QueryExpiry.CodedWithoutQueryResponse([QueryStatus.Answered, QueryStatus.Open]));
        Assert.True(QueryExpiry.CodedWithoutQueryResponse([QueryStatus.Answered, QueryStatus.Unresolved]));
    }
}
