using System.Text.Json;
using CodeLedger.Core.Assignment;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Contracts;
using CodeLedger.Core.Ledger.Events;
using CodeLedger.Core.Organizations;
using CodeLedger.Core.Queries;
using CodeLedger.Core.Workflow;

namespace CodeLedger.Core.Ledger.Replay;

/// <summary>
/// The state the ledger describes, folded from its events in sequence order with no database:
/// organizations, agreements, contracts, physicians, coders, encounters with their documentation
/// versions, work items, coding versions, queries, training and code-set releases. An event this
/// fold does not know, whose payload does not read, or that contradicts what came before (a
/// finalization of an encounter no event received, an answer to a closed query) is itself a
/// divergence, named by its sequence number. PHI is not in the ledger: notes, questions and
/// answers are held as the SHA-256 their events carry.
/// </summary>
public sealed class ReplayedState
{
    private readonly Dictionary<Guid, Org> _organizations = [];
    private readonly Dictionary<string, Guid> _organizationByCode = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, (BaaSigned Event, long Sequence)> _agreements = [];
    private readonly Dictionary<Guid, (SlaContractSigned Event, Guid PracticeId, Guid VendorId, long Sequence)> _contracts = [];
    private readonly Dictionary<Guid, (PhysicianEnrolled Event, long Sequence)> _physicians = [];
    private readonly Dictionary<string, (CoderEnrolled Event, long Sequence)> _coders = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, EncounterState> _encounters = [];
    private readonly Dictionary<Guid, QueryState> _queries = [];
    private readonly Dictionary<string, (TrainingRecorded Event, long Sequence)> _training = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (CodeSetImported Event, string Label, long Sequence)> _codeSets = new(StringComparer.Ordinal);
    private readonly List<StateDivergence> _contradictions = [];

    /// <summary>
    /// Event types that record what happened without changing a state table: the demo's markers, PHI
    /// reads and refusals (their log is the ledger itself), intake refusals (nothing was read), the
    /// credential map (kept as versions, replaced whole) and X12 control numbers. Every other type in
    /// the catalogue changes the state and has its rule in <see cref="Apply"/>.
    /// </summary>
    public static IReadOnlySet<string> RecordOnly { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        DemoStarted.Type, DemoFinished.Type, PhiRead.Type, PhiReadRefused.Type, IntakeRefused.Type, CredentialMapSet.Type, X12ControlNumberReserved.Type,
        // Accounts: who may sign in is not a figure any report is recomputed from (docs/ACCOUNTS.md).
        UserAdded.Type, UserUpdated.Type, UserDisabled.Type, UserPasswordReset.Type, UserSecondFactorEnrolled.Type, TokenIssued.Type, TokenRevoked.Type,
    };

    /// <summary>Events that contradict the state or cannot be read, in ledger order.</summary>
    public IReadOnlyList<StateDivergence> Contradictions => _contradictions;

    public long EventCount { get; private set; }

    public static ReplayedState Of(IEnumerable<LedgerEntry> entries)
    {
        var state = new ReplayedState();
        foreach (var entry in entries)
        {
            state.Apply(entry);
        }

        return state;
    }

