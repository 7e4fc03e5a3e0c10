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
/// divergence, named by its sequence number. PHI is not in the ledger: notes, questions, answers
/// and demographics are held as the keyed hashes their events carry (<c>hmac-sha256:KEYID:HEX</c>);
/// where only older events' plain SHA-256 exists and no <see cref="PhiHashesRecorded"/> backfill has
/// recorded the keyed one, the column is <see cref="StateRow.NotRecorded"/>.
/// </summary>
public sealed partial class ReplayedState
{
    private readonly Dictionary<Guid, Org> _organizations = [];
    private readonly Dictionary<string, Guid> _organizationByCode = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, (BaaSigned Event, long Sequence)> _agreements = [];
    private readonly Dictionary<Guid, (SlaContractSigned Event, Guid PracticeId, Guid VendorId, long Sequence)> _contracts = [];
    private readonly Dictionary<Guid, (PhysicianEnrolled Event, long Sequence)> _physicians = [];
    private readonly Dictionary<string, (CoderEnrolled Event, long Sequence)> _coders = new(StringComparer.Ordinal);

    // Setup changes after enrolment and signing (physician.updated, coder.updated, baa.terminated).
    private readonly HashSet<Guid> _inactivePhysicians = [];
    private readonly HashSet<string> _inactiveCoders = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, DateOnly> _terminations = [];
    private readonly Dictionary<Guid, EncounterState> _encounters = [];
    private readonly Dictionary<Guid, QueryState> _queries = [];
    private readonly Dictionary<string, (TrainingRecorded Event, long Sequence)> _training = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (CodeSetImported Event, string Label, long Sequence)> _codeSets = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, (VendorCodingImported Event, string ExternalId, long Sequence)> _vendorCodings = [];
    private readonly List<StateDivergence> _contradictions = [];
    private readonly Dictionary<string, string> _interned = new(StringComparer.Ordinal);

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
            // The hot event types in one reader pass; any other shape through the serializer (HotEventReader).
            // A payload read as its stored bytes is read from them; the other event types (about one in eight)
            // go through the serializer from the text, as they always have.
            payload = (entry.TryGetPayloadUtf8(out var utf8) ? HotEventReader.TryRead(entry.Type, utf8) : HotEventReader.TryRead(entry.Type, entry.Payload))
                ?? LedgerEvents.Read(entry.Type, entry.Payload);
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
            case BaaTerminated e:
                if (!_agreements.TryGetValue(e.Id, out var agreement))
                {
                    Contradict(entry, $"agreement {e.Id:D} was never signed");
                    return;
                }

                if (_terminations.ContainsKey(e.Id))
                {
                    Contradict(entry, $"agreement {e.Id:D} was already terminated");
                    return;
                }

                _terminations[e.Id] = e.LastDay;
                _agreements[e.Id] = (agreement.Event, seq);
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
            case PhysicianUpdated e:
                if (!_physicians.TryGetValue(e.Id, out var enrolled) || enrolled.Event.Npi != e.Npi || enrolled.Event.Practice != e.Practice)
                {
                    Contradict(entry, $"physician {e.Npi} was never enrolled at {e.Practice}");
                    return;
                }

                // The row is the enrolment with the changed fields; active is kept apart.
                _physicians[e.Id] = (new PhysicianEnrolled(e.Id, e.Practice, e.Name, e.Npi, e.Taxonomy, e.Specialty), seq);
                if (e.Active)
                {
                    _inactivePhysicians.Remove(e.Id);
                }
                else
                {
                    _inactivePhysicians.Add(e.Id);
                }

                break;
            case CoderUpdated e:
                if (!_coders.TryGetValue(entry.Subject, out var coder) || coder.Event.Id != e.Id || coder.Event.Vendor != e.Vendor)
                {
                    Contradict(entry, $"coder {entry.Subject} was never enrolled at {e.Vendor}");
                    return;
                }

                _coders[entry.Subject] = (new CoderEnrolled(e.Id, e.Vendor, e.DisplayName, e.IsLead ? true : null, e.Credentials, e.Specialties), seq);
                if (e.Active)
                {
                    _inactiveCoders.Remove(entry.Subject);
                }
                else
                {
                    _inactiveCoders.Add(entry.Subject);
                }

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
                // Demographics are PHI: the ledger holds the keyed hash of the corrected whole (none in older events).
                if (Encounter(entry, e.Encounter) is { } patient)
                {
                    patient.DemographicsHash = e.DemographicsHash;
                    patient.EncounterEvent = seq;
                }

