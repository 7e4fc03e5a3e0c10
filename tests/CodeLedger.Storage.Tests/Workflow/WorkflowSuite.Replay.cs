using CodeLedger.Core.Coding;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Contracts;
using CodeLedger.Core.Ledger.Replay;
using CodeLedger.Core.Organizations;
using CodeLedger.Core.Queries;
using CodeLedger.Core.Workflow;
using CodeLedger.Storage.Ledger;
using CodeLedger.Storage.Workflow;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Tests.Workflow;

/// <summary>
/// Replay verification on a real database (docs/LEDGER.md, "Replay"): a day's work verifies clean,
/// and each edit a skeptical user could make to a state table, without an event, is caught and named
/// with its table, row, column, both values and the event the ledger's value comes from.
/// </summary>
public abstract partial class WorkflowSuite
{
    /// <summary>Three encounters: A-1 finalized after an answered query, A-2 held by an open query, A-3 untouched.</summary>
    private async Task<(Harness H, DocumentationQuery Answered)> WorkedDayAsync()
    {
        var h = await StartAsync();
        await h.ImportAsync(WorkflowWorld.Visit("A-1", h.Now.AddMinutes(-60)), WorkflowWorld.Visit("A-2", h.Now.AddMinutes(-30)), WorkflowWorld.Visit("A-3", h.Now));
        var queries = new QueryDesk(h.Store);
        h.Advance(TimeSpan.FromHours(1));
        var coder = await AssigneeAsync(h, "A-1");
        var query = await queries.RaiseAsync("A-1", coder, QueryCategory.DiagnosisSpecificity, "Please clarify the type of diabetes.", [], Ct);
        await h.CodeAsync("A-1", coder);
        h.Advance(TimeSpan.FromHours(2));
        await queries.AnswerAsync(query.Id, "Type 2 diabetes mellitus without complications.", WorkflowWorld.Npi, Ct);
        await h.CodeAsync("A-1", coder);
        await queries.RaiseAsync("A-2", await AssigneeAsync(h, "A-2"), QueryCategory.Laterality, "Which knee was examined?", [], Ct);
        return (h, query);
    }

    private static async Task<List<string>> DivergencesAsync(Harness h) =>
        [.. (await new ReplayVerifier(h.Store).VerifyAsync(Ct)).Divergences.Select(d => d.ToString())];

    private static async Task<long> LastEventAsync(Harness h, string type, string subject) =>
        (await h.LedgerAsync()).Last(e => e.Type == type && e.Subject == subject).Sequence;

    [Fact]
    public async Task A_days_work_replays_to_exactly_the_stored_state()
    {
        var (h, _) = await WorkedDayAsync();
        await using var _h = h;

        var verified = await new ReplayVerifier(h.Store).VerifyAsync(Ct);
        Assert.Empty(verified.Divergences);

        // The stored tables, digested on their own connection while the ledger replayed, agreed with it:
        // no row had to be compared column by column.
        Assert.True(verified.ComparedByDigest);
    }

