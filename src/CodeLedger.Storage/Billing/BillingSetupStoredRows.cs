using CodeLedger.Core.Intake;
using CodeLedger.Core.Ledger.Replay;
using CodeLedger.Storage.Protection;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Billing;

/// <summary>
/// Payers, billing profiles and encounter coverages as <see cref="StateRows"/> for <c>ledger verify</c>,
/// written exactly as <c>ReplayedState.BillingSetup.cs</c> writes the replayed rows. A coverage's policy
/// and address are read decrypted and compared by their keyed hashes, never by content.
/// </summary>
internal static class BillingSetupStoredRows
{
    public static async Task ReadAsync(CodeLedgerDbContext db, IStateRowSink rows, Func<Guid, string> code, Func<Guid, string> external, PhiLedgerHash hash, CancellationToken ct)
    {
        foreach (var p in await db.Set<PayerRow>().IgnoreQueryFilters().AsNoTracking().ToListAsync(ct))
        {
            rows.Add(StateTables.Payers, StateRows.Text(p.Id), $"payer {p.Code} of {code(p.PracticeId)}", 0)
                .Set("practice", code(p.PracticeId)).Set("code", p.Code).Set("name", p.Name).Set("payer_id", p.PayerId)
                .Set("claim_filing_indicator", p.ClaimFilingIndicator)
                .Set("receiver", StateTables.Receiver(p.InterchangeQualifier, p.InterchangeId, p.GroupReceiverCode)).Set("active", StateRows.Text(p.Active));
        }

        foreach (var b in await db.Set<BillingProfileRow>().IgnoreQueryFilters().AsNoTracking().ToListAsync(ct))
        {
            rows.Add(StateTables.BillingProfiles, StateRows.Text(b.PracticeId), $"billing profile of {code(b.PracticeId)}", 0)
                .Set("npi", b.Npi).Set("ein", b.Ein)
                .Set("address", StateTables.Address(b.AddressLine1, b.AddressLine2, b.City, b.State, b.PostalCode))
                .Set("submitter", StateTables.Submitter(b.SubmitterEtin, b.SubmitterName, b.ContactName, b.ContactPhone))
                .Set("production", StateRows.Text(b.Production));
        }

        await foreach (var c in db.Set<EncounterCoverageRow>().IgnoreQueryFilters().AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            rows.Add(StateTables.EncounterCoverages, StateTables.VersionKey(c.EncounterId, c.Version), $"encounter {external(c.EncounterId)} coverage version {c.Version}", 0)
                .Set("payer_code", c.PayerCode).Set("policy_hash", hash.Of(CoverageText.Policy(c.Policy)))
                .Set("address_hash", c.PatientAddress is { } a ? hash.Of(CoverageText.Address(a)) : null);
        }
    }
}