                break;
            case PhiHashesRecorded e:
                RecordHashes(entry, e);
                break;
            case CodingSubmitted e:
                if (Encounter(entry, e.Encounter) is { } coded)
                {
                    if (coded.Codings.Any(c => c.Version == e.Version))
                    {
                        Contradict(entry, $"coding version {e.Version} of encounter {coded.ExternalId} was already submitted");
                        return;
                    }

                    // Kept as its row's texts, shared: a large ledger's codings are most of the fold's memory.
                    coded.Codings.Add(new CodingState(
                        e.Version,
                        Intern(e.Coder),
                        Intern(StateRows.Text(e.Diagnoses)),
                        Intern(string.Join(" ", e.Lines.Select(l => StateTables.Line(l.Code, l.Modifiers, l.Units, l.Charge, l.Pointers)))),
                        e.Errors,
                        coded.DocumentationVersion,
                        seq));
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

                    if (final.Codings.All(c => c.Version != e.Version))
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
                    answered.AnswerHash = e.AnswerHash;
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

            case VendorCodingImported e:
                // A vendor's coding of record from its 837P (docs/CLAIMS-IMPORT.md): one row per version, never replaced.
                if (Encounter(entry, e.Encounter) is { } billed)
                {
                    if (_vendorCodings.ContainsKey(e.Id))
                    {
                        Contradict(entry, $"vendor coding {e.Id:D} of encounter {billed.ExternalId} was already imported");
                        return;
                    }

                    _vendorCodings[e.Id] = (e, billed.ExternalId, seq);
                }

                break;

            // Coding audits (docs/AUDIT.md): ReplayedState.Audits.cs.
            case AuditSampled or AuditCodingRecorded or AuditFindingRebutted or AuditFindingAdjudicated:
                ApplyAudit(entry, payload);
                break;

            // Vendor scorecard answers (docs/SCORECARD.md): ReplayedState.Scorecard.cs.
            case ScorecardAnswered e:
                ApplyScorecardAnswer(entry, e);
                break;

            // Claims out (docs/BILLING.md): ReplayedState.Billing.cs.
            case FeeScheduleImported or ClaimBuilt or ClaimRebuilt or ClaimsSubmitted:
                ApplyBilling(entry, payload);
                break;

            // Payers, billing profiles (docs/SETUP.md) and coverage at intake (docs/INTAKE.md): ReplayedState.BillingSetup.cs.
            case PayerRegistered or PayerUpdated or BillingProfileSet or CoverageRecorded:
                ApplyBillingSetup(entry, payload);
                break;

            // Acknowledgments back onto claims: ReplayedState.Acknowledgments.cs.
            case AcknowledgmentImported e:
                ApplyAcknowledgment(entry, e);
                break;

            // 835 posting and denials (docs/REMITTANCE.md): ReplayedState.Remittances.cs.
            case RemittancePosted or RemittanceMatched or DenialStepped:
                ApplyRemittance(entry, payload);
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

    /// <summary>
    /// A backfill may only add the keyed hashes older events lacked: one recorded for a version, the
    /// demographics or a query text that already has one, or for something that does not exist, is a
    /// contradiction and the whole event is left out.
    /// </summary>
    private void RecordHashes(LedgerEntry entry, PhiHashesRecorded e)
    {
        if (Encounter(entry, e.Encounter) is not { } encounter)
        {
            return;
        }

        foreach (var d in e.Documentation)
        {
            if (encounter.Versions.Find(v => v.Version == d.Version) is not { } version)
            {
                Contradict(entry, $"encounter {encounter.ExternalId} has no documentation version {d.Version}");
                return;
            }

            if (version.Hash is not null)
            {
                Contradict(entry, $"documentation version {d.Version} of encounter {encounter.ExternalId} already has its keyed hash; a backfill may only add what is missing");
                return;
            }
        }

        if (e.DemographicsHash is not null && encounter.DemographicsHash is not null)
        {
            Contradict(entry, $"the demographics of encounter {encounter.ExternalId} already have their keyed hash; a backfill may only add what is missing");
            return;
        }

        foreach (var q in e.Queries)
        {
            if (!_queries.TryGetValue(q.Query, out var query) || query.Raised.Encounter != encounter.Id)
            {
                Contradict(entry, $"query {q.Query} was never raised on encounter {encounter.ExternalId}");
                return;
            }

            if ((q.QuestionHash is not null && query.QuestionHash is not null) || (q.AnswerHash is not null && (query.Status != QueryStatus.Answered || query.AnswerHash is not null)))
            {
                Contradict(entry, $"query {q.Query} already has the keyed hashes recorded, or no answer to hash; a backfill may only add what is missing");
                return;
            }
        }

        foreach (var d in e.Documentation)
        {
            encounter.Versions.Find(v => v.Version == d.Version)!.Hash = d.Hash;
        }

        encounter.DemographicsHash ??= e.DemographicsHash;
        foreach (var q in e.Queries)
        {
            var query = _queries[q.Query];
            query.QuestionHash ??= q.QuestionHash;
            query.AnswerHash ??= q.AnswerHash;
        }
    }

    /// <summary>
    /// What older events hashed without a key (or not at all) and no backfill has recorded yet, per
    /// encounter: the documentation versions, whether the demographics, and the queries' questions and
    /// answers. <c>db migrate</c> records these (Storage's LedgerBackfill); once it has, this is empty.
    /// </summary>
    public IEnumerable<MissingPhiHashes> MissingPhiHashes()
    {
        var queriesByEncounter = _queries.Values
            .Where(q => q.QuestionHash is null || (q.Status == QueryStatus.Answered && q.AnswerHash is null))
            .ToLookup(q => q.Raised.Encounter);
        foreach (var e in _encounters.Values)
        {
            var versions = e.Versions.Where(v => v.Hash is null).Select(v => v.Version).ToList();
            var queries = queriesByEncounter[e.Id]
                .Select(q => new MissingQueryHashes(q.Raised.Query, q.QuestionHash is null, q.Status == QueryStatus.Answered && q.AnswerHash is null)).ToList();
            if (versions.Count > 0 || e.DemographicsHash is null || queries.Count > 0)
            {
                yield return new MissingPhiHashes(e.Id, e.ExternalId, versions, e.DemographicsHash is null, queries);
            }
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

        // Practices, vendors, physicians, places, specialties and coders repeat on every encounter: one copy each.
        var shared = e with
        {
            Practice = Intern(e.Practice),
            Vendor = Intern(e.Vendor),
            PhysicianNpi = Intern(e.PhysicianNpi),
            PlaceOfService = Intern(e.PlaceOfService),
            Specialty = Intern(e.Specialty),
            Coder = e.Coder is null ? null : Intern(e.Coder),
        };
        _encounters[e.Id] = new EncounterState(shared, practiceId, vendorId, entry.Sequence);
    }

    /// <summary>One instance of each short text that many events repeat (codes, coder names, practice codes).</summary>
    private string Intern(string text)
    {
        if (_interned.TryGetValue(text, out var shared))
        {
            return shared;
        }

        _interned[text] = text;
        return text;
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
    public StateRows ToRows() => ToRows(null);

    /// <summary>
    /// The rows of one table only (or all when <paramref name="only"/> is null): a verification
    /// compares one table at a time (<see cref="StreamingStateComparison"/>), so the text form of the
    /// whole state is never in memory at once.
    /// </summary>
    public StateRows ToRows(string? only)
    {
        var rows = new StateRows();
        foreach (var table in StateTables.All)
        {
            if (only is null || only == table)
            {
                rows.Declare(table);
            }
        }

        bool Want(string table) => only is null || only == table;

        foreach (var (id, o) in _organizations)
        {
            if (!Want(StateTables.Organizations))
            {
                break;
            }

            rows.Add(StateTables.Organizations, StateRows.Text(id), $"organization {o.Code}", o.Sequence)
                .Set("code", o.Code).Set("name", o.Name).Set("kind", o.Kind.ToString());
        }

        foreach (var (id, (e, seq)) in _agreements)
        {
            if (!Want(StateTables.Agreements))
            {
                break;
            }

            rows.Add(StateTables.Agreements, StateRows.Text(id), $"agreement {id:D} of {e.Practice} with {e.Vendor}", seq)
                .Set("practice", e.Practice).Set("vendor", e.Vendor).Set("practice_signatory", e.PracticeSignatory).Set("vendor_signatory", e.VendorSignatory)
                .Set("signed_on", StateRows.Text(e.SignedOn)).Set("effective_on", StateRows.Text(e.EffectiveOn)).Set("expires_on", StateRows.Text(e.ExpiresOn))
                .Set("document_sha256", e.DocumentSha256).Set("terminated_on", StateRows.Text(_terminations.TryGetValue(id, out var last) ? (DateOnly?)last : null));
        }

        foreach (var (id, (e, _, _, seq)) in _contracts)
        {
            if (!Want(StateTables.Contracts))
            {
                break;
            }

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
            if (!Want(StateTables.Physicians))
            {
                break;
            }

            rows.Add(StateTables.Physicians, StateRows.Text(id), $"physician {e.Npi}", seq)
                .Set("practice", e.Practice).Set("name", e.Name).Set("npi", e.Npi).Set("taxonomy", e.Taxonomy).Set("specialty", e.Specialty)
                .Set("active", StateRows.Text(!_inactivePhysicians.Contains(id)));
        }

        foreach (var (user, (e, seq)) in _coders)
        {
            if (!Want(StateTables.Coders))
            {
                break;
            }

            rows.Add(StateTables.Coders, user, $"coder {user}", seq)
                .Set("id", StateRows.Text(e.Id)).Set("vendor", e.Vendor).Set("display_name", e.DisplayName).Set("is_lead", StateRows.Text(e.IsLead ?? false))
                .Set("credentials", StateRows.Text(e.Credentials.Select(c => StateTables.Credential(c.Kind, c.IssuedOn, c.ExpiresOn)).Order(StringComparer.Ordinal)))
                .Set("specialties", StateRows.Text(e.Specialties.Order(StringComparer.Ordinal))).Set("active", StateRows.Text(!_inactiveCoders.Contains(user)));
        }

        var encounterTables = Want(StateTables.Encounters) || Want(StateTables.WorkItems) || Want(StateTables.DocumentationVersions) || Want(StateTables.CodingResults);
        foreach (var (id, e) in _encounters)
        {
            if (!encounterTables)
            {
                break;
            }

            var key = StateRows.Text(id);
            if (Want(StateTables.Encounters))
            {
                rows.Put(StateTables.Encounters, key, EncounterRow(e));
            }

            if (Want(StateTables.WorkItems))
            {
                rows.Put(StateTables.WorkItems, key, WorkItemRow(e));
            }

            foreach (var v in Want(StateTables.DocumentationVersions) ? e.Versions : [])
            {
                rows.Put(StateTables.DocumentationVersions, StateTables.VersionKey(id, v.Version), VersionRow(e, v));
            }

            foreach (var c in Want(StateTables.CodingResults) ? e.Codings : [])
            {
                rows.Put(StateTables.CodingResults, StateTables.VersionKey(id, c.Version), CodingRow(e, c));
            }
        }

        foreach (var (id, q) in _queries)
        {
            if (!Want(StateTables.Queries))
            {
                break;
            }

            rows.Put(StateTables.Queries, StateRows.Text(id), QueryRow(id, q));
        }

        foreach (var (key, (e, seq)) in _training)
        {
            if (!Want(StateTables.Training))
            {
                break;
            }

            rows.Add(StateTables.Training, key, $"coder {e.Coder} release {e.Release}", seq)
                .Set("release_effective_on", StateRows.Text(e.EffectiveOn)).Set("completed_on", StateRows.Text(e.CompletedOn));
        }

        foreach (var (sha, (e, label, seq)) in _codeSets)
        {
            if (!Want(StateTables.CodeSetReleases))
            {
                break;
            }

            rows.Add(StateTables.CodeSetReleases, sha, $"code-set release {label} ({sha[..Math.Min(12, sha.Length)]})", seq)
                .Set("kind", e.Kind).Set("effective_date", StateRows.Text(e.EffectiveDate)).Set("effective_through", StateRows.Text(e.EffectiveThrough))
                .Set("file_name", e.FileName).Set("entries", StateRows.Text(e.Entries));
        }

        foreach (var (id, (e, external, seq)) in _vendorCodings)
        {
            if (!Want(StateTables.VendorClaimCodings))
            {
                break;
            }

            rows.Add(StateTables.VendorClaimCodings, StateRows.Text(id), $"encounter {external} vendor coding version {e.Version}", seq)
                .Set("encounter", external).Set("vendor", e.Vendor).Set("version", StateRows.Text(e.Version)).Set("file_sha256", e.FileSha256)
                .Set("interchange_control", e.InterchangeControl).Set("group_control", e.GroupControl).Set("transaction_control", e.TransactionControl)
                .Set("patient_control_number", e.PatientControlNumber).Set("diagnoses", StateRows.Text(e.Diagnoses))
                .Set("service_lines", string.Join(" ", e.Lines.Select(l => StateTables.Line(l.Code, l.Modifiers, l.Units, l.Charge, l.Pointers))));
        }

        AddAuditRows(rows, Want);
        AddScorecardRows(rows, Want);
        AddBillingRows(rows, Want);
        AddBillingSetupRows(rows, Want);
        AddAcknowledgmentRows(rows, Want);
        AddRemittanceRows(rows, Want);
        return rows;
    }

    /// <summary>
    /// One table's rows, built one at a time as a comparison asks for them: the encounter tables and
    /// the queries (whose text form would grow with the ledger) on demand, the other tables, which
    /// grow with the organization and not with its work, whole.
    /// </summary>
    public IReplayedTable Table(string table) => table switch
    {
        StateTables.Encounters => new OnDemandTable(
            () => _encounters.Count,
            key => StateTables.ParseKey(key) is (var id, -1) && _encounters.TryGetValue(id, out var e) ? EncounterRow(e) : null,
            () => _encounters.Select(p => KeyValuePair.Create(StateRows.Text(p.Key), EncounterRow(p.Value)))),
        StateTables.WorkItems => new OnDemandTable(
            () => _encounters.Count,
            key => StateTables.ParseKey(key) is (var id, -1) && _encounters.TryGetValue(id, out var e) ? WorkItemRow(e) : null,
            () => _encounters.Select(p => KeyValuePair.Create(StateRows.Text(p.Key), WorkItemRow(p.Value)))),
        StateTables.DocumentationVersions => new OnDemandTable(
            () => _encounters.Values.Sum(e => e.Versions.Count),
            key => StateTables.ParseKey(key) is (var id, >= 0 and var version) && _encounters.TryGetValue(id, out var e) && e.Versions.Find(v => v.Version == version) is { } v
                ? VersionRow(e, v)
                : null,
            () => _encounters.SelectMany(p => p.Value.Versions.Select(v => KeyValuePair.Create(StateTables.VersionKey(p.Key, v.Version), VersionRow(p.Value, v))))),
        StateTables.CodingResults => new OnDemandTable(
            () => _encounters.Values.Sum(e => e.Codings.Count),
            key => StateTables.ParseKey(key) is (var id, >= 0 and var version) && _encounters.TryGetValue(id, out var e) && e.Codings.Find(c => c.Version == version) is { } c
                ? CodingRow(e, c)
                : null,
            () => _encounters.SelectMany(p => p.Value.Codings.Select(c => KeyValuePair.Create(StateTables.VersionKey(p.Key, c.Version), CodingRow(p.Value, c))))),
        StateTables.Queries => new OnDemandTable(
            () => _queries.Count,
            key => StateTables.ParseKey(key) is (var id, -1) && _queries.TryGetValue(id, out var q) ? QueryRow(id, q) : null,
            () => _queries.Select(p => KeyValuePair.Create(StateRows.Text(p.Key), QueryRow(p.Key, p.Value)))),
        _ => new OnDemandTable(ToRows(table).Tables[table]),
    };

    private string Code(Guid id) => _organizations.TryGetValue(id, out var o) ? o.Code : StateRows.Text(id);

    private StateRow EncounterRow(EncounterState e) =>
        new StateRow($"encounter {e.ExternalId}", e.EncounterEvent)
            .Set("practice", Code(e.PracticeId)).Set("external_id", e.ExternalId).Set("physician", e.Received.PhysicianNpi)
            .Set("date_of_service", StateRows.Text(e.Received.DateOfService)).Set("place_of_service", e.Received.PlaceOfService)
            .Set("specialty", e.Received.Specialty).Set("documentation_completed_at", StateRows.Text(e.EncounterDocumentationCompletedAt))
            .Set("documentation_hash", e.Versions.Find(v => v.Version == e.EncounterVersion)?.Hash ?? StateRow.NotRecorded)
            .Set("demographics_hash", e.DemographicsHash ?? StateRow.NotRecorded);

    private StateRow WorkItemRow(EncounterState e) =>
        new StateRow($"encounter {e.ExternalId}", e.WorkEvent)
            .Set("practice", Code(e.PracticeId)).Set("vendor", Code(e.VendorId)).Set("coder", e.Received.Coder).Set("basis", e.Received.Basis.ToString())
            .Set("status", e.Status.ToString()).Set("documentation_version", StateRows.Text(e.DocumentationVersion))
            .Set("documentation_completed_at", StateRows.Text(e.WorkDocumentationCompletedAt)).Set("clock_start", StateRows.Text(e.ClockStart))
            .Set("finalized_at", StateRows.Text(e.FinalizedAt)).Set("final_coding_version", StateRows.Text(e.FinalCodingVersion))
            .Set("coded_without_query_response", StateRows.Text(e.CodedWithoutQueryResponse))
            .Set("override_reason", e.OverrideReason).Set("override_by", e.OverrideBy);

    private static StateRow VersionRow(EncounterState e, VersionState v) =>
        new StateRow($"encounter {e.ExternalId} documentation version {v.Version}", v.Sequence)
            .Set("hash", v.Hash ?? StateRow.NotRecorded).Set("completed_at", StateRows.Text(v.CompletedAt));

    private static StateRow CodingRow(EncounterState e, CodingState c) =>
        new StateRow($"encounter {e.ExternalId} coding version {c.Version}", c.Sequence)
            .Set("coder", c.Coder).Set("diagnoses", c.Diagnoses).Set("service_lines", c.Lines)
            .Set("documentation_version", StateRows.Text(c.DocumentationVersion)).Set("edit_errors", StateRows.Text(c.Errors));

    private StateRow QueryRow(Guid id, QueryState q)
    {
        var external = _encounters.TryGetValue(q.Raised.Encounter, out var e) ? e.ExternalId : StateRows.Text(q.Raised.Encounter);
        return new StateRow($"query {id:D} on encounter {external}", q.Sequence)
            .Set("encounter", external).Set("physician", q.Raised.PhysicianNpi).Set("category", q.Raised.Category).Set("coder", q.Raised.Coder)
            .Set("question_hash", q.QuestionHash ?? StateRow.NotRecorded).Set("choices", StateRows.Text(q.Raised.Choices))
            .Set("raised_at", StateRows.Text(q.Raised.RaisedAt)).Set("due_at", StateRows.Text(q.Raised.DueAt)).Set("status", q.Status.ToString())
            .Set("answer_hash", q.Status == QueryStatus.Answered ? q.AnswerHash ?? StateRow.NotRecorded : null).Set("closed_at", StateRows.Text(q.ClosedAt));
    }

    private sealed class OnDemandTable(Func<int> count, Func<string, StateRow?> find, Func<IEnumerable<KeyValuePair<string, StateRow>>> rows) : IReplayedTable
    {
        public OnDemandTable(Dictionary<string, StateRow> whole)
            : this(() => whole.Count, whole.GetValueOrDefault, () => whole)
        {
        }

        public int Count => count();

        public StateRow? Find(string key) => find(key);

        public IEnumerable<KeyValuePair<string, StateRow>> Rows() => rows();
    }

    private sealed record Org(string Code, string Name, OrganizationKind Kind, long Sequence);

    /// <summary>One encounter, its work item and its versions: only what the events say.</summary>
    private sealed class EncounterState(EncounterReceived received, Guid practiceId, Guid vendorId, long sequence)
    {
        // The received event without its hashes, which the versions and DemographicsHash hold packed.
        public EncounterReceived Received { get; } = received with { DocumentationHash = null, DocumentationSha256 = null, DemographicsHash = null };

        public Guid Id => Received.Id;

        public string ExternalId => Received.ExternalId;

        public Guid PracticeId { get; } = practiceId;

        public Guid VendorId { get; } = vendorId;

        public long EncounterEvent { get; set; } = sequence;

        public long WorkEvent { get; set; } = sequence;

        public DateTimeOffset EncounterDocumentationCompletedAt { get; private set; } = received.DocumentationCompletedAt;

        /// <summary>The documentation version whose text the encounter row holds (corrections after finalization do not change it).</summary>
        public int EncounterVersion { get; private set; } = 1;

        /// <summary>The keyed hash of the current demographics; null when only older events describe them.</summary>
        public string? DemographicsHash { get => _demographicsHash.Text; set => _demographicsHash = PackedHash.Of(value); }

        private PackedHash _demographicsHash = PackedHash.Of(received.DemographicsHash);

        public WorkStatus Status { get; set; } = received.Coder is null ? WorkStatus.Uncovered : WorkStatus.Assigned;

        public int DocumentationVersion { get; private set; } = 1;

        public DateTimeOffset WorkDocumentationCompletedAt { get; private set; } = received.DocumentationCompletedAt;

        public DateTimeOffset ClockStart { get; private set; } = received.ClockStart;

        public DateTimeOffset? FinalizedAt { get; private set; }

        public int? FinalCodingVersion { get; private set; }

        public bool CodedWithoutQueryResponse { get; private set; }

        public string? OverrideReason { get; private set; }

        public string? OverrideBy { get; private set; }

        public List<VersionState> Versions { get; } = [new VersionState(1, received.DocumentationHash, received.DocumentationCompletedAt, sequence)];

        public List<CodingState> Codings { get; } = [];

        /// <summary>As intake applies a corrected note: a new version always; the encounter and the clock only while not final.</summary>
        public void Correct(DocumentationCorrected e, long sequence)
        {
            DocumentationVersion = e.Version;
            Versions.Add(new VersionState(e.Version, e.DocumentationHash, e.DocumentationCompletedAt, sequence));
            WorkEvent = sequence;
            if (!e.AfterFinalization)
            {
                EncounterDocumentationCompletedAt = e.DocumentationCompletedAt;
                EncounterVersion = e.Version;
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

    /// <summary>One documentation version: its note's keyed hash (null until an older event's is backfilled).</summary>
    private sealed class VersionState(int version, string? hash, DateTimeOffset completedAt, long sequence)
    {
        public int Version { get; } = version;

        public string? Hash { get => _hash.Text; set => _hash = PackedHash.Of(value); }

        private PackedHash _hash = PackedHash.Of(hash);

        public DateTimeOffset CompletedAt { get; } = completedAt;

        public long Sequence { get; } = sequence;
    }

    /// <summary>
    /// One coding version as its row shows it: the diagnoses and service lines already in their row
    /// text, shared between versions that coded the same (most do), rather than the submitted event.
    /// </summary>
    private sealed record CodingState(int Version, string Coder, string Diagnoses, string Lines, int Errors, int DocumentationVersion, long Sequence);

    private sealed class QueryState(QueryRaised raised, long sequence)
    {
        public QueryRaised Raised { get; } = raised with { QuestionHash = null, QuestionSha256 = null };

        public QueryStatus Status { get; set; } = QueryStatus.Open;

        public string? QuestionHash { get => _questionHash.Text; set => _questionHash = PackedHash.Of(value); }

        public string? AnswerHash { get => _answerHash.Text; set => _answerHash = PackedHash.Of(value); }

        private PackedHash _questionHash = PackedHash.Of(raised.QuestionHash);

        private PackedHash _answerHash;

        public DateTimeOffset? ClosedAt { get; set; }

        public long Sequence { get; set; } = sequence;
    }
}

/// <summary>The keyed hashes an encounter's older events lack (<see cref="ReplayedState.MissingPhiHashes"/>).</summary>
public sealed record MissingPhiHashes(Guid Encounter, string ExternalId, IReadOnlyList<int> Versions, bool Demographics, IReadOnlyList<MissingQueryHashes> Queries);

/// <summary>A query whose question, or whose answer, has no keyed hash in the ledger.</summary>
public sealed record MissingQueryHashes(Guid Query, bool Question, bool Answer);