    /// <summary>Applies one event; a contradiction is recorded and the event leaves the state as it was.</summary>
    public void Apply(LedgerEntry entry)
    {
        EventCount++;
        ILedgerEvent? payload;
        try
        {
            payload = LedgerEvents.Read(entry.Type, entry.Payload);
        }
        catch (JsonException)
        {
            Contradict(entry, "the payload does not have its type's fields");
            return;
        }

        if (payload is null)
        {
            Contradict(entry, "not an event type CodeLedger writes, so the state it describes is unknown");
            return;
        }

        var seq = entry.Sequence;
        switch (payload)
        {
            case OrganizationRegistered e:
                if (_organizations.ContainsKey(e.Id) || _organizationByCode.ContainsKey(entry.Subject))
                {
                    Contradict(entry, $"organization {entry.Subject} was already registered");
                    return;
                }

                _organizations[e.Id] = new Org(entry.Subject, e.Name, e.Kind, seq);
                _organizationByCode[entry.Subject] = e.Id;
                break;
            case BaaSigned e:
                if (Organization(entry, e.Practice) is null || Organization(entry, e.Vendor) is null)
                {
                    return;
                }

                _agreements[e.Id] = (e, seq);
                break;
            case SlaContractSigned e:
                if (Organization(entry, e.Practice) is not { } practiceId || Organization(entry, e.Vendor) is not { } vendorId)
                {
                    return;
                }

                _contracts[e.Id] = (e, practiceId, vendorId, seq);
                break;
            case SlaContractTermsRecorded e:
                if (!_contracts.TryGetValue(e.Contract, out var signed))
                {
                    Contradict(entry, $"contract {e.Contract:D} was never signed");
                    return;
                }

                if (signed.Event.HasFullTerms())
                {
                    Contradict(entry, $"contract {e.Contract:D} already carries its terms; a backfill may only add what is missing");
                    return;
                }

                _contracts[e.Contract] = (e.Complete(signed.Event), signed.PracticeId, signed.VendorId, seq);
                break;
            case PhysicianEnrolled e:
                if (Organization(entry, e.Practice) is null)
                {
                    return;
                }

                _physicians[e.Id] = (e, seq);
                break;
            case CoderEnrolled e:
                if (Organization(entry, e.Vendor) is null)
                {
                    return;
                }

                _coders[entry.Subject] = (e, seq);
                break;
            case TrainingRecorded e:
                if (!_coders.ContainsKey(e.Coder))
                {
                    Contradict(entry, $"coder {e.Coder} was never enrolled");
                    return;
                }

                _training[$"{e.Coder}/{e.Release}"] = (e, seq);
                break;
            case CodeSetImported e:
                _codeSets[e.Sha256] = (e, entry.Subject, seq);
                break;
            case EncounterReceived e:
                Receive(entry, e);
                break;
            case DocumentationCorrected e:
                if (Encounter(entry, e.Encounter) is { } corrected)
                {
                    corrected.Correct(e, seq);
                }

                break;
            case PatientCorrected e:
                // Demographics are PHI and not in the ledger: the correction is checked against the encounter only.
                Encounter(entry, e.Encounter);
                break;
            case CodingSubmitted e:
                if (Encounter(entry, e.Encounter) is { } coded)
                {
                    if (coded.Codings.Any(c => c.Event.Version == e.Version))
                    {
                        Contradict(entry, $"coding version {e.Version} of encounter {coded.ExternalId} was already submitted");
                        return;
                    }

                    coded.Codings.Add((e, coded.DocumentationVersion, seq));
                    if (e.WaitingFor is not null && coded.Status != WorkStatus.Finalized)
                    {
                        coded.Status = WorkStatus.InCoding;
                        coded.WorkEvent = seq;
                    }
                }

                break;
            case EncounterFinalized e:
                if (Encounter(entry, e.Encounter) is { } final)
                {
                    if (final.FinalizedAt is { } already)
                    {
                        Contradict(entry, $"encounter {final.ExternalId} was already finalized at {StateRows.Text(already)}");
                        return;
                    }

                    if (final.Codings.All(c => c.Event.Version != e.Version))
                    {
                        Contradict(entry, $"encounter {final.ExternalId} has no coding version {e.Version} to finalize");
                        return;
                    }

                    final.Finalize(e, seq);
                }

                break;
            case QueryRaised e:
                if (Encounter(entry, e.Encounter) is { } queried)
                {
                    if (_queries.ContainsKey(e.Query))
                    {
                        Contradict(entry, $"query {e.Query} was already raised");
                        return;
                    }

                    if (queried.FinalizedAt is not null)
                    {
                        Contradict(entry, $"a query was raised on encounter {queried.ExternalId}, which was already final");
                        return;
                    }

                    // Raising a query puts the work in coding, as the query desk does.
                    _queries[e.Query] = new QueryState(e, seq);
                    queried.Status = WorkStatus.InCoding;
                    queried.WorkEvent = seq;
                }

                break;
            case QueryAnswered e:
                if (OpenQuery(entry, e.Query) is { } answered)
                {
                    answered.Status = QueryStatus.Answered;
                    answered.AnswerSha256 = e.AnswerSha256;
                    answered.ClosedAt = e.AnsweredAt;
                    answered.Sequence = seq;
                }

                break;
            case QueryUnresolved e:
                if (OpenQuery(entry, e.Query) is { } expired)
                {
                    expired.Status = QueryStatus.Unresolved;
                    expired.ClosedAt = e.DueAt;
                    expired.Sequence = seq;
                }

                break;

            // Record-only events (RecordOnly).
            case DemoStarted or DemoFinished or PhiRead or PhiReadRefused or IntakeRefused or CredentialMapSet or X12ControlNumberReserved:
            case UserAdded or UserUpdated or UserDisabled or UserPasswordReset or UserSecondFactorEnrolled or TokenIssued or TokenRevoked:
                break;
            default:
                Contradict(entry, "replay has no rule for this event type");
                break;
        }
    }

