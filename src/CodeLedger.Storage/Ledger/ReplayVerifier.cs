using CodeLedger.Core.Coders;
using CodeLedger.Core.Intake;
using CodeLedger.Core.Ledger;
using CodeLedger.Core.Ledger.Replay;
using CodeLedger.Core.Queries;
using CodeLedger.Core.Training;
using CodeLedger.Core.Workflow;
using CodeLedger.Storage.CodeSets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Ledger;

/// <summary>
/// `ledger verify` beyond the chain: replays every event from the first (Core's
/// <see cref="ReplayedState"/>), reads the stored tables into the same rows, and names every
/// difference. PHI columns (the note of the encounter and of each documentation version, the patient's
/// demographics, a query's question and answer) are read decrypted and compared by the keyed hash
/// their events carry (<see cref="Protection.PhiLedgerHash"/>), never by content, and never printed.
/// </summary>
public sealed class ReplayVerifier(CodeLedgerStore store)
{
    // Every event and every stored row is read: on PostgreSQL through a wide read buffer (DatabaseLocation.ForBulkReads).
    private readonly DatabaseLocation _bulk = store.Location.ForBulkReads();

    /// <summary>
    /// Walks the hash chain and replays the events in one read of the ledger, then compares the
    /// replayed state with the tables; a broken chain is reported alone (its events prove nothing).
    /// </summary>
    /// <remarks>
    /// The ledger and the tables are read in one read transaction, so a write committed while the
    /// verification runs is either wholly in what it reads or wholly out of it (PostgreSQL: repeatable
    /// read; SQLite: a deferred transaction, one WAL snapshot), never half and reported as a divergence.
    /// The stored tables' digests are taken on a second connection in a snapshot of its own, and count
    /// only when that snapshot's ledger ends at the same event (count and head hash) as the one replayed;
    /// every divergence is named from the ledger's own snapshot.
    /// </remarks>
    public async Task<ReplayVerification> VerifyAsync(CancellationToken ct = default)
    {
        // The stored tables are digested on their own connection while the ledger is read and replayed
        // on this one (StateDigests): the two do not depend on each other, and on two cores the stored
        // side, the longest stage, no longer waits for the replay to end (docs/PERFORMANCE.md).
        var salt = StateDigests.NewSalt();

        // EF Core builds the model once per process, under a lock: built here first, so the stored side's
        // two contexts do not spin on that lock while one of them builds it (about a CPU-second each).
        await using var db = _bulk.CreateContext();
        _ = db.Model;
        using var stopStored = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var stored = DigestStoredAsync(salt, stopStored.Token);
        try
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await using var snapshot = await BeginSnapshotAsync(db, ct);

                var state = new ReplayedState();
                var chain = await ReplayLedgerAsync(db, state, ct);
                if (!chain.IsIntact)
                {
                    return new ReplayVerification(chain, []);
                }

                // Equal digests of every table on both sides: the comparison below would name nothing. The
                // stored digests count only when their snapshot ends at the same event as this one (every
                // change to a table is written with its ledger event, in one transaction), and when reading
                // them did not fail (a failure is then met, and reported, by the reading below).
                // The replayed rows are digested first, while the stored side is still being read (it is the
                // longer of the two): waiting for it before starting left the second core idle at the end.
                // On an edited database these digests go unused, a small cost beside the full comparison it then pays.
                var replayed = StateDigests.OfReplay(state.Table, salt, ct);
                var (storedDigests, storedHead) = await StoredOrDefault(stored);
                if (storedDigests is not null && storedHead == (chain.EventCount, chain.HeadHash) && replayed.SameAs(storedDigests))
                {
                    return new ReplayVerification(chain, [.. state.Contradictions]) { ComparedByDigest = true };
                }

                // The stored rows are compared as they are read, one table at a time against that table's
                // replayed rows: neither side's text form is ever held whole (docs/PERFORMANCE.md).
                // The reading (and decrypting and hashing) runs on this thread, the comparison on another (ComparisonPipeline).
                using var comparison = new ComparisonPipeline(StreamingStateComparison.OnDemand(state.Table), ct);
                await ReadStoredAsync(db, comparison, StoredPart.All, ct);
                return new ReplayVerification(chain, [.. state.Contradictions, .. await comparison.FinishAsync()]);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        finally
        {
            // On a broken chain or a failure the stored side's reading is not needed: stop it and wait, so
            // its connection is closed before this returns.
            await stopStored.CancelAsync();
            await StoredOrDefault(stored);
        }
    }

