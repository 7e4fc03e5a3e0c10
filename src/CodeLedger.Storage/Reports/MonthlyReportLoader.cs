using CodeLedger.Core.Accounts;
using CodeLedger.Core.Audits;
using CodeLedger.Core.Coding;
using CodeLedger.Core.Common;
using CodeLedger.Core.Contracts;
using CodeLedger.Core.Organizations;
using CodeLedger.Core.Physicians;
using CodeLedger.Core.Queries;
using CodeLedger.Core.Reports;
using CodeLedger.Core.Training;
using CodeLedger.Core.Turnaround;
using CodeLedger.Core.Workflow;
using CodeLedger.Storage.Audits;
using CodeLedger.Storage.CodeSets;
using CodeLedger.Storage.Workflow;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Reports;

/// <summary>A month's input as loaded, with what the package's manifest names besides the figures.</summary>
/// <param name="PracticeName">The practice's display name (an organization, not PHI).</param>
/// <param name="VendorName">The vendor's display name, or "no vendor" when the month has no contract.</param>
public sealed record LoadedMonth(MonthlyInput Input, string PracticeName, string VendorName);

/// <summary>
/// Fills <see cref="MonthlyInput"/> for a practice and month from the tables (docs/REPORTS.md, "How
/// Storage uses this"). Turnaround samples are measured exactly as <see cref="SlaMonthMeasure"/>
/// measures them for `codeledger sla`: the contract's clock from the work item's clock start to
/// finalization, less the time its queries were open when the contract pauses for queries.
/// The tenant boundary: a principal reads the package of its own practice (practice admin) or of a
/// practice its vendor holds the contract with (vendor admin, coding lead); anyone else is told the
/// practice does not exist, so codes of other organizations are not confirmed.
/// </summary>
public sealed class MonthlyReportLoader(CodeLedgerStore store)
{
    /// <summary>Roles that may read a monthly package at all; the organization is checked after.</summary>
    public static readonly IReadOnlySet<UserRole> Readers = new HashSet<UserRole> { UserRole.PracticeAdmin, UserRole.VendorAdmin, UserRole.CodingLead };

