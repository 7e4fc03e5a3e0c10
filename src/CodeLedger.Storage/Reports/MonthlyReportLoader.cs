using CodeLedger.Core.Denials;
using CodeLedger.Core.Accounts;
using CodeLedger.Core.Audits;
using CodeLedger.Core.CodeSets;
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
using CodeLedger.Storage.Tenancy;
using CodeLedger.Core.Tenancy;
using CodeLedger.Storage.Workflow;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Reports;

/// <summary>A practice whose packages a reader may open, and the months with finalized encounters, newest first.</summary>
public sealed record ReportPractice(string Code, string Name, IReadOnlyList<string> Months);

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
    /// <summary>The SQLite page cache for the two large reads, in KiB: 64 MiB.</summary>
    private const int LargeReadCacheKiB = 64 * 1024;

    /// <summary>Roles that may read a monthly package at all; the organization is checked after.</summary>
    public static readonly IReadOnlySet<UserRole> Readers = new HashSet<UserRole> { UserRole.PracticeAdmin, UserRole.VendorAdmin, UserRole.CodingLead };

    /// <param name="principal">The reader; null for the operator (the database's owner), who reads any practice.</param>
    /// <param name="onAuthorized">Called once the reader's access and the month's contract are checked, before the large reads: work the caller runs beside them (the package's checkpoint) starts there, and never for a reader refused.</param>
    public async Task<LoadedMonth> LoadAsync(string practiceCode, string? vendorCode, string month, Principal? principal, EmBenchmarkTable? benchmarks = null, Action? onAuthorized = null, CancellationToken ct = default)
    {
        var slaMonth = SlaMonth.Parse(month);

        // The code-set library's headers, then the releases the figures judge the month's codes
        // against (those in force on its days), parsed on another core from the start: the tenant
        // check below is start-up on one core (EF's model and first queries, about two CPU-seconds),
        // and the figures parsed them on first use, where they were the longest section's first
        // second. Code sets are reference data, the same for every reader and practice; a reader
        // refused waits for the release being parsed, then the rest is cancelled.
        using var refused = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var codeSetRead = Task.Run(async () => Preloaded(await CodeSetCatalog.LoadLibraryAsync(store, null, refused.Token), slaMonth, refused.Token), refused.Token);
        await using var db = store.CreateContext();
        Organization practice;
        SlaContract? contract;
        Organization? vendor;
        string zoneId;
        TimeZoneInfo zone;
        try
        {
            (practice, contract, vendor) = await ChooseAsync(db, practiceCode, vendorCode, slaMonth, principal, ct);
            zoneId = contract?.TimeZoneId ?? "UTC";
            zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        }
        catch
        {
            await refused.CancelAsync();
            await ((Task)codeSetRead).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        onAuthorized?.Invoke();
        var from = slaMonth.AddMonths(-12).Window(zone).Start;
        var to = slaMonth.Window(zone).End;

        // The two large reads, one statement each with a data reader (MonthlyRows), and the code-set
        // library run at once, each on its own connection: a month of a million encounters is seconds
        // of reading, and the machine has more than one core. The work read, the longest, is read in
        // two halves by encounter id on two connections. They read committed rows only, as the
        // one connection before read them statement by statement (no snapshot spanned the reads then either).
        var practiceId = practice.Id;
        var vendorId = vendor?.Id;
        var queryRead = Task.Run(() => ReadLargeAsync(rows => rows.QueriesAsync(practiceId, ct), ct), ct);

        // The turnaround pauses: each encounter's queries, in the order read. Every query of the
        // practice is grouped, not only those of the month's work: each work row looks up its own
        // encounter only, so the lists it finds are the same, and they are ready before the work is.
        var pausesRead = Task.Run(async () => (await queryRead).GroupBy(r => r.EncounterId)
            .ToDictionary(g => g.Key, g => g.Select(r => (r.RaisedAt, r.ClosedAt)).ToList()), ct);
        var physiciansRead = new TaskCompletionSource<Dictionary<Guid, ReportPhysician>>(TaskCreationOptions.RunContinuationsAsynchronously);

        // Each half is mapped to the report's encounters and sorted by id on its own thread as soon
        // as it is read (a TurnaroundClock caches days and is not shared), so the mapping of one
        // overlaps the other's read instead of waiting for both. The halves are ranges of ids, the
        // lower first, so the sorted halves one after the other are the month in id order.
        var workReads = MonthlyRows.WorkHalves.Select(ids => Task.Run(async () =>
        {
            var rows = await ReadLargeAsync(r => r.FinalizedWorkAsync(practiceId, vendorId, from, to, ids, ct), ct);
            var mapped = Encounters(rows, contract, zone, await physiciansRead.Task, await pausesRead);
            mapped.Sort(ById);
            return mapped;
        }, ct)).ToList();

        List<TrainingRecord> training;
        AuditReport? audit;
        DenialMonthReport? denials;
        try
        {
            // The small reads meanwhile, on this context; the physicians first, which the mapping needs.
            physiciansRead.SetResult((await db.Physicians.AsNoTracking().Where(p => p.PracticeId == practice.Id).ToListAsync(ct))
                .ToDictionary(p => p.Id, p => new ReportPhysician(p.Npi, p.Name, p.Specialty)));
            var coderIds = vendor is null
                ? await db.Coders.AsNoTracking().Select(k => k.Id).ToListAsync(ct)
                : await db.Coders.AsNoTracking().Where(k => k.VendorId == vendor.Id).Select(k => k.Id).ToListAsync(ct);
            training = (await db.Set<TrainingRecord>().AsNoTracking().Where(t => coderIds.Contains(t.CoderId)).ToListAsync(ct)).OrderBy(t => t.Id).ToList();
            audit = await AuditOfMonthAsync(db, practice, slaMonth, ct);
            denials = MonthlyDenials.Billed(DenialMonth.Compute(practice.Code, slaMonth, await Remittances.RemittanceDesk.HistoriesAsync(db, practice, ct), DenialRules.Default));
        }
        finally
        {
            // A failed physicians read leaves the mapping nothing to wait for (no-op when they were read).
            physiciansRead.TrySetCanceled(CancellationToken.None);

            // Never leave a read running on its own: its exception (or this one) is the caller's.
            await Task.WhenAll(new List<Task>(workReads) { queryRead, pausesRead, codeSetRead }).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        var physicians = await physiciansRead.Task;
        var halves = await Task.WhenAll(workReads);
        var queryRows = await queryRead;
        var codeSets = await codeSetRead;
        var reportEncounters = new List<ReportEncounter>(halves.Sum(h => h.Count));
        foreach (var half in halves)
        {
            reportEncounters.AddRange(half);
        }

        if (!InIdOrder(halves))
        {
            // Not expected (the halves are disjoint ranges in order); the report's order is kept whatever the ranges.
            reportEncounters.Sort(ById);
        }

        var window = slaMonth.Window(zone);
        var queries = queryRows
            .Where(r => r.RaisedAt >= window.Start && r.RaisedAt < window.End && (vendor is null || r.WorkVendorId == vendor.Id))
            .OrderBy(r => r.Id)
            .Select(r => new ReportQuery(r.Id, physicians[r.PhysicianId], r.Category, r.RaisedAt, r.DueAt, r.Status, r.ClosedAt))
            .ToList();

        var input = new MonthlyInput(practice.Code, vendor?.Code, slaMonth, zoneId, contract, reportEncounters, queries, codeSets, training, audit,
            benchmarks ?? EmBenchmarkTable.Default, new RvuReleasePricing(codeSets),
            AdditionalCommitments: null,
            Denials: denials);
        return new LoadedMonth(input, practice.Name, vendor?.Name ?? "no vendor");
    }

    private static readonly Comparison<ReportEncounter> ById = (a, b) => a.EncounterId.CompareTo(b.EncounterId);

    /// <summary>Whether each sorted half ends below the next one's first id, so that, one after the other, they are in id order.</summary>
    private static bool InIdOrder(IReadOnlyList<List<ReportEncounter>> halves)
    {
        ReportEncounter? last = null;
        foreach (var half in halves.Where(h => h.Count > 0))
        {
            if (last is not null && ById(last, half[0]) >= 0)
            {
                return false;
            }

            last = half[^1];
        }

        return true;
    }

    /// <summary>
    /// The library with the releases of the kinds the figures judge (<see cref="CodeSetCompliance.KindsJudged"/>)
    /// in force on the month's days parsed now: the same releases the figures would parse on first
    /// use (the library loads each once), earlier. A release that fails to load is left to fail
    /// where it did before, in the figures, which meet the same stored error.
    /// </summary>
    private static CodeSetLibrary Preloaded(CodeSetLibrary library, SlaMonth month, CancellationToken ct)
    {
        foreach (var kind in CodeSetCompliance.KindsJudged)
        {
            for (var day = month.First; day <= month.Last; day = day.AddDays(1))
            {
                ct.ThrowIfCancellationRequested();
                TryInForce(library, kind, day);
            }
        }

        return library;
    }

    private static void TryInForce(CodeSetLibrary library, CodeSetKind kind, DateOnly day)
    {
        try
        {
            library.InForce(kind, day);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Lazy keeps the exception: the figures rethrow it when they ask for the release.
        }
    }

    /// <summary>The report's encounters of work rows: the finalized day in the month's zone, and the turnaround sample <see cref="SlaMonthMeasure"/> would measure.</summary>
    private static List<ReportEncounter> Encounters(List<MonthlyWorkRow> work, SlaContract? contract, TimeZoneInfo zone, Dictionary<Guid, ReportPhysician> physicians,
        Dictionary<Guid, List<(DateTimeOffset RaisedAt, DateTimeOffset? ClosedAt)>> pauses)
    {
        var clock = contract is null ? null : new TurnaroundClock(contract);
        var encounters = new List<ReportEncounter>(work.Count);
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

            encounters.Add(new ReportEncounter(
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

        return encounters;
    }

    /// <summary>
    /// One of the two large reads on a connection of its own, with SQLite's page cache raised for it.
    /// The work read probes encounters and codings by random keys across a file of gigabytes at a
    /// million encounters: with SQLite's default 2 MB page cache each probe re-reads the b-trees'
    /// inner pages from the OS, which cost more CPU (system time) than the rows. 64 MB keeps them:
    /// 8.3 CPU-s down to 4.6 for the million (docs/PERFORMANCE.md).
    /// </summary>
    private async Task<List<T>> ReadLargeAsync<T>(Func<MonthlyRows, Task<List<T>>> read, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // The connection goes back to the pool (the web host keeps it) with its cache as it was.
            await using (await SqlitePragmas.WidenCacheAsync(db, LargeReadCacheKiB, ct))
            {
                return await read(MonthlyRows.Of(db));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Whether <paramref name="principal"/> may read the practice's package for the month: throws
    /// ORGANIZATION-UNKNOWN exactly as <see cref="LoadAsync"/> does when not (and a contract error
    /// when the month's contract cannot be chosen), reading only the practice, the reader's scope and
    /// the contracts. The web host calls it before serving files of a package it built earlier.
    /// </summary>
    public async Task AuthorizeAsync(string practiceCode, string? vendorCode, string month, Principal principal, CancellationToken ct = default)
    {
        await using var db = store.CreateContext();
        await ChooseAsync(db, practiceCode, vendorCode, SlaMonth.Parse(month), principal, ct);
    }

    /// <summary>The practice, the month's contract and its vendor, after the reader's access is checked (the tenant boundary first).</summary>
    private async Task<(Organization Practice, SlaContract? Contract, Organization? Vendor)> ChooseAsync(CodeLedgerDbContext db, string practiceCode, string? vendorCode, SlaMonth slaMonth, Principal? principal, CancellationToken ct)
    {
        var practice = await WorkflowLookup.OrganizationAsync(db, practiceCode, OrganizationKind.Practice, ct);
        var scope = principal is null ? TenantScope.Unrestricted : await TenantScopes.ResolveAsync(db, principal, Instants.Now(store.Time), ct);
        if (principal is not null && !(Readers.Contains(principal.Role) && scope.PracticeIds.Contains(practice.Id)))
        {
            // Outside the reader's tenant: the same answer as a code that does not exist, before anything about its contracts is said.
            throw new DomainException(OrganizationErrors.Unknown, $"no practice with code '{practiceCode}'");
        }

        // Vendor staff read their own vendor's package unless they name one (a practice may hold contracts with several vendors).
        var named = vendorCode is not null ? await WorkflowLookup.OrganizationAsync(db, vendorCode, OrganizationKind.CodingVendor, ct)
            : principal is { Role: UserRole.VendorAdmin or UserRole.CodingLead }
                ? await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == principal.OrganizationId && o.Kind == OrganizationKind.CodingVendor, ct)
                : null;
        var inForce = slaMonth.InForce(await db.SlaContracts.AsNoTracking().Where(c => c.PracticeId == practice.Id).ToListAsync(ct));
        var vendorIds = inForce.Select(c => c.VendorId).Append(named?.Id ?? Guid.Empty).ToList();
        var vendors = await db.Organizations.AsNoTracking().Where(o => vendorIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);

        // A month with no contract in force still has figures (E/M, queries, code sets); turnaround says there is no target.
        SlaContract? contract = inForce.Count == 0 && named is null ? null
            : SlaContractChoice.Choose(inForce, named?.Id, id => vendors[id].Code, practice.Code, slaMonth);
        var vendor = contract is null ? null : vendors[contract.VendorId];

        if (principal is not null && !MayRead(principal, scope, practice, vendor))
        {
            // The same answer as a code that does not exist: another organization's practice is not confirmed.
            throw new DomainException(OrganizationErrors.Unknown, $"no practice with code '{practiceCode}'");
        }

        return (practice, contract, vendor);
    }

    /// <summary>The latest audit of the practice whose period ends in the month (docs/REPORTS.md), with the audit desk's own report.</summary>
    private async Task<AuditReport?> AuditOfMonthAsync(CodeLedgerDbContext db, Organization practice, SlaMonth month, CancellationToken ct)
    {
        var (first, last) = (month.First, month.Last);
        var row = (await db.Set<AuditEngagementRow>().AsNoTracking().Where(a => a.PracticeId == practice.Id && a.ToDate >= first && a.ToDate <= last).ToListAsync(ct))
            .OrderByDescending(a => a.ToDate).ThenByDescending(a => a.CreatedAt).FirstOrDefault();
        return row is null ? null : await new AuditDesk(store).ReportAsync(row.Id.ToString("D"), null, ct);
    }

    /// <summary>
    /// A reader role, the practice within the principal's tenant scope (its own practice; for vendor
    /// staff a practice bound to their vendor by a BAA in force today: docs/TENANCY.md), and for
    /// vendor staff the package of their own vendor's contract.
    /// </summary>
    private static bool MayRead(Principal principal, TenantScope scope, Organization practice, Organization? vendor) =>
        Readers.Contains(principal.Role) && scope.PracticeIds.Contains(practice.Id) && principal.Role switch
        {
            UserRole.PracticeAdmin => principal.OrganizationId == practice.Id,
            _ => vendor is not null && principal.OrganizationId == vendor.Id,
        };

    /// <summary>
    /// The practices <paramref name="principal"/> may read packages of, each with the months (newest
    /// first) in which its encounters were finalized (for vendor staff, those their vendor coded),
    /// read in the zone of the practice's latest contract (UTC without one), as the package reads them.
    /// </summary>
    public async Task<IReadOnlyList<ReportPractice>> AvailableAsync(Principal principal, CancellationToken ct = default)
    {
        if (!Readers.Contains(principal.Role))
        {
            return [];
        }

        await using var db = store.CreateContext();
        var scope = await TenantScopes.ResolveAsync(db, principal, Instants.Now(store.Time), ct);
        var ids = scope.PracticeIds.ToList();
        var practices = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id) && o.Kind == OrganizationKind.Practice).ToListAsync(ct);
        var list = new List<ReportPractice>();
        foreach (var practice in practices.OrderBy(p => p.Code, StringComparer.Ordinal))
        {
            var contracts = await db.SlaContracts.AsNoTracking().Where(c => c.PracticeId == practice.Id).ToListAsync(ct);
            if (principal.Role != UserRole.PracticeAdmin)
            {
                contracts = [.. contracts.Where(c => c.VendorId == principal.OrganizationId)];
            }

            var zone = TimeZoneInfo.FindSystemTimeZoneById(contracts.OrderByDescending(c => c.EffectiveOn).FirstOrDefault()?.TimeZoneId ?? "UTC");
            var work = db.Set<WorkItem>().AsNoTracking().Where(w => w.PracticeId == practice.Id && w.FinalizedAt != null);
            if (principal.Role != UserRole.PracticeAdmin)
            {
                work = work.Where(w => w.VendorId == principal.OrganizationId);
            }

            var months = new SortedSet<string>(StringComparer.Ordinal);
            await foreach (var finalized in work.Select(w => w.FinalizedAt!.Value).AsAsyncEnumerable().WithCancellation(ct))
            {
                months.Add(TimeZoneInfo.ConvertTime(finalized, zone).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
            }

            list.Add(new ReportPractice(practice.Code, practice.Name, [.. months.Reverse()]));
        }

        return list;
    }
}
