using CodeLedger.Core.Common;
using CodeLedger.Core.Contracts;
using CodeLedger.Core.Organizations;
using CodeLedger.Core.Turnaround;

namespace CodeLedger.Core.Ledger.Replay;

/// <summary>
/// The SLA report computed from the replayed state alone: the same contract choice and the same
/// <see cref="SlaMonthMeasure"/> as `codeledger sla`, fed by the events instead of the tables, so
/// a practice holding an export recomputes the month it was billed for.
/// </summary>
public static class ReplayedSla
{
    public static SlaMonthReport Report(ReplayedState state, string practiceCode, string? vendorCode, string month)
    {
        var slaMonth = SlaMonth.Parse(month);
        var practiceId = Require(state, practiceCode, OrganizationKind.Practice);
        var vendorId = vendorCode is null ? (Guid?)null : Require(state, vendorCode, OrganizationKind.CodingVendor);
        var (contracts, withoutTerms) = state.ContractsOf(practiceId);
        if (withoutTerms.Count > 0)
        {
            throw new DomainException(LedgerErrors.ReplayIncomplete,
                $"the ledger's sla-contract.signed event for contract {withoutTerms[0]:D} of practice {practiceCode} predates the contract terms (working hours, holidays, credit schedule); the SLA report cannot be recomputed from it");
        }

        var contract = SlaContractChoice.Choose(slaMonth.InForce(contracts), vendorId, id => state.OrganizationCode(id) ?? id.ToString("D"), practiceCode, slaMonth);

        // Each encounter's queries, kept only for the contract's work; the work finalized, with the external ids breaches are shown by.
        var work = state.FinalizedWork(contract.PracticeId, contract.VendorId).ToList();
        var external = work.ToDictionary(w => w.Encounter, w => w.ExternalId);
        var queries = new Dictionary<Guid, List<(DateTimeOffset RaisedAt, DateTimeOffset? ClosedAt)>>();
        foreach (var (encounter, raisedAt, closedAt) in state.QueryIntervals())
        {
            if (external.ContainsKey(encounter))
            {
                if (!queries.TryGetValue(encounter, out var list))
                {
                    queries[encounter] = list = [];
                }

                list.Add((raisedAt, closedAt));
            }
        }

        var report = SlaMonthMeasure.ReportAsync(contract, slaMonth, m =>
        {
            var measure = new SlaMonthMeasure(contract, m);
            foreach (var w in work)
            {
                measure.Add(w.Encounter, w.ClockStart, w.FinalizedAt, queries.GetValueOrDefault(w.Encounter));
            }

            return Task.FromResult(measure.Tally);
        }).GetAwaiter().GetResult();

        return report with
        {
            Practice = practiceCode,
            Vendor = state.OrganizationCode(contract.VendorId),
            ContractEffectiveOn = contract.EffectiveOn,
            Breaches = [.. report.Breaches.Select(b => b with { EncounterRef = external.GetValueOrDefault(Guid.Parse(b.EncounterRef), b.EncounterRef) })],
        };
    }

    private static Guid Require(ReplayedState state, string code, OrganizationKind kind) =>
        state.OrganizationId(code) is { } id && state.OrganizationKindOf(code) == kind
            ? id
            : throw new DomainException(OrganizationErrors.Unknown, $"the ledger registers no {(kind == OrganizationKind.Practice ? "practice" : "coding vendor")} with code {code}");
}
