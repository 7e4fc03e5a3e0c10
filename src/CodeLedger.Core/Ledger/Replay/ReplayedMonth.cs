using CodeLedger.Core.Audits;
using CodeLedger.Core.Codes;
using CodeLedger.Core.CodeSets;
using CodeLedger.Core.Common;
using CodeLedger.Core.Contracts;
using CodeLedger.Core.Organizations;
using CodeLedger.Core.Reports;
using CodeLedger.Core.Turnaround;

namespace CodeLedger.Core.Ledger.Replay;

/// <summary>A month's input rebuilt from the ledger, with the names the package's document shows.</summary>
public sealed record ReplayedMonthInput(MonthlyInput Input, string PracticeName, string VendorName);

/// <summary>
/// The monthly package's input (<see cref="MonthlyInput"/>) built from the replayed state alone, as
/// Storage's <c>MonthlyReportLoader</c> builds it from the tables (docs/PACKAGE.md, "verify"): the
/// same contract choice, the same thirteen months of finalized work in the contract's zone, the same
/// turnaround samples (<see cref="TurnaroundClock"/> less the open queries when the contract pauses),
/// the queries raised in the month, the vendor's coders' training, the code-set releases and the
/// latest audit ending in the month. <see cref="MonthlyReport.Build"/> then computes the figures,
/// one calculation for both paths, so `report verify` and `ledger replay --report monthly` recompute
/// a package from an export with no database.
/// </summary>
public static class ReplayedMonth
{
    /// <param name="codeSets">The releases' entries: the ledger names releases by SHA-256 and header
    /// (<see cref="ReplayedState.CodeSetReleases"/>), the caller loads them (from the database, from
    /// the files given, or the starter set built in).</param>
    public static ReplayedMonthInput Input(ReplayedState state, string practiceCode, string? vendorCode, string month, CodeSetLibrary codeSets,
        EmBenchmarkTable? benchmarks = null, IAuditPricing? pricing = null)
    {
        var slaMonth = SlaMonth.Parse(month);
        var practiceId = Require(state, practiceCode, OrganizationKind.Practice);
        var namedId = vendorCode is null ? (Guid?)null : Require(state, vendorCode, OrganizationKind.CodingVendor);
        var (contracts, withoutTerms) = state.ContractsOf(practiceId);
        var inForce = slaMonth.InForce(contracts);
        if (withoutTerms.Count > 0)
        {
            throw new DomainException(LedgerErrors.ReplayIncomplete,
                $"the ledger's sla-contract.signed event for contract {withoutTerms[0]:D} of practice {practiceCode} predates the contract terms (working hours, holidays, credit schedule); the monthly figures cannot be recomputed from it (`db migrate` records them)");
        }

        // A month with no contract in force still has figures (E/M, queries, code sets); turnaround says there is no target.
        SlaContract? contract = inForce.Count == 0 && namedId is null ? null
            : SlaContractChoice.Choose(inForce, namedId, id => state.OrganizationCode(id) ?? id.ToString("D"), practiceCode, slaMonth);
        var vendor = contract is null ? null : state.OrganizationCode(contract.VendorId);
        var vendorId = contract?.VendorId;

        var zoneId = contract?.TimeZoneId ?? "UTC";
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var from = slaMonth.AddMonths(-12).Window(zone).Start;
        var to = slaMonth.Window(zone).End;

        var physicians = state.PhysiciansOf(practiceCode)
            .ToDictionary(p => p.Npi, p => new ReportPhysician(Npi.Parse(p.Npi), p.Name, Specialty.TryParse(p.Specialty, out var s, out _) ? s : null), StringComparer.Ordinal);

        var work = state.FinalizedWorkOf(practiceId, vendorId).Where(w => w.FinalizedAt >= from && w.FinalizedAt < to).ToList();
        var workIds = work.Select(w => w.Encounter).ToHashSet();
        var practiceEncounters = state.EncountersOf(practiceId, null).ToDictionary(e => e.Encounter, e => e.PhysicianNpi);
        var vendorEncounters = vendorId is null ? null : state.EncountersOf(practiceId, vendorId).Select(e => e.Encounter).ToHashSet();
        var queries = state.Queries().Where(q => practiceEncounters.ContainsKey(q.Encounter)).ToList();
        var pauses = queries.Where(q => workIds.Contains(q.Encounter))
            .GroupBy(q => q.Encounter)
            .ToDictionary(g => g.Key, g => g.Select(q => (q.RaisedAt, q.ClosedAt)).ToList());

        var clock = contract is null ? null : new TurnaroundClock(contract);
        var encounters = new List<ReportEncounter>();
        foreach (var w in work.OrderBy(w => w.Encounter))
        {
            TurnaroundSample? sample = null;
            if (clock is not null)
            {
                var elapsed = contract!.OpenQueryPausesClock && pauses.TryGetValue(w.Encounter, out var qs)
                    ? clock.Measure(w.ClockStart, w.FinalizedAt, QueryPause.All(qs, w.FinalizedAt))
                    : clock.Measure(w.ClockStart, w.FinalizedAt);
                sample = new TurnaroundSample(w.Encounter.ToString("D"), w.ClockStart, w.FinalizedAt, elapsed);
            }

            encounters.Add(new ReportEncounter(
                w.Encounter,
                Physician(physicians, w.PhysicianNpi, practiceCode),
                w.DateOfService,
                DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(w.FinalizedAt, zone).DateTime),
                w.Procedures.FirstOrDefault(p => EmLevels.Classify(p) is not null),
                w.Diagnoses,
                w.Procedures,
                w.CodingCoderId ?? w.AssignedCoderId,
                sample));
        }