    private void Receive(LedgerEntry entry, EncounterReceived e)
    {
        if (_encounters.ContainsKey(e.Id))
        {
            Contradict(entry, $"encounter {e.ExternalId} was already received");
            return;
        }

        if (Organization(entry, e.Practice) is not { } practiceId || Organization(entry, e.Vendor) is not { } vendorId)
        {
            return;
        }

        if (e.Coder is { } coder && !_coders.ContainsKey(coder))
        {
            Contradict(entry, $"encounter {e.ExternalId} was assigned to coder {coder}, who was never enrolled");
            return;
        }

        _encounters[e.Id] = new EncounterState(e, practiceId, vendorId, entry.Sequence);
    }

    private Guid? Organization(LedgerEntry entry, string code)
    {
        if (_organizationByCode.TryGetValue(code, out var id))
        {
            return id;
        }

        Contradict(entry, $"organization {code} was never registered");
        return null;
    }

    private EncounterState? Encounter(LedgerEntry entry, Guid id)
    {
        if (_encounters.TryGetValue(id, out var encounter))
        {
            return encounter;
        }

        Contradict(entry, $"encounter {entry.Subject} ({id}) was never received");
        return null;
    }

    private QueryState? OpenQuery(LedgerEntry entry, Guid id)
    {
        if (!_queries.TryGetValue(id, out var query))
        {
            Contradict(entry, $"query {id} was never raised");
            return null;
        }

        if (query.Status != QueryStatus.Open)
        {
            Contradict(entry, $"query {id} was already {query.Status.ToString().ToLowerInvariant()}");
            return null;
        }

        return query;
    }

    private void Contradict(LedgerEntry entry, string reason) => _contradictions.Add(StateDivergence.Contradiction(entry.Sequence, entry.Type, reason));

    /// <summary>The practice's code, or null when no organization has that id.</summary>
    public string? OrganizationCode(Guid id) => _organizations.TryGetValue(id, out var o) ? o.Code : null;

    public Guid? OrganizationId(string code) => _organizationByCode.TryGetValue(code, out var id) ? id : null;

    public OrganizationKind? OrganizationKindOf(string code) => _organizationByCode.TryGetValue(code, out var id) ? _organizations[id].Kind : null;

    /// <summary>The contracts of a practice as Core contracts; those whose events predate the full terms cannot be rebuilt and are listed apart.</summary>
    public (List<SlaContract> Contracts, List<Guid> WithoutTerms) ContractsOf(Guid practiceId)
    {
        var contracts = new List<SlaContract>();
        var without = new List<Guid>();
        foreach (var (id, (e, practice, vendor, _)) in _contracts)
        {
            if (practice != practiceId)
            {
                continue;
            }

            if (!e.HasFullTerms())
            {
                without.Add(id);
                continue;
            }

            contracts.Add(new SlaContract(id, practice, vendor, e.EffectiveOn, e.TurnaroundTargetHours, e.Clock, e.TimeZoneId,
                new WorkingHours(e.WorkingHoursOpen!.Value, e.WorkingHoursClose!.Value, e.WorkingDays!), e.Holidays!, e.AccuracyFloorPercent,
                e.QueryResponseWindowHours, e.OpenQueryPausesClock, e.CorrectedDocumentationRestartsClock!.Value,
                new ServiceCreditSchedule(e.CreditThresholdPercent!.Value, e.CreditPercentOfFeePerPoint!.Value, e.CreditCapPercentOfFee!.Value),
                Money.Parse(e.MonthlyFee), e.RemediationAfterConsecutiveBreachMonths!.Value));
        }

        return (contracts, without);
    }

