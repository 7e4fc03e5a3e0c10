using CodeLedger.Core.Accounts;
using CodeLedger.Core.Coding;
using CodeLedger.Core.Common;
using CodeLedger.Core.Contracts;
using CodeLedger.Core.Intake;
using CodeLedger.Core.Ledger.Events;
using CodeLedger.Core.Queries;
using CodeLedger.Core.Tenancy;
using CodeLedger.Core.Workflow;
using CodeLedger.Storage.Ledger;
using CodeLedger.Storage.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Workflow;

/// <summary>
/// The query desk for a signed-in person, within their tenant (<see cref="AccessPolicy"/>). A query
/// outside it is "no query" exactly like a missing one. Its text is PHI (it quotes the chart), so
/// every query shown to a person is a <c>phi.read</c> naming the query, the user, role and organization.
/// </summary>
public sealed partial class QueryDesk
{
    /// <summary>A coder or lead raises a query on an encounter they may code (assigned coder, or a lead of its vendor).</summary>
    public Task<DocumentationQuery> RaiseAsync(string encounterRef, Principal principal, QueryCategory category, string question, IReadOnlyList<string> choices, CancellationToken ct = default) =>
        store.WriteAsync(principal, async (db, ledger) =>
        {
            var now = Instants.Now(store.Time);
            var encounter = await WorkflowLookup.EncounterAsync(db, encounterRef, ct);
            var work = await db.Set<WorkItem>().SingleAsync(w => w.EncounterId == encounter.Id, ct);
            var facts = new EncounterFacts(encounter.Id, encounter.PracticeId, encounter.PhysicianId, work.VendorId);
            if (AccessPolicy.Refusal(principal, EncounterAction.RaiseQuery, db.Tenant, facts, work.CoderId) is { } refusal)
            {
                throw EncounterAccess.Refused(EncounterAction.RaiseQuery, refusal, principal.UserName, refusal == AccessRefusal.OutsideTenant ? encounterRef.Trim() : encounter.ExternalId);
            }

            if (work.IsFinalized)
            {
                throw new DomainException(CodingErrors.AlreadyFinal, $"encounter {encounter.ExternalId} is already final");
            }

            var contract = await WorkflowLookup.ContractAsync(db, encounter.PracticeId, work.VendorId, DateOnly.FromDateTime(now.UtcDateTime), ct)
                ?? throw new DomainException(ContractErrors.NoContract, "no SLA contract is in force between the practice and the vendor: the query response window is unknown");
            var query = new DocumentationQuery(_newId(), encounter.Id, encounter.PhysicianId, principal.CoderId!.Value, category, question, choices, now, contract.QueryResponseWindowHours);
            db.Add(query);
            work.MarkInCoding();
            var npi = await db.Physicians.Where(p => p.Id == encounter.PhysicianId).Select(p => p.Npi).SingleAsync(ct);
            ledger.Append(encounter.ExternalId, new QueryRaised(query.Id, encounter.Id, npi.Value, QueryCategories.Name(category), principal.UserName,
                null, db.Phi.LedgerHash.Of(query.Question), query.Choices.Count, query.RaisedAt, query.DueAt));
            return query;
        }, ct);

    /// <summary>Only the physician a query is addressed to answers it; a query they do not reach is "no query".</summary>
    public Task<DocumentationQuery> AnswerAsync(Guid queryId, string answer, Principal principal, CancellationToken ct = default) =>
        store.WriteAsync(principal, async (db, ledger) =>
        {
            var now = Instants.Now(store.Time);
            var query = await db.Set<DocumentationQuery>().FirstOrDefaultAsync(q => q.Id == queryId, ct) ?? throw NoQuery(queryId);
            var encounter = await db.Encounters.AsNoTracking().SingleAsync(e => e.Id == query.EncounterId, ct);
            var work = await db.Set<WorkItem>().AsNoTracking().SingleAsync(w => w.EncounterId == encounter.Id, ct);
            var facts = new EncounterFacts(encounter.Id, encounter.PracticeId, encounter.PhysicianId, work.VendorId);
            switch (AccessPolicy.AnswerRefusal(principal, db.Tenant, facts, query.PhysicianId))
            {
                case AccessRefusal.OutsideTenant:
                    throw NoQuery(queryId);
                case { }:
                    throw new DomainException(TenancyErrors.RoleRefused, $"only the physician query {queryId} is addressed to may answer it; {principal.UserName} may not");
            }

            query.Respond(answer, now);
            ledger.Append(encounter.ExternalId, new QueryAnswered(query.Id, query.EncounterId, null, db.Phi.LedgerHash.Of(query.Answer!), now, query.DueAt));
            return query;
        }, ct);