    /// <param name="principal">The reader; null for the operator (the database's owner), who reads any practice.</param>
    public async Task<LoadedMonth> LoadAsync(string practiceCode, string? vendorCode, string month, Principal? principal, EmBenchmarkTable? benchmarks = null, CancellationToken ct = default)
    {
        var slaMonth = SlaMonth.Parse(month);
        await using var db = store.CreateContext();
        var practice = await WorkflowLookup.OrganizationAsync(db, practiceCode, OrganizationKind.Practice, ct);
        var named = vendorCode is null ? null : await WorkflowLookup.OrganizationAsync(db, vendorCode, OrganizationKind.CodingVendor, ct);
        var inForce = slaMonth.InForce(await db.SlaContracts.AsNoTracking().Where(c => c.PracticeId == practice.Id).ToListAsync(ct));
        var vendorIds = inForce.Select(c => c.VendorId).Append(named?.Id ?? Guid.Empty).ToList();
        var vendors = await db.Organizations.AsNoTracking().Where(o => vendorIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);

        // A month with no contract in force still has figures (E/M, queries, code sets); turnaround says there is no target.
        SlaContract? contract = inForce.Count == 0 && named is null ? null
            : SlaContractChoice.Choose(inForce, named?.Id, id => vendors[id].Code, practice.Code, slaMonth);
        var vendor = contract is null ? null : vendors[contract.VendorId];

        if (principal is not null && !MayRead(principal, practice, vendor))
        {
            // The same answer as a code that does not exist: another organization's practice is not confirmed.
            throw new DomainException(OrganizationErrors.Unknown, $"no practice with code '{practiceCode}'");
        }

        var zoneId = contract?.TimeZoneId ?? "UTC";
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var from = slaMonth.AddMonths(-12).Window(zone).Start;
        var to = slaMonth.Window(zone).End;

        var physicians = (await db.Physicians.AsNoTracking().Where(p => p.PracticeId == practice.Id).ToListAsync(ct))
            .ToDictionary(p => p.Id, p => new ReportPhysician(p.Npi, p.Name, p.Specialty));

        // The two large reads, one statement each with a data reader (MonthlyRows): at a million
        // encounters, per-chunk EF queries and entity shaping were most of the package's time.
        List<MonthlyWorkRow> work;
        List<MonthlyQueryRow> queryRows;
        var rows = MonthlyRows.Of(db);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            work = await rows.FinalizedWorkAsync(practice.Id, vendor?.Id, from, to, ct);
            queryRows = await rows.QueriesAsync(practice.Id, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        // Every query of the practice's encounters: the turnaround pauses read those of the finalized work, section 3 those raised in the month.
        var workIds = work.Select(w => w.EncounterId).ToHashSet();
        var pauses = queryRows.Where(r => workIds.Contains(r.EncounterId))
            .GroupBy(r => r.EncounterId)
            .ToDictionary(g => g.Key, g => g.Select(r => (r.RaisedAt, r.ClosedAt)).ToList());
        work.Sort((a, b) => a.EncounterId.CompareTo(b.EncounterId));

        var clock = contract is null ? null : new TurnaroundClock(contract);
        var reportEncounters = new List<ReportEncounter>(work.Count);
        foreach (var w in work)
        {
            var finalizedAt = w.FinalizedAt;
            TurnaroundSample? sample = null;
            if (clock is not null)
            {
                var elapsed = contract!.OpenQueryPausesClock && pauses.TryGetValue(w.EncounterId, out var qs)
                    ? clock.Measure(w.ClockStart, finalizedAt, QueryPause.All(qs, finalizedAt))
                    : clock.Measure(w.ClockStart, finalizedAt);
                sample = new TurnaroundSample(w.EncounterId.ToString("D"), w.ClockStart, finalizedAt, elapsed);
            }

            reportEncounters.Add(new ReportEncounter(
                w.EncounterId,
                physicians[w.PhysicianId],
                w.DateOfService,
                DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(finalizedAt, zone).DateTime),
                w.EmCode,
                w.Diagnoses,
                w.Procedures,
                w.CoderId,
                sample));
        }

        var window = slaMonth.Window(zone);
        var queries = queryRows
            .Where(r => r.RaisedAt >= window.Start && r.RaisedAt < window.End && (vendor is null || r.WorkVendorId == vendor.Id))
            .OrderBy(r => r.Id)
            .Select(r => new ReportQuery(r.Id, physicians[r.PhysicianId], r.Category, r.RaisedAt, r.DueAt, r.Status, r.ClosedAt))
            .ToList();

        var coderIds = vendor is null
            ? await db.Coders.AsNoTracking().Select(k => k.Id).ToListAsync(ct)
            : await db.Coders.AsNoTracking().Where(k => k.VendorId == vendor.Id).Select(k => k.Id).ToListAsync(ct);
        var training = (await db.Set<TrainingRecord>().AsNoTracking().Where(t => coderIds.Contains(t.CoderId)).ToListAsync(ct)).OrderBy(t => t.Id).ToList();

        var audit = await AuditOfMonthAsync(db, practice, slaMonth, ct);
        var codeSets = await CodeSetCatalog.LoadLibraryAsync(store, null, ct);

        var input = new MonthlyInput(practice.Code, vendor?.Code, slaMonth, zoneId, contract, reportEncounters, queries, codeSets, training, audit,
            benchmarks ?? EmBenchmarkTable.Default, Pricing: null,
            AdditionalCommitments: null);
        return new LoadedMonth(input, practice.Name, vendor?.Name ?? "no vendor");
    }

    /// <summary>The latest audit of the practice whose period ends in the month (docs/REPORTS.md), with the audit desk's own report.</summary>
    private async Task<AuditReport?> AuditOfMonthAsync(CodeLedgerDbContext db, Organization practice, SlaMonth month, CancellationToken ct)
    {
        var (first, last) = (month.First, month.Last);
        var row = (await db.Set<AuditEngagementRow>().AsNoTracking().Where(a => a.PracticeId == practice.Id && a.ToDate >= first && a.ToDate <= last).ToListAsync(ct))
            .OrderByDescending(a => a.ToDate).ThenByDescending(a => a.CreatedAt).FirstOrDefault();
        return row is null ? null : await new AuditDesk(store).ReportAsync(row.Id.ToString("D"), null, ct);
    }

    private static bool MayRead(Principal principal, Organization practice, Organization? vendor) => principal.Role switch
    {
        UserRole.PracticeAdmin => principal.OrganizationId == practice.Id,
        UserRole.VendorAdmin or UserRole.CodingLead => vendor is not null && principal.OrganizationId == vendor.Id,
        _ => false,
    };
}