    private static async Task<(StateDigests? Digests, (long Count, string Head) Head)> StoredOrDefault(Task<(StateDigests?, (long, string))> stored)
    {
        try
        {
            return await stored;
        }
        catch (Exception)
        {
            // Not needed to verify: without the digests the stored tables are read and compared in full,
            // and that reading reports whatever failed here.
            return (null, default);
        }
    }

    /// <summary>
    /// One read snapshot on the open connection of <paramref name="db"/>: SQLite, a deferred
    /// transaction (one WAL snapshot from its first read); PostgreSQL, repeatable read.
    /// </summary>
    private static async Task<IAsyncDisposable> BeginSnapshotAsync(CodeLedgerDbContext db, CancellationToken ct)
    {
        if (db.Database.GetDbConnection() is SqliteConnection sqlite)
        {
            var deferred = sqlite.BeginTransaction(deferred: true);
            return new SqliteSnapshot(await db.Database.UseTransactionAsync(deferred, ct), deferred);
        }

        return await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
    }

    /// <summary>EF's handle on the deferred transaction, then the transaction itself, ended in that order.</summary>
    private sealed class SqliteSnapshot(IAsyncDisposable? ef, SqliteTransaction deferred) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (ef is not null)
            {
                await ef.DisposeAsync();
            }

