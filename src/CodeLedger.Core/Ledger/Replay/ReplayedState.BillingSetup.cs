using CodeLedger.Core.Ledger.Events;

namespace CodeLedger.Core.Ledger.Replay;

/// <summary>
/// The billing setup replayed (docs/SETUP.md "Billing", docs/INTAKE.md "Coverage"): each practice's
/// payers from <c>payer.registered</c> and <c>payer.updated</c>, its billing profile from
/// <c>billing-profile.set</c>, and each encounter's coverage versions from <c>coverage.recorded</c>
/// (payer code in clear, policy and address by keyed hash), written as the same row text as
/// <c>Storage/Billing/BillingSetupStoredRows</c> writes the stored tables.
/// </summary>
public sealed partial class ReplayedState
{
    private readonly Dictionary<Guid, (PayerUpdated Payer, long Sequence)> _payers = [];
    private readonly HashSet<(string Practice, string Code)> _payerCodes = [];
    private readonly Dictionary<Guid, (BillingProfileSet Profile, long Sequence)> _billingProfiles = [];
    private readonly Dictionary<(Guid Encounter, int Version), (CoverageRecorded Coverage, long Sequence)> _coverages = [];

    private void ApplyBillingSetup(LedgerEntry entry, ILedgerEvent payload)
    {
        switch (payload)
        {
            case PayerRegistered e:
                if (Organization(entry, e.Practice) is null)
                {
                    return;
                }

                if (_payers.ContainsKey(e.Id) || !_payerCodes.Add((e.Practice, e.Code)))
                {
                    Contradict(entry, $"payer {e.Code} of {e.Practice} was already registered");
                    return;
                }

                _payers[e.Id] = (new PayerUpdated(e.Id, e.Practice, e.Code, e.Name, e.PayerId, e.ClaimFilingIndicator, e.ReceiverQualifier, e.ReceiverId,
                    e.ReceiverGroupCode, true, []), entry.Sequence);
                break;
            case PayerUpdated e:
                if (!_payers.TryGetValue(e.Id, out var payer) || payer.Payer.Practice != e.Practice || payer.Payer.Code != e.Code)
                {
                    Contradict(entry, $"payer {e.Code} was never registered at {e.Practice}");
                    return;
                }

                _payers[e.Id] = (e, entry.Sequence);
                break;
            case BillingProfileSet e:
                if (Organization(entry, e.Practice) is not { } practice)
                {
                    return;
                }

                _billingProfiles[practice] = (e, entry.Sequence);
                break;
            case CoverageRecorded e:
                if (Encounter(entry, e.Encounter) is null)
                {
                    return;
                }

                // Versions are numbered from 1 without gaps: a version is recorded once, after the one before it.
                if (_coverages.ContainsKey((e.Encounter, e.Version)) || (e.Version > 1 && !_coverages.ContainsKey((e.Encounter, e.Version - 1))) || e.Version < 1)
                {
                    Contradict(entry, $"coverage version {e.Version} of encounter {entry.Subject} does not follow the versions recorded before it");
                    return;
                }

                _coverages[(e.Encounter, e.Version)] = (e, entry.Sequence);
                break;
        }
    }

    private void AddBillingSetupRows(StateRows rows, Func<string, bool> want)
    {
        if (want(StateTables.Payers))
        {
            foreach (var (id, (p, seq)) in _payers)
            {
                rows.Add(StateTables.Payers, StateRows.Text(id), $"payer {p.Code} of {p.Practice}", seq)
                    .Set("practice", p.Practice).Set("code", p.Code).Set("name", p.Name).Set("payer_id", p.PayerId)
                    .Set("claim_filing_indicator", p.ClaimFilingIndicator)
                    .Set("receiver", StateTables.Receiver(p.ReceiverQualifier, p.ReceiverId, p.ReceiverGroupCode)).Set("active", StateRows.Text(p.Active));
            }
        }

        if (want(StateTables.BillingProfiles))
        {
            foreach (var (practice, (b, seq)) in _billingProfiles)
            {
                rows.Add(StateTables.BillingProfiles, StateRows.Text(practice), $"billing profile of {b.Practice}", seq)
                    .Set("npi", b.Npi).Set("ein", b.Ein)
                    .Set("address", StateTables.Address(b.AddressLine1, b.AddressLine2, b.City, b.State, b.PostalCode))
                    .Set("submitter", StateTables.Submitter(b.SubmitterEtin, b.SubmitterName, b.ContactName, b.ContactPhone))
                    .Set("production", StateRows.Text(b.Production));
            }
        }

        if (want(StateTables.EncounterCoverages))
        {
            foreach (var ((encounter, version), (c, seq)) in _coverages)
            {
                var external = _encounters.TryGetValue(encounter, out var e) ? e.ExternalId : StateRows.Text(encounter);
                rows.Add(StateTables.EncounterCoverages, StateTables.VersionKey(encounter, version), $"encounter {external} coverage version {version}", seq)
                    .Set("payer_code", c.PayerCode).Set("policy_hash", c.PolicyHash).Set("address_hash", c.AddressHash);
            }
        }
    }
}