        var window = slaMonth.Window(zone);
        var monthQueries = queries
            .Where(q => q.RaisedAt >= window.Start && q.RaisedAt < window.End && (vendorEncounters is null || vendorEncounters.Contains(q.Encounter)))
            .OrderBy(q => q.Query)
            .Select(q => new ReportQuery(q.Query, Physician(physicians, practiceEncounters[q.Encounter], practiceCode), q.Category, q.RaisedAt, q.DueAt, q.Status, q.ClosedAt))
            .ToList();

        var training = state.TrainingOf(vendor).OrderBy(t => t.Id).ToList();
        var audit = state.AuditEndingIn(practiceCode, slaMonth.First, slaMonth.Last) is { } auditId ? state.AuditReport(auditId) : null;

        var input = new MonthlyInput(practiceCode, vendor, slaMonth, zoneId, contract, encounters, monthQueries, codeSets, training, audit,
            benchmarks ?? EmBenchmarkTable.Default, pricing, Denials: MonthlyDenials.Billed(state.DenialReport(practiceCode, slaMonth)));
        return new ReplayedMonthInput(input, state.OrganizationName(practiceCode) ?? practiceCode, vendor is null ? "no vendor" : state.OrganizationName(vendor) ?? vendor);
    }

    /// <summary>
    /// The releases the ledger names, each loaded on first use by what <paramref name="find"/> returns
    /// for it (null when its file is not at hand): the library the figures read, and the releases
    /// left out, which the caller names. Only releases the ledger imported count, so a release
    /// imported after the package's range is not read.
    /// </summary>
    public static (CodeSetLibrary Library, IReadOnlyList<CodeSetReleaseInfo> Missing) CodeSets(ReplayedState state, Func<CodeSetReleaseInfo, Func<CodeSetRelease>?> find)
    {
        var loaders = new Dictionary<CodeSetReleaseInfo, Func<CodeSetRelease>>();
        var missing = new List<CodeSetReleaseInfo>();
        foreach (var info in state.CodeSetReleases())
        {
            if (find(info) is { } load)
            {
                loaders[info] = load;
            }
            else
            {
                missing.Add(info);
            }
        }

        return (new CodeSetLibrary(loaders.Keys, info => loaders[info]()), missing);
    }

    private static ReportPhysician Physician(Dictionary<string, ReportPhysician> physicians, string npi, string practiceCode) =>
        physicians.TryGetValue(npi, out var p)
            ? p
            : throw new DomainException(LedgerErrors.ReplayIncomplete, $"the ledger receives an encounter for physician {npi}, whom it never enrolled at practice {practiceCode}");

    private static Guid Require(ReplayedState state, string code, OrganizationKind kind) =>
        state.OrganizationId(code) is { } id && state.OrganizationKindOf(code) == kind
            ? id
            : throw new DomainException(OrganizationErrors.Unknown, $"the ledger registers no {(kind == OrganizationKind.Practice ? "practice" : "coding vendor")} with code {code}");
}