    /// <summary>Finalized work of a practice and vendor: encounter id, external id, clock start, finalization.</summary>
    public IEnumerable<(Guid Encounter, string ExternalId, DateTimeOffset ClockStart, DateTimeOffset FinalizedAt)> FinalizedWork(Guid practiceId, Guid vendorId) =>
        _encounters.Values.Where(e => e.PracticeId == practiceId && e.VendorId == vendorId && e.FinalizedAt is not null)
            .Select(e => (e.Id, e.ExternalId, e.ClockStart, e.FinalizedAt!.Value));

    /// <summary>Every query: encounter, raised at, closed at (null while open).</summary>
    public IEnumerable<(Guid Encounter, DateTimeOffset RaisedAt, DateTimeOffset? ClosedAt)> QueryIntervals() =>
        _queries.Values.Select(q => (q.Raised.Encounter, q.Raised.RaisedAt, q.ClosedAt));

    /// <summary>The state as rows of the state tables (<see cref="StateTables"/>), each naming the event that last set it.</summary>
    public StateRows ToRows()
    {
        var rows = new StateRows();
        foreach (var table in StateTables.All)
        {
            rows.Declare(table);
        }

        string Code(Guid id) => _organizations.TryGetValue(id, out var o) ? o.Code : StateRows.Text(id);

        foreach (var (id, o) in _organizations)
        {
            rows.Add(StateTables.Organizations, StateRows.Text(id), $"organization {o.Code}", o.Sequence)
                .Set("code", o.Code).Set("name", o.Name).Set("kind", o.Kind.ToString());
        }

        foreach (var (id, (e, seq)) in _agreements)
        {
            rows.Add(StateTables.Agreements, StateRows.Text(id), $"agreement {id:D} of {e.Practice} with {e.Vendor}", seq)
                .Set("practice", e.Practice).Set("vendor", e.Vendor).Set("practice_signatory", e.PracticeSignatory).Set("vendor_signatory", e.VendorSignatory)
                .Set("signed_on", StateRows.Text(e.SignedOn)).Set("effective_on", StateRows.Text(e.EffectiveOn)).Set("expires_on", StateRows.Text(e.ExpiresOn))
                .Set("document_sha256", e.DocumentSha256);
        }

        foreach (var (id, (e, _, _, seq)) in _contracts)
        {
            var full = e.HasFullTerms();
            rows.Add(StateTables.Contracts, StateRows.Text(id), $"contract {id:D} of {e.Practice} with {e.Vendor}", seq)
                .Set("practice", e.Practice).Set("vendor", e.Vendor).Set("effective_on", StateRows.Text(e.EffectiveOn))
                .Set("turnaround_target_hours", StateRows.Text(e.TurnaroundTargetHours)).Set("clock", e.Clock.ToString()).Set("time_zone_id", e.TimeZoneId)
                .Set("accuracy_floor_percent", StateRows.Text(e.AccuracyFloorPercent)).Set("query_response_window_hours", StateRows.Text(e.QueryResponseWindowHours))
                .Set("open_query_pauses_clock", StateRows.Text(e.OpenQueryPausesClock)).Set("monthly_fee", e.MonthlyFee)
                .Set("working_hours", full ? StateTables.WorkingHours(e.WorkingHoursOpen!.Value, e.WorkingHoursClose!.Value, e.WorkingDays!) : StateRow.NotRecorded)
                .Set("holidays", full ? StateRows.Text(e.Holidays!.Order().Select(StateRows.Text)) : StateRow.NotRecorded)
                .Set("credit_schedule", full ? StateTables.CreditSchedule(e.CreditThresholdPercent!.Value, e.CreditPercentOfFeePerPoint!.Value, e.CreditCapPercentOfFee!.Value) : StateRow.NotRecorded)
                .Set("corrected_documentation_restarts_clock", full ? StateRows.Text(e.CorrectedDocumentationRestartsClock!.Value) : StateRow.NotRecorded)
                .Set("remediation_after_consecutive_breach_months", full ? StateRows.Text(e.RemediationAfterConsecutiveBreachMonths!.Value) : StateRow.NotRecorded);
        }

        foreach (var (id, (e, seq)) in _physicians)
        {
            rows.Add(StateTables.Physicians, StateRows.Text(id), $"physician {e.Npi}", seq)
                .Set("practice", e.Practice).Set("name", e.Name).Set("npi", e.Npi).Set("taxonomy", e.Taxonomy).Set("specialty", e.Specialty);
        }

        foreach (var (user, (e, seq)) in _coders)
        {
            rows.Add(StateTables.Coders, user, $"coder {user}", seq)
                .Set("id", StateRows.Text(e.Id)).Set("vendor", e.Vendor).Set("display_name", e.DisplayName).Set("is_lead", StateRows.Text(e.IsLead ?? false))
                .Set("credentials", StateRows.Text(e.Credentials.Select(c => StateTables.Credential(c.Kind, c.IssuedOn, c.ExpiresOn)).Order(StringComparer.Ordinal)))
                .Set("specialties", StateRows.Text(e.Specialties.Order(StringComparer.Ordinal)));
        }

        foreach (var (id, e) in _encounters)
        {
            var key = StateRows.Text(id);
            var label = $"encounter {e.ExternalId}";
            rows.Add(StateTables.Encounters, key, label, e.EncounterEvent)
                .Set("practice", Code(e.PracticeId)).Set("external_id", e.ExternalId).Set("physician", e.Received.PhysicianNpi)
                .Set("date_of_service", StateRows.Text(e.Received.DateOfService)).Set("place_of_service", e.Received.PlaceOfService)
                .Set("specialty", e.Received.Specialty).Set("documentation_completed_at", StateRows.Text(e.EncounterDocumentationCompletedAt))
                .Set("documentation_sha256", e.EncounterDocumentationSha256);
            rows.Add(StateTables.WorkItems, key, label, e.WorkEvent)
                .Set("practice", Code(e.PracticeId)).Set("vendor", Code(e.VendorId)).Set("coder", e.Received.Coder).Set("basis", e.Received.Basis.ToString())
                .Set("status", e.Status.ToString()).Set("documentation_version", StateRows.Text(e.DocumentationVersion))
                .Set("documentation_completed_at", StateRows.Text(e.WorkDocumentationCompletedAt)).Set("clock_start", StateRows.Text(e.ClockStart))
                .Set("finalized_at", StateRows.Text(e.FinalizedAt)).Set("final_coding_version", StateRows.Text(e.FinalCodingVersion))
                .Set("coded_without_query_response", StateRows.Text(e.CodedWithoutQueryResponse))
                .Set("override_reason", e.OverrideReason).Set("override_by", e.OverrideBy);
            foreach (var (version, sha, completedAt, seq) in e.Versions)
            {
                rows.Add(StateTables.DocumentationVersions, StateTables.VersionKey(id, version), $"encounter {e.ExternalId} documentation version {version}", seq)
                    .Set("sha256", sha).Set("completed_at", StateRows.Text(completedAt));
            }

            foreach (var (c, documentationVersion, seq) in e.Codings)
            {
                rows.Add(StateTables.CodingResults, StateTables.VersionKey(id, c.Version), $"encounter {e.ExternalId} coding version {c.Version}", seq)
                    .Set("coder", c.Coder).Set("diagnoses", StateRows.Text(c.Diagnoses))
                    .Set("service_lines", string.Join(" ", c.Lines.Select(l => StateTables.Line(l.Code, l.Modifiers, l.Units, l.Charge, l.Pointers))))
                    .Set("documentation_version", StateRows.Text(documentationVersion)).Set("edit_errors", StateRows.Text(c.Errors));
            }
        }

        foreach (var (id, q) in _queries)
        {
            var external = _encounters.TryGetValue(q.Raised.Encounter, out var e) ? e.ExternalId : StateRows.Text(q.Raised.Encounter);
            rows.Add(StateTables.Queries, StateRows.Text(id), $"query {id:D} on encounter {external}", q.Sequence)
                .Set("encounter", external).Set("physician", q.Raised.PhysicianNpi).Set("category", q.Raised.Category).Set("coder", q.Raised.Coder)
                .Set("question_sha256", q.Raised.QuestionSha256).Set("choices", StateRows.Text(q.Raised.Choices))
                .Set("raised_at", StateRows.Text(q.Raised.RaisedAt)).Set("due_at", StateRows.Text(q.Raised.DueAt)).Set("status", q.Status.ToString())
                .Set("answer_sha256", q.AnswerSha256).Set("closed_at", StateRows.Text(q.ClosedAt));
        }

        foreach (var (key, (e, seq)) in _training)
        {
            rows.Add(StateTables.Training, key, $"coder {e.Coder} release {e.Release}", seq)
                .Set("release_effective_on", StateRows.Text(e.EffectiveOn)).Set("completed_on", StateRows.Text(e.CompletedOn));
        }

        foreach (var (sha, (e, label, seq)) in _codeSets)
        {
            rows.Add(StateTables.CodeSetReleases, sha, $"code-set release {label} ({sha[..Math.Min(12, sha.Length)]})", seq)
                .Set("kind", e.Kind).Set("effective_date", StateRows.Text(e.EffectiveDate)).Set("effective_through", StateRows.Text(e.EffectiveThrough))
                .Set("file_name", e.FileName).Set("entries", StateRows.Text(e.Entries));
        }

        return rows;
    }

