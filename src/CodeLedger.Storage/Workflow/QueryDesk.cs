using CodeLedger.Core.Accounts;
using CodeLedger.Core.Common;
using CodeLedger.Core.Intake;
using CodeLedger.Core.Queries;
using CodeLedger.Core.Workflow;
using Microsoft.EntityFrameworkCore;
using CodeLedger.Core.Coders;
using CodeLedger.Core.Contracts;
using CodeLedger.Core.Physicians;
using CodeLedger.Core.Coding;
using CodeLedger.Core.Ledger.Events;

namespace CodeLedger.Storage.Workflow;

/// <summary>
/// Documentation queries: a coder raises one (the due instant is the contract's response window
/// after it), the physician answers before it is due, and the expiry run closes overdue ones and
/// finalizes what <see cref="QueryExpiry"/> decides (the latest coding of the note as it stands,
/// past the edit gate, flagged "coded without query response"). The ledger holds hashes of the
/// question and answer, never their text.
/// </summary>
public sealed class QueryDesk(CodeLedgerStore store, Func<Guid>? newId = null)
{
    private readonly Func<Guid> _newId = newId ?? Guid.NewGuid;

    public Task<DocumentationQuery> RaiseAsync(string encounterRef, string coderUserName, QueryCategory category, string question, IReadOnlyList<string> choices, CancellationToken ct = default) =>
        store.WriteAsync(coderUserName, async (db, ledger) =>
        {
            var now = Instants.Now(store.Time);
            var encounter = await WorkflowLookup.EncounterAsync(db, encounterRef, ct);
            var work = await db.Set<WorkItem>().SingleAsync(w => w.EncounterId == encounter.Id, ct);
            var coder = EncounterAccess.Require(EncounterAction.RaiseQuery, await db.Coders.AsNoTracking().FirstOrDefaultAsync(c => c.UserName == coderUserName, ct),
                coderUserName, work, encounter.ExternalId);

            if (work.IsFinalized)
            {
                throw new DomainException(CodingErrors.AlreadyFinal, $"encounter {encounter.ExternalId} is already final");
            }

            var contract = await WorkflowLookup.ContractAsync(db, encounter.PracticeId, work.VendorId, DateOnly.FromDateTime(now.UtcDateTime), ct)
                ?? throw new DomainException(ContractErrors.NoContract, "no SLA contract is in force between the practice and the vendor: the query response window is unknown");
            var query = new DocumentationQuery(_newId(), encounter.Id, encounter.PhysicianId, coder.Id, category, question, choices, now, contract.QueryResponseWindowHours);
            db.Add(query);
            work.MarkInCoding();
            var npi = await db.Physicians.Where(p => p.Id == encounter.PhysicianId).Select(p => p.Npi).SingleAsync(ct);
            ledger.Append(encounter.ExternalId, new QueryRaised(query.Id, encounter.Id, npi.Value, QueryCategories.Name(category), coder.UserName,
                PhiHash.Sha256(query.Question), query.Choices.Count, query.RaisedAt, query.DueAt));
            return query;
        }, ct);

    public Task<DocumentationQuery> AnswerAsync(Guid queryId, string answer, string actor, CancellationToken ct = default) => AnswerAsync(queryId, answer, actor, null, ct);

    /// <summary>
    /// A physician answers their own query: the ledger records them as the actor. A query of
    /// another physician is QUERY-UNKNOWN (404), exactly like an id that does not exist, so a
    /// physician cannot learn which ids exist.
    /// </summary>
    public Task<DocumentationQuery> AnswerAsync(Guid queryId, string answer, Principal physician, CancellationToken ct = default)
    {
        AccountRules.Require(physician, AccountRules.AnswerQuery, "answering a query");
        return AnswerAsync(queryId, answer, physician.UserName, physician.PhysicianNpi, ct);
    }

    private Task<DocumentationQuery> AnswerAsync(Guid queryId, string answer, string actor, string? ownNpi, CancellationToken ct) =>
        store.WriteAsync(actor, async (db, ledger) =>
        {
            var now = Instants.Now(store.Time);
            var query = await db.Set<DocumentationQuery>().FirstOrDefaultAsync(q => q.Id == queryId, ct)
                ?? throw new DomainException(QueryErrors.Unknown, $"no query {queryId}");
            if (ownNpi is not null)
            {
                var own = Core.Codes.Npi.Parse(ownNpi);
                if (!await db.Physicians.AnyAsync(p => p.Id == query.PhysicianId && p.Npi == own, ct))
                {
                    throw new DomainException(QueryErrors.Unknown, $"no query {queryId}");
                }
            }
            query.Respond(answer, now);
            var external = await db.Encounters.Where(e => e.Id == query.EncounterId).Select(e => e.ExternalId).SingleAsync(ct);
            ledger.Append(external, new QueryAnswered(query.Id, query.EncounterId, PhiHash.Sha256(query.Answer!), now, query.DueAt));
            return query;
        }, ct);