            await deferred.DisposeAsync();
        }
    }

    /// <summary>
    /// The stored tables' digests (<see cref="StateDigests"/>), read in two parts on two connections side by
    /// side (<see cref="StoredPart"/>: the encounters, whose PHI is decrypted and hashed row by row, and
    /// everything else), each part in a snapshot of its own; with the event the snapshots' ledger ends at
    /// (count and head hash: the genesis hash when empty). Null when the two snapshots end at different
    /// events (a write committed between their first reads): the digests then prove nothing and the
    /// caller compares row by row in the ledger's snapshot.
    /// </summary>
    private async Task<(StateDigests?, (long, string))> DigestStoredAsync(byte[] salt, CancellationToken ct)
    {
        // Each part on a thread of its own: the stored side was the longest stage of the verification on
        // one thread (about half its CPU), and the two parts cost about the same (docs/PERFORMANCE.md).
        Task<(StateDigests, (long, string))> Part(StoredPart part) =>
            Task.Factory.StartNew(() => DigestStoredAsync(salt, part, ct), ct, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

        var encounters = Part(StoredPart.Encounters);
        var rest = Part(StoredPart.Rest);

        // Both awaited even when one fails, so neither connection outlives the verification.
        await Task.WhenAll(encounters, rest);
        var ((a, headA), (b, headB)) = (encounters.Result, rest.Result);
        return headA == headB ? (StateDigests.Combine(a, b), headA) : (null, headA);
    }

    private async Task<(StateDigests, (long, string))> DigestStoredAsync(byte[] salt, StoredPart part, CancellationToken ct)
    {
        await using var db = _bulk.CreateContext();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var snapshot = await BeginSnapshotAsync(db, ct);

            // The first read fixes the snapshot (SQLite: a deferred transaction's; PostgreSQL: repeatable read's).
            var head = await LedgerRows.HeadAsync(db, ct);
            var digests = new StateDigests(salt);
            await ReadStoredAsync(db, digests, part, ct);
            return (digests.Finish(), head);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Reads the ledger once, in sequence order, walking the chain on this thread and folding the events
    /// into <paramref name="state"/> on another: the two halves cost about the same (reading and hashing;
    /// reading the payloads' JSON and applying them), so on two cores the read takes about half the time.
    /// Events go across in batches, bounded, so the events in flight are a few thousand whatever the
    /// ledger's size. The fold sees exactly the events the chain accepted, in order; after a break it
    /// stops (a broken chain is reported alone).
    /// </summary>
    private static async Task<LedgerVerification> ReplayLedgerAsync(CodeLedgerDbContext db, ReplayedState state, CancellationToken ct)
    {
        const int BatchSize = 1024;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var batches = new HandOff<LedgerEntry[]>(capacity: 8, stop.Token);
        var fold = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    foreach (var batch in batches.Consume())
                    {
                        foreach (var entry in batch)
                        {
                            state.Apply(entry);
                        }
                    }
                }
                catch
                {
                    // The reader must not wait on a full queue nobody takes from.
                    stop.Cancel();
                    throw;
                }
            },
            stop.Token,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        var chain = new LedgerVerifier();
        try
        {
            var batch = new List<LedgerEntry>(BatchSize);
            await foreach (var entry in LedgerRows.ReadAsync(db, ct))
            {
                if (!chain.Add(entry))
                {
                    break;
                }

                batch.Add(entry);
                if (batch.Count == BatchSize)
                {
                    batches.Add([.. batch]);
                    batch.Clear();
                }
            }

            if (!chain.IsBroken && batch.Count > 0)
            {
                batches.Add([.. batch]);
            }
        }
        catch (OperationCanceledException) when (fold.IsFaulted && !ct.IsCancellationRequested)
        {
            // The fold failed: its exception, awaited below, is the one to report.
        }
        finally
        {
            batches.CompleteAdding();
        }

        await fold;
        return chain.Result();
    }

    /// <summary>The stored tables as <see cref="StateRows"/>, written exactly as the replay writes them.</summary>
    public async Task<StateRows> ReadStoredAsync(CancellationToken ct = default)
    {
        await using var db = _bulk.CreateContext();
        await db.Database.OpenConnectionAsync(ct);
        var rows = new StateRows();
        foreach (var table in StateTables.All)
        {
            rows.Declare(table);
        }

        await ReadStoredAsync(db, rows, StoredPart.All, ct);
        return rows;
    }

    /// <summary>
    /// Writes the stored rows of <paramref name="part"/> into <paramref name="rows"/>, table by table, the
    /// rows of one table together; <see cref="StoredPart.All"/> in the same order as ever (the full
    /// comparison names divergences in this order).
    /// </summary>
    private static async Task ReadStoredAsync(CodeLedgerDbContext db, IStateRowSink rows, StoredPart part, CancellationToken ct)
    {
        // The small tables are read by both parts (the rest's rows name organizations, physicians and coders),
        // and written by the rest's alone.
        var all = rows;
        rows = part.HasFlag(StoredPart.Rest) ? rows : NoRows.Instance;

        var hash = db.Phi.LedgerHash;

        var orgs = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, ct);
        string Code(Guid id) => orgs.TryGetValue(id, out var o) ? o.Code : StateRows.Text(id);
        foreach (var o in orgs.Values)
        {
            rows.Add(StateTables.Organizations, StateRows.Text(o.Id), $"organization {o.Code}", 0).Set("code", o.Code).Set("name", o.Name).Set("kind", o.Kind.ToString());
        }

        foreach (var a in await db.BusinessAssociateAgreements.AsNoTracking().ToListAsync(ct))
        {
            rows.Add(StateTables.Agreements, StateRows.Text(a.Id), $"agreement {a.Id:D} of {Code(a.PracticeId)} with {Code(a.VendorId)}", 0)
                .Set("practice", Code(a.PracticeId)).Set("vendor", Code(a.VendorId)).Set("practice_signatory", a.PracticeSignatory).Set("vendor_signatory", a.VendorSignatory)
                .Set("signed_on", StateRows.Text(a.SignedOn)).Set("effective_on", StateRows.Text(a.EffectiveOn)).Set("expires_on", StateRows.Text(a.ExpiresOn))
                .Set("document_sha256", a.DocumentSha256).Set("terminated_on", StateRows.Text(a.TerminatedOn));
        }

        foreach (var c in await db.SlaContracts.AsNoTracking().ToListAsync(ct))
        {
            rows.Add(StateTables.Contracts, StateRows.Text(c.Id), $"contract {c.Id:D} of {Code(c.PracticeId)} with {Code(c.VendorId)}", 0)
                .Set("practice", Code(c.PracticeId)).Set("vendor", Code(c.VendorId)).Set("effective_on", StateRows.Text(c.EffectiveOn))
                .Set("turnaround_target_hours", StateRows.Text(c.TurnaroundTargetHours)).Set("clock", c.Clock.ToString()).Set("time_zone_id", c.TimeZoneId)
                .Set("accuracy_floor_percent", StateRows.Text(c.AccuracyFloorPercent)).Set("query_response_window_hours", StateRows.Text(c.QueryResponseWindowHours))
                .Set("open_query_pauses_clock", StateRows.Text(c.OpenQueryPausesClock)).Set("monthly_fee", c.MonthlyFee.ToString())
                .Set("working_hours", StateTables.WorkingHours(c.WorkingHours.Opens, c.WorkingHours.Closes, c.WorkingHours.Days))
                .Set("holidays", StateRows.Text(c.Holidays.Order().Select(StateRows.Text)))
                .Set("credit_schedule", StateTables.CreditSchedule(c.CreditSchedule.ComplianceThresholdPercent, c.CreditSchedule.PercentOfFeePerPoint, c.CreditSchedule.CapPercentOfFee))
                .Set("corrected_documentation_restarts_clock", StateRows.Text(c.CorrectedDocumentationRestartsClock))
                .Set("remediation_after_consecutive_breach_months", StateRows.Text(c.RemediationAfterConsecutiveBreachMonths));
        }

        var npis = new Dictionary<Guid, string>();
        foreach (var p in await db.Physicians.AsNoTracking().ToListAsync(ct))
        {
            npis[p.Id] = p.Npi.Value;
            rows.Add(StateTables.Physicians, StateRows.Text(p.Id), $"physician {p.Npi.Value}", 0)
                .Set("practice", Code(p.PracticeId)).Set("name", p.Name).Set("npi", p.Npi.Value).Set("taxonomy", p.Taxonomy.Value).Set("specialty", p.Specialty.Value)
                .Set("active", StateRows.Text(p.Active));
        }

        var users = new Dictionary<Guid, string>();
        foreach (var c in await db.Coders.AsNoTracking().ToListAsync(ct))
        {
            users[c.Id] = c.UserName;
            rows.Add(StateTables.Coders, c.UserName, $"coder {c.UserName}", 0)
                .Set("id", StateRows.Text(c.Id)).Set("vendor", Code(c.VendorId)).Set("display_name", c.DisplayName).Set("is_lead", StateRows.Text(c.IsLead))
                .Set("credentials", StateRows.Text(c.Credentials.Select(k => StateTables.Credential(CredentialNames.Name(k.Kind), k.IssuedOn, k.ExpiresOn)).Order(StringComparer.Ordinal)))
                .Set("specialties", StateRows.Text(c.Specialties.Select(s => s.Value).Order(StringComparer.Ordinal))).Set("active", StateRows.Text(c.Active));
        }

        string? User(Guid? id) => id is { } v ? users.GetValueOrDefault(v, StateRows.Text(v)) : null;

        // The tables with a row per encounter, straight off the data reader (EncounterStoredRows).
        var external = new Dictionary<Guid, string>();
        await EncounterStoredRows.ReadAsync(
            db, all, Code, id => npis.GetValueOrDefault(id, StateRows.Text(id)), external, User, part.HasFlag(StoredPart.Encounters), part.HasFlag(StoredPart.Rest), ct);
        if (!part.HasFlag(StoredPart.Rest))
        {
            return;
        }

        string Ext(Guid id) => external.GetValueOrDefault(id, StateRows.Text(id));

        await foreach (var q in db.Set<DocumentationQuery>().AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            rows.Add(StateTables.Queries, StateRows.Text(q.Id), $"query {q.Id:D} on encounter {Ext(q.EncounterId)}", 0)
                .Set("encounter", Ext(q.EncounterId)).Set("physician", npis.GetValueOrDefault(q.PhysicianId, StateRows.Text(q.PhysicianId)))
                .Set("category", QueryCategories.Name(q.Category)).Set("coder", User(q.RaisedByCoderId))
                .Set("question_hash", hash.Of(q.Question)).Set("choices", StateRows.Text(q.Choices.Count))
                .Set("raised_at", StateRows.Text(q.RaisedAt)).Set("due_at", StateRows.Text(q.DueAt)).Set("status", q.Status.ToString())
                .Set("answer_hash", q.Answer is null ? null : hash.Of(q.Answer)).Set("closed_at", StateRows.Text(q.ClosedAt));
        }

        foreach (var t in await db.Set<TrainingRecord>().AsNoTracking().ToListAsync(ct))
        {
            var user = User(t.CoderId)!;
            rows.Add(StateTables.Training, $"{user}/{t.Release}", $"coder {user} release {t.Release}", 0)
                .Set("release_effective_on", StateRows.Text(t.ReleaseEffectiveOn)).Set("completed_on", StateRows.Text(t.CompletedOn));
        }

        foreach (var r in await db.Set<CodeSetReleaseRow>().AsNoTracking()
                     .Select(r => new { r.Kind, r.EffectiveDate, r.EffectiveThrough, r.FileName, r.Sha256, r.EntryCount }).ToListAsync(ct))
        {
            rows.Add(StateTables.CodeSetReleases, r.Sha256, $"code-set release {r.Kind}@{StateRows.Text(r.EffectiveDate)} ({r.Sha256[..Math.Min(12, r.Sha256.Length)]})", 0)
                .Set("kind", r.Kind).Set("effective_date", StateRows.Text(r.EffectiveDate)).Set("effective_through", StateRows.Text(r.EffectiveThrough))
                .Set("file_name", r.FileName).Set("entries", StateRows.Text(r.EntryCount));
        }

        foreach (var v in await db.VendorClaimCodings.AsNoTracking().ToListAsync(ct))
        {
            rows.Add(StateTables.VendorClaimCodings, StateRows.Text(v.Id), $"encounter {Ext(v.EncounterId)} vendor coding version {v.Version}", 0)
                .Set("encounter", Ext(v.EncounterId)).Set("vendor", Code(v.VendorId)).Set("version", StateRows.Text(v.Version)).Set("file_sha256", v.FileSha256)
                .Set("interchange_control", v.InterchangeControl).Set("group_control", v.GroupControl).Set("transaction_control", v.TransactionControl)
                .Set("patient_control_number", v.PatientControlNumber).Set("diagnoses", StateRows.Text(v.Diagnoses.Select(d => d.Value)))
                .Set("service_lines", StateTables.Lines(v.ServiceLines));
        }

        await Audits.AuditStoredRows.ReadAsync(db, rows, Code, Ext, hash, ct);
        await Scorecard.ScorecardStoredRows.ReadAsync(db, rows, Code, ct);
        await Billing.BillingStoredRows.ReadAsync(db, rows, Code, Ext, ct);
        await Billing.BillingSetupStoredRows.ReadAsync(db, rows, Code, Ext, hash, ct);
        await Acknowledgments.AcknowledgmentStoredRows.ReadAsync(db, rows, Code, ct);
        await Remittances.RemittanceStoredRows.ReadAsync(db, rows, Code, ct);
        await Denials.DenialStoredRows.ReadAsync(db, rows, Code, hash, ct);
    }
}

/// <summary>Which stored tables a reading covers: the digests read the two parts side by side, the full comparison all of them.</summary>
[Flags]
internal enum StoredPart
{
    /// <summary>The encounters table: each row's note and demographics decrypted and hashed.</summary>
    Encounters = 1,

    /// <summary>Every other state table.</summary>
    Rest = 2,

    All = Encounters | Rest,
}

/// <summary>A sink that keeps nothing: the small tables read by a part that does not write them.</summary>
internal sealed class NoRows : IStateRowSink
{
    public static readonly NoRows Instance = new();

    public StateRow Add(string table, string key, string label, long @event) => new(label, @event);
}

/// <summary>What <see cref="ReplayVerifier.VerifyAsync"/> found: the chain, and, when it is intact, every difference between the replayed state and the tables.</summary>
public sealed record ReplayVerification(LedgerVerification Chain, IReadOnlyList<StateDivergence> Divergences)
{
    /// <summary>
    /// True when every table's stored rows had the same digest as its replayed rows, so no row was
    /// compared column by column (nothing to name); false when the chain broke or the tables were compared in full.
    /// </summary>
    public bool ComparedByDigest { get; init; }
}