    private sealed record Org(string Code, string Name, OrganizationKind Kind, long Sequence);

    /// <summary>One encounter, its work item and its versions: only what the events say.</summary>
    private sealed class EncounterState(EncounterReceived received, Guid practiceId, Guid vendorId, long sequence)
    {
        public EncounterReceived Received { get; } = received;

        public Guid Id => Received.Id;

        public string ExternalId => Received.ExternalId;

        public Guid PracticeId { get; } = practiceId;

        public Guid VendorId { get; } = vendorId;

        public long EncounterEvent { get; private set; } = sequence;

        public long WorkEvent { get; set; } = sequence;

        public DateTimeOffset EncounterDocumentationCompletedAt { get; private set; } = received.DocumentationCompletedAt;

        public string EncounterDocumentationSha256 { get; private set; } = received.DocumentationSha256;

        public WorkStatus Status { get; set; } = received.Coder is null ? WorkStatus.Uncovered : WorkStatus.Assigned;

        public int DocumentationVersion { get; private set; } = 1;

        public DateTimeOffset WorkDocumentationCompletedAt { get; private set; } = received.DocumentationCompletedAt;

        public DateTimeOffset ClockStart { get; private set; } = received.ClockStart;

        public DateTimeOffset? FinalizedAt { get; private set; }