    /// <summary>
    /// The queries the person may list (a physician: those addressed to them; vendor staff: those on
    /// encounters they may read; an auditor: those on granted encounters; a practice admin: every
    /// query of their practice, state only), oldest first. Each query whose text is shown is a
    /// <c>phi.read</c>; a practice admin's state-only rows read no PHI and record none.
    /// </summary>
    public Task<IReadOnlyList<QueryView>> ListAsync(Principal principal, CancellationToken ct = default) =>
        store.WriteAsync<IReadOnlyList<QueryView>>(principal, async (db, ledger) =>
            await ShowAsync(db, ledger, principal, [.. (await db.Set<DocumentationQuery>().AsNoTracking().ToListAsync(ct)).OrderBy(q => q.RaisedAt).ThenBy(q => q.Id)],
                ledgerRefusals: false, ct), ct);

    /// <summary>
    /// One page of the queries <see cref="ListAsync(Principal, CancellationToken)"/> lists, in due
    /// order (<see cref="QueryPaging"/>), optionally one physician's. Only the page's queries are
    /// loaded, decrypted and ledgered, so a call costs the page, not the physician's whole queue.
    /// A physician the person does not reach is PHYSICIAN-UNKNOWN, exactly like an NPI that is not
    /// enrolled anywhere, so listing does not tell who is enrolled at another practice. A page may
    /// hold fewer than the limit and still have a next one: a query the person's role does not see
    /// (a coder's colleague's encounter) takes its place in the order and is left out.
    /// </summary>
    public Task<QueryListPage> ListAsync(Principal principal, Core.Codes.Npi? physicianNpi, QueryPaging paging, CancellationToken ct = default) =>
        store.WriteAsync(principal, async (db, ledger) =>
        {
            var queries = db.Set<DocumentationQuery>().AsNoTracking();
            if (physicianNpi is { } npi)
            {
                var candidates = await db.Physicians.AsNoTracking().Where(p => p.Npi == npi).Select(p => new { p.Id, p.PracticeId }).ToListAsync(ct);
                var physician = candidates.FirstOrDefault(p => db.Tenant.ReachesPhysician(p.Id, p.PracticeId))
                    ?? throw new DomainException(Core.Physicians.PhysicianErrors.Unknown, "no physician with that NPI among those you reach");
                queries = queries.Where(q => q.PhysicianId == physician.Id);
            }

            // The order needs only ids, due instants and statuses: nothing is decrypted to page.
            var keys = await queries.Select(q => new { q.Id, q.DueAt, q.Status }).ToListAsync(ct);
            var page = paging.Select(keys.Select(k => new QueryKey(k.Id, k.DueAt, k.Status)));
            var ids = page.Ids.ToList();
            var rows = await db.Set<DocumentationQuery>().AsNoTracking().Where(q => ids.Contains(q.Id)).ToDictionaryAsync(q => q.Id, ct);
            var shown = await ShowAsync(db, ledger, principal, [.. ids.Select(id => rows[id])], ledgerRefusals: false, ct);
            return new QueryListPage(shown, page.Next?.ToString());
        }, ct);