    [Fact]
    public async Task An_edited_row_fails_the_digests_and_is_named_by_the_full_comparison()
    {
        var (h, _) = await WorkedDayAsync();
        await using var _h = h;
        var work = await h.WorkAsync("A-3");
        await EditAsync<WorkItem>(h, w => w.EncounterId == work.EncounterId, nameof(WorkItem.ClockStart), work.ClockStart.AddMinutes(1));

        var verified = await new ReplayVerifier(h.Store).VerifyAsync(Ct);

        Assert.False(verified.ComparedByDigest);
        var divergence = Assert.Single(verified.Divergences);
        Assert.StartsWith("STATE-DIVERGES: work_items row for encounter A-3: clock_start ", divergence.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edited_encounter_row_fails_the_digests_of_its_own_part_and_is_named()
    {
        // The stored encounters are digested apart from every other table (on a connection of their own):
        // an edit there alone must still fail the digests.
        var (h, _) = await WorkedDayAsync();
        await using var _h = h;
        var id = (await h.WorkAsync("A-3")).EncounterId;
        await EditAsync<Core.Encounters.Encounter>(h, e => e.Id == id, nameof(Core.Encounters.Encounter.PlaceOfService), Core.Encounters.PlaceOfService.Parse("22"));

        var verified = await new ReplayVerifier(h.Store).VerifyAsync(Ct);

        Assert.False(verified.ComparedByDigest);
        var divergence = Assert.Single(verified.Divergences);
        Assert.StartsWith("STATE-DIVERGES: encounters row for encounter A-3: place_of_service 22, ledger says ", divergence.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edited_finalization_instant_is_named_with_the_event_that_says_otherwise()
    {
        var (h, _) = await WorkedDayAsync();
        await using var _h = h;
        var work = await h.WorkAsync("A-1");
        var edited = work.FinalizedAt!.Value.AddHours(-2);
        await EditAsync<WorkItem>(h, w => w.EncounterId == work.EncounterId, nameof(WorkItem.FinalizedAt), edited);

        var finalized = await LastEventAsync(h, "encounter.finalized", "A-1");
        Assert.Equal(
            [$"STATE-DIVERGES: work_items row for encounter A-1: finalized_at {StateRows.Text(edited)}, ledger says {StateRows.Text(work.FinalizedAt!.Value)} (event {finalized})"],
            await DivergencesAsync(h));
    }

    [Fact]
    public async Task An_edited_diagnosis_is_named()
    {
        var (h, _) = await WorkedDayAsync();
        await using var _h = h;
        var id = (await h.WorkAsync("A-1")).EncounterId;
        await EditAsync<CodingResult>(h, c => c.EncounterId == id && c.Version == 2, nameof(CodingResult.Diagnoses), new List<IcdCode> { IcdCode.Parse("E11.65"), IcdCode.Parse("I10") });

        var divergence = Assert.Single(await DivergencesAsync(h));
        Assert.StartsWith("STATE-DIVERGES: coding_results row for encounter A-1 coding version 2: diagnoses E1165 I10, ledger says E119 I10 (event ", divergence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edited_query_answer_is_caught_by_its_hash_and_never_printed()
    {
        var (h, answered) = await WorkedDayAsync();
        await using var _h = h;
        await EditAsync<DocumentationQuery>(h, q => q.Id == answered.Id, nameof(DocumentationQuery.Answer), "Type 1 diabetes mellitus.");

        var divergence = Assert.Single(await DivergencesAsync(h));
        Assert.StartsWith($"STATE-DIVERGES: documentation_queries row for query {answered.Id:D} on encounter A-1: answer_hash ", divergence, StringComparison.Ordinal);
        Assert.DoesNotContain("diabetes", divergence, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_edited_contract_target_is_named()
    {
        var (h, _) = await WorkedDayAsync();
        await using var _h = h;
        await EditAsync<SlaContract>(h, c => c.Id == h.World.Contract.Id, nameof(SlaContract.TurnaroundTargetHours), 400);

        var signed = await LastEventAsync(h, "sla-contract.signed", "FM-NORTH");
        Assert.Equal(
            [$"STATE-DIVERGES: sla_contracts row for contract {h.World.Contract.Id:D} of FM-NORTH with ACME: turnaround_target_hours 400, ledger says 48 (event {signed})"],
            await DivergencesAsync(h));
    }

    [Fact]
    public async Task A_deleted_row_and_an_inserted_row_are_both_named()
    {
        var (h, _) = await WorkedDayAsync();
        await using var _h = h;
        var id = (await h.WorkAsync("A-1")).EncounterId;
        await using (var db = h.Store.CreateContext())
        {
            await db.CodingResults.Where(c => c.EncounterId == id && c.Version == 1).ExecuteDeleteAsync(Ct);
            db.Organizations.Add(new Organization(Guid.NewGuid(), "GHOST", "Ghost Practice", OrganizationKind.Practice));
            await db.SaveChangesAsync(Ct);
        }

        var divergences = await DivergencesAsync(h);

        Assert.Equal(2, divergences.Count);
        Assert.Contains(divergences, d => d.StartsWith("STATE-DIVERGES: coding_results row for encounter A-1 coding version 1 is not in the database, ledger says it exists (event ", StringComparison.Ordinal));
        Assert.Contains("STATE-DIVERGES: organizations row for organization GHOST is in the database, but no ledger event records it", divergences);
    }

    [Fact]
    public async Task An_open_query_closed_by_hand_is_named()
    {
        var (h, _) = await WorkedDayAsync();
        await using var _h = h;
        var id = (await h.WorkAsync("A-2")).EncounterId;
        await EditAsync<DocumentationQuery>(h, q => q.EncounterId == id, nameof(DocumentationQuery.Status), QueryStatus.Answered);

        var divergence = Assert.Single(await DivergencesAsync(h));
        Assert.Contains("documentation_queries row for query ", divergence, StringComparison.Ordinal);
        Assert.Contains(" on encounter A-2: status Answered, ledger says Open (event ", divergence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contract_ledgered_by_an_earlier_build_gets_its_terms_backfilled_once_and_then_checked()
    {
        var (h, _) = await WorkedDayAsync();
        await using var _h = h;

        // As an earlier build wrote it: the contract's event without the terms after the fee.
        var contract = h.World.Contract;
        var old = new Core.Ledger.Events.SlaContractSigned(contract.Id, "FM-NORTH", "ACME", contract.EffectiveOn, contract.TurnaroundTargetHours, contract.Clock,
            contract.TimeZoneId, contract.AccuracyFloorPercent, contract.QueryResponseWindowHours, contract.OpenQueryPausesClock, contract.MonthlyFee.ToString());
        await ReplaceContractEventAsync(h, old);
        await EditAsync<SlaContract>(h, c => c.Id == contract.Id, nameof(SlaContract.RemediationAfterConsecutiveBreachMonths), 5);
        Assert.Empty(await DivergencesAsync(h));

        var first = await new LedgerBackfill(h.Store).RunAsync(Ct);
        var second = await new LedgerBackfill(h.Store).RunAsync(Ct);
        await EditAsync<SlaContract>(h, c => c.Id == contract.Id, nameof(SlaContract.RemediationAfterConsecutiveBreachMonths), 3);

        Assert.Equal((1, 0), (first, second));
        var recorded = (await h.LedgerAsync()).Single(e => e.Type == "sla-contract.terms-recorded");
        Assert.Equal(("ledger-backfill", "FM-NORTH"), (recorded.Actor, recorded.Subject));
        Assert.Equal(
            [$"STATE-DIVERGES: sla_contracts row for contract {contract.Id:D} of FM-NORTH with ACME: remediation_after_consecutive_breach_months 3, ledger says 5 (event {recorded.Sequence})"],
            await DivergencesAsync(h));
    }

    [Fact]
    public async Task Corrected_demographics_replace_the_stored_ones_and_are_ledgered_by_field_name_only()
    {
        await using var h = await StartAsync();
        var visit = WorkflowWorld.Visit("A-1", h.Now);
        await h.ImportAsync(visit);
        var corrected = visit with { Patient = new Core.Encounters.PatientDemographics("Garcia", "Luis", new DateOnly(1958, 7, 14), Core.Encounters.PatientSex.Male, "MBR99887766") };

        var summary = await h.ImportAsync(corrected);
        var again = await h.ImportAsync(corrected);

        Assert.Equal((0, 1, 0), (summary.Unchanged, summary.Corrected, summary.Received));
        Assert.Equal((1, 0), (again.Unchanged, again.Corrected));
        await using (var db = h.Store.CreateContext())
        {
            Assert.Equal(new DateOnly(1958, 7, 14), (await db.Encounters.SingleAsync(e => e.ExternalId == "A-1", Ct)).Patient.BirthDate);
        }

        var ledgered = Assert.Single(await h.LedgerAsync(), e => e.Type == "patient.corrected");
        Assert.Equal("A-1", ledgered.Subject);
        Assert.Contains(",\"fields\":[\"birthDate\"],\"demographicsHash\":\"hmac-sha256:", ledgered.Payload, StringComparison.Ordinal);
        Assert.DoesNotContain("1958", ledgered.Payload, StringComparison.Ordinal);
        Assert.Empty(await DivergencesAsync(h));
    }

    [Fact]
    public async Task An_edited_note_question_or_birth_date_is_named_by_its_keyed_hash_and_never_printed()
    {
        var (h, _) = await WorkedDayAsync();
        await using var _h = h;
        var a1 = (await h.WorkAsync("A-1")).EncounterId;
        var a2 = (await h.WorkAsync("A-2")).EncounterId;
        await EditAsync<Core.Encounters.Encounter>(h, e => e.Id == a1, nameof(Core.Encounters.Encounter.DocumentationText), "Type 1 diabetes; insulin pump.");
        await EditAsync<Core.Intake.DocumentationVersion>(h, v => v.EncounterId == a1 && v.Version == 1, nameof(Core.Intake.DocumentationVersion.Text), "Type 1 diabetes; insulin pump.");
        await EditAsync<DocumentationQuery>(h, q => q.EncounterId == a2, nameof(DocumentationQuery.Question), "Which knee, Mr Garcia?");
        await EditAsync<Core.Encounters.Encounter>(h, e => e.Id == a2, nameof(Core.Encounters.Encounter.Patient),
            new Core.Encounters.PatientDemographics("Garcia", "Luis", new DateOnly(1958, 7, 5), Core.Encounters.PatientSex.Male, "MBR99887766"));

        var divergences = await DivergencesAsync(h);

        Assert.Equal(4, divergences.Count);
        Assert.Contains(divergences, d => d.StartsWith("STATE-DIVERGES: encounters row for encounter A-1: documentation_hash hmac-sha256:", StringComparison.Ordinal));
        Assert.Contains(divergences, d => d.StartsWith("STATE-DIVERGES: documentation_versions row for encounter A-1 documentation version 1: hash hmac-sha256:", StringComparison.Ordinal));
        Assert.Contains(divergences, d => d.StartsWith("STATE-DIVERGES: documentation_queries row for query ", StringComparison.Ordinal) && d.Contains(" on encounter A-2: question_hash hmac-sha256:", StringComparison.Ordinal));
        Assert.Contains(divergences, d => d.StartsWith("STATE-DIVERGES: encounters row for encounter A-2: demographics_hash hmac-sha256:", StringComparison.Ordinal));
        Assert.All(divergences, d => Assert.DoesNotContain("diabetes", d, StringComparison.OrdinalIgnoreCase));
        Assert.All(divergences, d => Assert.DoesNotContain("Garcia", d, StringComparison.OrdinalIgnoreCase));
        Assert.All(divergences, d => Assert.DoesNotContain("1958", d, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_ledger_holds_no_plain_sha256_of_any_phi_text_so_a_dictionary_of_short_answers_matches_nothing()
    {
        var (h, answered) = await WorkedDayAsync();
        await using var _h = h;
        await new QueryDesk(h.Store).AnswerAsync(await OpenQueryAsync(h, "A-2"), "yes", WorkflowWorld.Npi, Ct);
        await h.ImportAsync(WorkflowWorld.Visit("A-3", h.Now) with
        {
            Patient = new Core.Encounters.PatientDemographics("Garcia", "Luisa", new DateOnly(1958, 7, 4), Core.Encounters.PatientSex.Female, "MBR99887766"),
        });
        await new Encounters.EncounterViewer(h.Store).ShowAsync("A-1", await AssigneeAsync(h, "A-1"), Ct);

        var ledger = string.Join("\n", (await h.LedgerAsync()).Select(e => e.Payload));

        // Every PHI text this day wrote, and a dictionary of short answers a forger would try.
        string[] phi =
        [
            "Type 2 diabetes without complications; metformin continued.", "Please clarify the type of diabetes.", "Type 2 diabetes mellitus without complications.",
            "Which knee was examined?", "yes", "no", "Yes", "left", "right", "Garcia", "Luis", "Luisa", "1958-07-04", "MBR99887766",
        ];
        Assert.All(phi, text => Assert.DoesNotContain(Core.Intake.PhiHash.Sha256(text), ledger, StringComparison.Ordinal));
        Assert.All(phi.Where(text => text.Length > 8), text => Assert.DoesNotContain(text, ledger, StringComparison.Ordinal));
        var hashes = System.Text.RegularExpressions.Regex.Matches(ledger, "\"(documentation|question|answer|demographics)Hash\":\"([^\"]+)\"").Select(m => m.Groups[2].Value).ToList();
        Assert.NotEmpty(hashes);
        Assert.All(hashes, v => Assert.Matches($"^hmac-sha256:{TestDatabase.PhiKey.Id}:[0-9a-f]{{64}}$", v));
        Assert.DoesNotContain("Sha256\":", ledger.Replace("\"documentSha256\":", string.Empty, StringComparison.Ordinal).Replace("\"sha256\":", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Empty(await DivergencesAsync(h));
    }

    [Fact]
    public async Task A_ledger_an_earlier_build_wrote_with_plain_hashes_gets_keyed_hashes_backfilled_once_and_then_checked()
    {
        var (h, answered) = await WorkedDayAsync();
        await using var _h = h;
        await h.ImportAsync(WorkflowWorld.Visit("A-3", h.Now, "Corrected: right knee effusion."));
        var corrected = WorkflowWorld.Visit("A-1", h.Now) with
        {
            Patient = new Core.Encounters.PatientDemographics("Garcia", "Luis", new DateOnly(1958, 7, 14), Core.Encounters.PatientSex.Male, "MBR99887766"),
        };
        await h.ImportAsync(corrected);
        await RewriteAsOlderBuildAsync(h);
        var old = await h.LedgerAsync();
        Assert.DoesNotContain(old, e => e.Payload.Contains("hmac-sha256", StringComparison.Ordinal));

        // Before the backfill the keyed columns are not recorded, so not compared: an edit passes unseen.
        await EditAsync<DocumentationQuery>(h, q => q.Id == answered.Id, nameof(DocumentationQuery.Answer), "Type 1 diabetes mellitus.");
        Assert.Empty(await DivergencesAsync(h));
        await EditAsync<DocumentationQuery>(h, q => q.Id == answered.Id, nameof(DocumentationQuery.Answer), "Type 2 diabetes mellitus without complications.");

        var first = await new LedgerBackfill(h.Store).RunAsync(Ct);
        var second = await new LedgerBackfill(h.Store).RunAsync(Ct);

        Assert.Equal((3, 0), (first, second));
        var recorded = (await h.LedgerAsync()).Where(e => e.Type == "phi.hashes-recorded").ToList();
        Assert.Equal(["A-1", "A-2", "A-3"], recorded.Select(e => e.Subject));
        Assert.All(recorded, e => Assert.Equal("ledger-backfill", e.Actor));
        Assert.Empty(await DivergencesAsync(h));
        Assert.True((await new LedgerVerifierOf(h).ChainAsync()).IsIntact);

        await EditAsync<DocumentationQuery>(h, q => q.Id == answered.Id, nameof(DocumentationQuery.Answer), "Type 1 diabetes mellitus.");
        await EditAsync<Core.Encounters.Encounter>(h, e => e.ExternalId == "A-1", nameof(Core.Encounters.Encounter.Patient),
            new Core.Encounters.PatientDemographics("Garcia", "Luis", new DateOnly(1958, 7, 4), Core.Encounters.PatientSex.Male, "MBR99887766"));
        var divergences = await DivergencesAsync(h);
        Assert.Equal(2, divergences.Count);
        Assert.Contains(divergences, d => d.StartsWith($"STATE-DIVERGES: documentation_queries row for query {answered.Id:D} on encounter A-1: answer_hash hmac-sha256:", StringComparison.Ordinal));
        Assert.Contains(divergences, d => d.StartsWith("STATE-DIVERGES: encounters row for encounter A-1: demographics_hash hmac-sha256:", StringComparison.Ordinal));
    }

    private static async Task<Guid> OpenQueryAsync(Harness h, string encounter)
    {
        var id = (await h.WorkAsync(encounter)).EncounterId;
        await using var db = h.Store.CreateContext();
        return await db.Set<DocumentationQuery>().Where(q => q.EncounterId == id && q.Status == QueryStatus.Open).Select(q => q.Id).SingleAsync(Ct);
    }

    /// <summary>The chain check alone, to show a rewritten ledger is intact again.</summary>
    private sealed class LedgerVerifierOf(Harness h)
    {
        public async Task<Core.Ledger.LedgerVerification> ChainAsync() => (await new ReplayVerifier(h.Store).VerifyAsync(Ct)).Chain;
    }

    /// <summary>
    /// Rewrites every event that carries a PHI hash as a build before keyed hashes wrote it (the
    /// note's, question's and answer's plain SHA-256, no demographics) and rehashes the chain: an
    /// older database, intact. The plain hashes are made up; replay never reads them.
    /// </summary>
    private static async Task RewriteAsOlderBuildAsync(Harness h)
    {
        var plain = new string('0', 64);
        await using var db = h.Store.CreateContext();
        var rows = await db.LedgerEvents.OrderBy(e => e.Sequence).ToListAsync(Ct);
        var previous = Core.Ledger.LedgerHash.Genesis;
        foreach (var row in rows)
        {
            row.Payload = Core.Ledger.Events.LedgerEvents.Read(row.Type, row.Payload) switch
            {
                Core.Ledger.Events.EncounterReceived e => Core.Ledger.Events.LedgerEvents.Serialize(e with { DocumentationSha256 = plain, DocumentationHash = null, DemographicsHash = null }),
                Core.Ledger.Events.DocumentationCorrected e => Core.Ledger.Events.LedgerEvents.Serialize(e with { DocumentationSha256 = plain, DocumentationHash = null }),
                Core.Ledger.Events.PatientCorrected e => Core.Ledger.Events.LedgerEvents.Serialize(e with { DemographicsHash = null }),
                Core.Ledger.Events.PhiRead e => Core.Ledger.Events.LedgerEvents.Serialize(e with { DocumentationSha256 = plain, DocumentationHash = null }),
                Core.Ledger.Events.QueryRaised e => Core.Ledger.Events.LedgerEvents.Serialize(e with { QuestionSha256 = plain, QuestionHash = null }),
                Core.Ledger.Events.QueryAnswered e => Core.Ledger.Events.LedgerEvents.Serialize(e with { AnswerSha256 = plain, AnswerHash = null }),
                _ => row.Payload,
            };
            row.PreviousHash = previous;
            row.Hash = previous = Core.Ledger.LedgerHash.Compute(row.Sequence, row.Instant, row.Actor, row.Type, row.Subject, row.Payload, row.PreviousHash);
        }

        await db.SaveChangesAsync(Ct);
    }

    /// <summary>
    /// Rewrites the setup's contract event as <paramref name="replacement"/> and rehashes the chain
    /// from it on: the ledger an older build would have written, intact, whose contract event lacks the terms.
    /// </summary>
    private static async Task ReplaceContractEventAsync(Harness h, Core.Ledger.Events.SlaContractSigned replacement)
    {
        await using var db = h.Store.CreateContext();
        var signed = await db.LedgerEvents.SingleAsync(e => e.Type == "sla-contract.signed", Ct);
        signed.Payload = Core.Ledger.Events.LedgerEvents.Serialize(replacement);
        var previous = signed.PreviousHash;
        foreach (var row in await db.LedgerEvents.Where(e => e.Sequence >= signed.Sequence).OrderBy(e => e.Sequence).ToListAsync(Ct))
        {
            row.PreviousHash = previous;
            row.Hash = previous = Core.Ledger.LedgerHash.Compute(row.Sequence, row.Instant, row.Actor, row.Type, row.Subject, row.Payload, row.PreviousHash);
        }

        await db.SaveChangesAsync(Ct);
    }

    /// <summary>Changes one column of one row through the model (PHI columns encrypted as the application would), with no event.</summary>
    private static async Task EditAsync<T>(Harness h, System.Linq.Expressions.Expression<Func<T, bool>> which, string property, object value)
        where T : class
    {
        await using var db = h.Store.CreateContext();
        var row = await db.Set<T>().SingleAsync(which, Ct);
        db.Entry(row).Property(property).CurrentValue = value;
        await db.SaveChangesAsync(Ct);
    }
}
