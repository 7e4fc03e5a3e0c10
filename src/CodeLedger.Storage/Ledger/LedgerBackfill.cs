using CodeLedger.Core.Ledger.Events;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Ledger;

/// <summary>
/// Appends, once, the facts replay needs that events written by earlier builds did not carry: today
/// the terms of contracts signed before <see cref="SlaContractSigned"/> held them. Old events are
/// never edited; each missing fact becomes a new event. Run by `codeledger db migrate`; a second run
/// appends nothing (docs/LEDGER.md, "Replay", older databases).
/// </summary>
public sealed class LedgerBackfill(CodeLedgerStore store)
{
    public const string Actor = "ledger-backfill";

    /// <summary>Appends the missing events and returns how many.</summary>
    public Task<int> RunAsync(CancellationToken ct = default) =>
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
}