    /// <summary>One query, read as <see cref="ListAsync(Principal, CancellationToken)"/> reads it; "no query" when outside the person's tenant.</summary>
    public async Task<QueryView> GetAsync(Guid queryId, Principal principal, CancellationToken ct = default)
    {
        var (view, refusal) = await store.WriteAsync<(QueryView?, DomainException?)>(principal, async (db, ledger) =>
        {
            var query = await db.Set<DocumentationQuery>().AsNoTracking().FirstOrDefaultAsync(q => q.Id == queryId, ct) ?? throw NoQuery(queryId);
            var shown = await ShowAsync(db, ledger, principal, [query], ledgerRefusals: true, ct);
            return shown.Count == 1
                ? (shown[0], null)
                : (null, new DomainException(TenancyErrors.RoleRefused, $"{principal.UserName} reaches query {queryId} but their role may not read its text"));
        }, ct);
        return refusal is null ? view! : throw refusal;
    }

    private static DomainException NoQuery(Guid queryId) => new(QueryErrors.Unknown, $"no query {queryId}");

    /// <summary>
    /// The views of the queries whose text the principal may read, each read ledgered. A query asked
    /// for by id and refused is a ledgered refusal; a list leaves out what it may not show (nothing was asked of it).
    /// </summary>
    private static async Task<IReadOnlyList<QueryView>> ShowAsync(CodeLedgerDbContext db, LedgerAppender ledger, Principal principal, IReadOnlyList<DocumentationQuery> queries,
        bool ledgerRefusals, CancellationToken ct)
    {
        var encounterIds = queries.Select(q => q.EncounterId).Distinct().ToList();
        var encounters = await db.Encounters.AsNoTracking().Where(e => encounterIds.Contains(e.Id))
            .Select(e => new { e.Id, e.ExternalId, e.PracticeId, e.PhysicianId }).ToDictionaryAsync(e => e.Id, ct);
        var work = await db.Set<WorkItem>().AsNoTracking().Where(w => encounterIds.Contains(w.EncounterId)).ToDictionaryAsync(w => w.EncounterId, ct);
        var physicianIds = queries.Select(q => q.PhysicianId).Distinct().ToList();
        var npis = await db.Physicians.AsNoTracking().Where(p => physicianIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Npi.Value, ct);

        var shown = new List<QueryView>();
        foreach (var q in queries)
        {
            var e = encounters[q.EncounterId];
            var w = work[q.EncounterId];
            var facts = new EncounterFacts(e.Id, e.PracticeId, e.PhysicianId, w.VendorId);
            if (AccessPolicy.QueryTextRefusal(principal, db.Tenant, facts, q.PhysicianId, w.CoderId) is { } refusal)
            {
                if (ledgerRefusals)
                {
                    ledger.Append(e.ExternalId, new PhiReadRefused(e.Id, principal.UserName, EncounterAccess.LedgerReason(refusal), principal.Role.Name(), principal.OrganizationId));
                }
                else if (AccessPolicy.QuerySight(principal, db.Tenant, facts, q.PhysicianId, w.CoderId) == QuerySight.StateOnly)
                {
                    // Listed without its text: no PHI is read, so nothing is ledgered.
                    shown.Add(StateView(q, e.ExternalId, npis[q.PhysicianId]));
                }

                continue;
            }

            // A query's text is read, not the note: the event names the query and no note hash.
            ledger.Append(e.ExternalId, new PhiRead(e.Id, principal.UserName, ["query"], w.DocumentationVersion, null, null,
                principal.Role.Name(), principal.OrganizationId, q.Id));
            shown.Add(View(q, e.ExternalId, npis[q.PhysicianId]));
        }

        return shown;
    }

    /// <summary>A query's state without its question, choices or answer (PHI), for a role that follows queries but reads no chart.</summary>
    private static QueryView StateView(DocumentationQuery q, string externalId, string npi) =>
        new(q.Id, externalId, npi, QueryCategories.Name(q.Category), null, [], Instants.Format(q.RaisedAt), Instants.Format(q.DueAt),
            q.Status.ToString().ToLowerInvariant(), null, q.ClosedAt is { } c ? Instants.Format(c) : null);
}

/// <summary>One page of a query list, and the cursor of the next page (null on the last).</summary>
public sealed record QueryListPage(IReadOnlyList<QueryView> Queries, string? Next);