        public int? FinalCodingVersion { get; private set; }

        public bool CodedWithoutQueryResponse { get; private set; }

        public string? OverrideReason { get; private set; }

        public string? OverrideBy { get; private set; }

        public List<(int Version, string Sha256, DateTimeOffset CompletedAt, long Sequence)> Versions { get; } =
            [(1, received.DocumentationSha256, received.DocumentationCompletedAt, sequence)];

        public List<(CodingSubmitted Event, int DocumentationVersion, long Sequence)> Codings { get; } = [];

        /// <summary>As intake applies a corrected note: a new version always; the encounter and the clock only while not final.</summary>
        public void Correct(DocumentationCorrected e, long sequence)
        {
            DocumentationVersion = e.Version;
            Versions.Add((e.Version, e.DocumentationSha256, e.DocumentationCompletedAt, sequence));
            WorkEvent = sequence;
            if (!e.AfterFinalization)
            {
                EncounterDocumentationCompletedAt = e.DocumentationCompletedAt;
                EncounterDocumentationSha256 = e.DocumentationSha256;
                EncounterEvent = sequence;
                WorkDocumentationCompletedAt = e.DocumentationCompletedAt;
                ClockStart = e.ClockStart;
            }
        }

        public void Finalize(EncounterFinalized e, long sequence)
        {
            Status = WorkStatus.Finalized;
            FinalizedAt = e.FinalizedAt;
            FinalCodingVersion = e.Version;
            CodedWithoutQueryResponse = e.CodedWithoutQueryResponse;
            OverrideReason = e.OverrideReason;
            OverrideBy = e.OverrideReason is null ? null : e.OverrideBy;
            WorkEvent = sequence;
        }
    }

    private sealed class QueryState(QueryRaised raised, long sequence)
    {
        public QueryRaised Raised { get; } = raised;

        public QueryStatus Status { get; set; } = QueryStatus.Open;

        public string? AnswerSha256 { get; set; }

        public DateTimeOffset? ClosedAt { get; set; }

        public long Sequence { get; set; } = sequence;
    }
}
