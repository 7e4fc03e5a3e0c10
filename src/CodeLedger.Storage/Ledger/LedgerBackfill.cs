using CodeLedger.Core.Intake;
using CodeLedger.Core.Ledger;
using CodeLedger.Core.Ledger.Events;
using CodeLedger.Core.Ledger.Replay;
using CodeLedger.Core.Queries;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Ledger;

/// <summary>
/// Appends, once, the facts replay needs that events written by earlier builds did not carry: today
/// the terms of contracts signed before <see cref="SlaContractSigned"/> held them, and the keyed
/// hashes of PHI texts that older events carried only as plain SHA-256 (<see cref="PhiHashesRecorded"/>,
/// one per encounter, computed with the database's PHI key from the stored values). Old events are
/// never edited; each missing fact becomes a new event. Run by `codeledger db migrate`; a second run
/// appends nothing (docs/LEDGER.md, "Replay", older databases).
/// </summary>
public sealed class LedgerBackfill(CodeLedgerStore store)
{
    public const string Actor = "ledger-backfill";

    /// <summary>Appends the missing events and returns how many.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default) => await ContractTermsAsync(ct) + await PhiHashesAsync(ct);

    private Task<int> ContractTermsAsync(CancellationToken ct) =>
        store.WriteAsync(Actor, async (db, ledger) =>
        {
            // Everything is derived from what this attempt reads: a retried write recomputes it.
            var signedTypes = new[] { SlaContractSigned.Type, SlaContractTermsRecorded.Type };
            var events = await db.LedgerEvents.AsNoTracking().Where(e => signedTypes.Contains(e.Type))
                .OrderBy(e => e.Sequence).Select(e => new { e.Type, e.Payload }).ToListAsync(ct);
            var missing = new HashSet<Guid>();
            foreach (var e in events)
            {
                switch (LedgerEvents.Read(e.Type, e.Payload))
                {
                    case SlaContractSigned signed when !signed.HasFullTerms():
                        missing.Add(signed.Id);
                        break;
                    case SlaContractTermsRecorded recorded:
                        missing.Remove(recorded.Contract);
                        break;
                }
            }

            if (missing.Count == 0)
            {
                return 0;
            }

            var contracts = await db.SlaContracts.AsNoTracking().Where(c => missing.Contains(c.Id)).OrderBy(c => c.EffectiveOn).ThenBy(c => c.Id).ToListAsync(ct);
            var codes = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Code, ct);
            foreach (var contract in contracts)
            {
                ledger.Append(codes[contract.PracticeId], SlaContractTermsRecorded.Of(contract));
            }

            return contracts.Count;
        }, ct);

    /// <summary>
    /// The keyed hashes replay needs where older events carry a plain SHA-256 (or, for demographics,
    /// nothing): what is missing is what the replayed ledger lacks (<see cref="ReplayedState.MissingPhiHashes"/>),
    /// so the backfill and the verification agree on it; the values are the stored texts, decrypted and
    /// hashed. Like the contract terms, it attests the texts as stored when it runs.
    /// </summary>
    private Task<int> PhiHashesAsync(CancellationToken ct) =>
        store.WriteAsync(Actor, async (db, ledger) =>
        {
            var state = new ReplayedState();
            await foreach (var e in db.LedgerEvents.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
            {
                state.Apply(new LedgerEntry(e.Sequence, e.Instant, e.Actor, e.Type, e.Subject, e.Payload, e.PreviousHash, e.Hash));
            }

            var missing = state.MissingPhiHashes().ToDictionary(m => m.Encounter);
            if (missing.Count == 0)
            {
                return 0;
            }

            var hash = db.Phi.LedgerHash;
            var demographics = new Dictionary<Guid, string>();
            await foreach (var e in db.Encounters.AsNoTracking().Select(e => new { e.Id, e.Patient }).AsAsyncEnumerable().WithCancellation(ct))
            {
                if (missing.TryGetValue(e.Id, out var m) && m.Demographics)
                {
                    demographics[e.Id] = hash.Of(e.Patient);
                }
            }

            var versions = new Dictionary<(Guid, int), string>();
            await foreach (var v in db.Set<DocumentationVersion>().AsNoTracking().Select(v => new { v.EncounterId, v.Version, v.Text }).AsAsyncEnumerable().WithCancellation(ct))
            {
                if (missing.TryGetValue(v.EncounterId, out var m) && m.Versions.Contains(v.Version))
                {
                    versions[(v.EncounterId, v.Version)] = hash.Of(v.Text);
                }
            }

            var queries = new Dictionary<Guid, (string Question, string? Answer)>();
            await foreach (var q in db.Set<DocumentationQuery>().AsNoTracking().Select(q => new { q.Id, q.EncounterId, q.Question, q.Answer }).AsAsyncEnumerable().WithCancellation(ct))
            {
                if (missing.ContainsKey(q.EncounterId))
                {
                    queries[q.Id] = (hash.Of(q.Question), q.Answer is null ? null : hash.Of(q.Answer));
                }
            }

            // Rows the tables no longer hold are left missing: replay names them as divergences anyway.
            var appended = 0;
            foreach (var m in missing.Values.OrderBy(m => m.ExternalId, StringComparer.Ordinal).ThenBy(m => m.Encounter))
            {
                var recorded = new PhiHashesRecorded(
                    m.Encounter,
                    [.. m.Versions.Order().Where(v => versions.ContainsKey((m.Encounter, v))).Select(v => new DocumentationHashRecord(v, versions[(m.Encounter, v)]))],
                    m.Demographics ? demographics.GetValueOrDefault(m.Encounter) : null,
                    [.. m.Queries.Where(q => queries.ContainsKey(q.Query))
                        .Select(q => new QueryHashRecord(q.Query, q.Question ? queries[q.Query].Question : null, q.Answer ? queries[q.Query].Answer : null))
                        .Where(q => q.QuestionHash is not null || q.AnswerHash is not null)]);
                if (recorded.Documentation.Count > 0 || recorded.DemographicsHash is not null || recorded.Queries.Count > 0)
                {
                    ledger.Append(m.ExternalId, recorded);
                    appended++;
                }
            }

            return appended;
        }, ct);
}