    /// <summary>
    /// Closes every query overdue at the current instant and finalizes what <see cref="QueryExpiry"/>
    /// decides. Idempotent: a second run finds nothing. Runs as one write: concurrent workers (several
    /// web instances, or the web host and a cron job) expire each query once, because a run whose
    /// queries another run changed first runs again and sees nothing to do (docs/STORAGE.md, "Writes
    /// and the ledger").
    /// </summary>
    public Task<ExpirySummary> ExpireOverdueAsync(string actor, CancellationToken ct = default) =>
        store.WriteAsync(actor, async (db, ledger) =>
        {
            var now = Instants.Now(store.Time);
            var encounterIds = await db.Set<DocumentationQuery>().Where(q => q.Status == QueryStatus.Open && q.DueAt <= now)
                .Select(q => q.EncounterId).Distinct().ToListAsync(ct);
            var queries = (await db.Set<DocumentationQuery>().Where(q => encounterIds.Contains(q.EncounterId)).ToListAsync(ct)).ToLookup(q => q.EncounterId);
            var work = await db.Set<WorkItem>().Where(w => encounterIds.Contains(w.EncounterId)).ToDictionaryAsync(w => w.EncounterId, ct);
            var versions = (await (from c in db.CodingResults
                                   join coder in db.Coders on c.CoderId equals coder.Id
                                   where encounterIds.Contains(c.EncounterId)
                                   select new { Coding = c, coder.UserName }).AsNoTracking().ToListAsync(ct))
                .ToLookup(v => v.Coding.EncounterId, v => CodedVersion.Of(v.Coding, v.UserName));
            var external = await db.Encounters.Where(e => encounterIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.ExternalId, ct);

            var decisions = encounterIds.Order().Select(id => (Id: id, Decision: QueryExpiry.Decide(queries[id], versions[id], work[id], now))).ToList();

            // Every unresolved query first, earliest due first, then every finalization by encounter id.
            var unresolved = decisions.SelectMany(d => d.Decision.Unresolved).OrderBy(q => q.DueAt).ThenBy(q => q.Id).ToList();
            foreach (var query in unresolved)
            {
                query.ExpireIfOverdue(now);
                ledger.Append(external[query.EncounterId], new QueryUnresolved(query.Id, query.EncounterId, query.DueAt));
            }

            foreach (var (id, decision) in decisions.Where(d => d.Decision.Final is not null))
            {
                var final = decision.Final!;
                var item = work[id];
                item.Finalize(now, final.Version, withoutQueryResponse: true, final.OverrideReason, final.OverrideBy);
                ledger.Append(external[id], new EncounterFinalized(id, final.Version, now, item.ClockStart, CodedWithoutQueryResponse: true, final.OverrideReason, final.OverrideBy));
            }

            return new ExpirySummary(
                unresolved.Count,
                decisions.Count(d => d.Decision.Outcome == ExpiryOutcome.Finalized),
                decisions.Count(d => d.Decision.Outcome == ExpiryOutcome.NothingCoded),
                decisions.Count(d => d.Decision.Outcome is ExpiryOutcome.CodedOnEarlierNote or ExpiryOutcome.HeldByEditErrors or ExpiryOutcome.DocumentationIncomplete));
        }, ct);

    public async Task<IReadOnlyList<QueryView>> ListAsync(string physicianNpi, CancellationToken ct = default)
    {
        if (!Core.Codes.Npi.TryParse(physicianNpi, out var npi, out var npiError))
        {
            throw new DomainException(PhysicianErrors.NpiInvalid, npiError);
        }

        await using var db = store.CreateContext();
        var physician = await db.Physicians.AsNoTracking().Where(p => p.Npi == npi).Select(p => new { p.Id, p.Npi }).FirstOrDefaultAsync(ct)
            ?? throw new DomainException(PhysicianErrors.Unknown, $"no physician with NPI {physicianNpi}");
        var rows = await (from q in db.Set<DocumentationQuery>().AsNoTracking()
                          join e in db.Encounters on q.EncounterId equals e.Id
                          where q.PhysicianId == physician.Id
                          select new { q, e.ExternalId }).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.q.RaisedAt).ThenBy(r => r.q.Id).Select(r => View(r.q, r.ExternalId, physician.Npi.Value))];
    }

    public async Task<QueryView> ListByIdAsync(Guid queryId, CancellationToken ct = default)
    {
        await using var db = store.CreateContext();
        var row = await (from q in db.Set<DocumentationQuery>().AsNoTracking()
                         join e in db.Encounters on q.EncounterId equals e.Id
                         join p in db.Physicians on q.PhysicianId equals p.Id
                         where q.Id == queryId
                         select new { q, e.ExternalId, p.Npi }).FirstOrDefaultAsync(ct)
            ?? throw new DomainException(QueryErrors.Unknown, $"no query {queryId}");
        return View(row.q, row.ExternalId, row.Npi.Value);
    }

    public static QueryView View(DocumentationQuery q, string externalId, string npi) =>
        new(q.Id, externalId, npi, QueryCategories.Name(q.Category), q.Question, q.Choices, Instants.Format(q.RaisedAt), Instants.Format(q.DueAt),
            q.Status.ToString().ToLowerInvariant(), q.Answer, q.ClosedAt is { } c ? Instants.Format(c) : null);
}
