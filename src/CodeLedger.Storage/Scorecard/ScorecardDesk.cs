using CodeLedger.Core.Accounts;
using CodeLedger.Core.Common;
using CodeLedger.Core.Ledger.Events;
using CodeLedger.Core.Organizations;
using CodeLedger.Core.Queries;
using CodeLedger.Core.Scorecard;
using CodeLedger.Core.Training;
using CodeLedger.Core.Workflow;
using CodeLedger.Storage.Audits;
using CodeLedger.Storage.Workflow;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Scorecard;

/// <summary>
/// The vendor scorecard (docs/SCORECARD.md): reads the evidence CodeLedger holds about each vendor
/// of a practice (agreements, the contract in force, audits of the vendor's encounters, coders'
/// credentials against the specialties sent, queries, training) and the answers recorded, and
/// calls <see cref="ScorecardBook"/>; records answers with their <c>scorecard.answered</c> event.
/// The practice boundary is <see cref="ScorecardAccess"/>; out of reach reads as an unknown code.
/// </summary>
public sealed class ScorecardDesk(CodeLedgerStore store)
{
    /// <summary>The cards of the practice's vendors the principal reaches (all, for the operator), by vendor code; only <paramref name="vendorCode"/>'s when given.</summary>
    public async Task<IReadOnlyList<VendorScorecard>> ReadAsync(string practiceCode, string? vendorCode, Principal? principal, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(Instants.Now(store.Time).UtcDateTime);
        await using var db = store.CreateContext();
        var (practice, vendors) = await ReachAsync(db, practiceCode, principal, ct);
        var readable = ScorecardAccess.Readable(principal, practice.Id, [.. vendors.Select(v => v.Id)]) ?? throw Unknown(practiceCode);
        var chosen = vendors.Where(v => readable.Contains(v.Id)).ToList();
        if (vendorCode is not null)
        {
            chosen = [.. chosen.Where(v => v.Code == vendorCode.Trim())];
            if (chosen.Count == 0)
            {
                throw new DomainException(ScorecardErrors.VendorNotOfPractice, $"no coding vendor with code '{vendorCode}' works for practice '{practice.Code}'");
            }
        }

        var cards = new List<VendorScorecard>();
        foreach (var vendor in chosen.OrderBy(v => v.Code, StringComparer.Ordinal))
        {
            cards.Add(ScorecardBook.Evaluate(await EvidenceAsync(db, practice, vendor, today, ct)));
        }

        return cards;
    }

    /// <summary>Records an answer of the practice's admin about one of its vendors: one row and its event, in one write.</summary>
    public Task<RecordedAnswer> AnswerAsync(string practiceCode, string vendorCode, ScorecardAnswer answer, Principal? principal, string actor, CancellationToken ct = default) =>
        store.WriteAsync(actor, async (db, ledger) =>
        {
            var (practice, vendors) = await ReachAsync(db, practiceCode, principal, ct);
            if (!ScorecardAccess.MayAnswer(principal, practice.Id))
            {
                throw Unknown(practiceCode);
            }

            var vendor = vendors.FirstOrDefault(v => v.Code == vendorCode.Trim())
                ?? throw new DomainException(ScorecardErrors.VendorNotOfPractice, $"no coding vendor with code '{vendorCode}' works for practice '{practice.Code}'");
            var now = Instants.Now(store.Time);
            var row = new ScorecardAnswerRow
            {
                Id = Guid.NewGuid(), PracticeId = practice.Id, VendorId = vendor.Id, Kind = answer.Kind, Value = answer.Value, RecordedBy = actor, RecordedAt = now,
            };
            db.Add(row);
            ledger.Append(practice.Code, new ScorecardAnswered(row.Id, practice.Code, vendor.Code, row.Kind, row.Value, now));
            return new RecordedAnswer(answer, actor, now);
        }, ct);

    private static DomainException Unknown(string practiceCode) => new(OrganizationErrors.Unknown, $"no practice with code '{practiceCode}'");

    /// <summary>The practice and its vendors: every coding vendor with a BAA or a contract with it, in force or not.</summary>
    private static async Task<(Organization Practice, List<Organization> Vendors)> ReachAsync(CodeLedgerDbContext db, string practiceCode, Principal? principal, CancellationToken ct)
    {
        Organization practice;
        try
        {
            practice = await WorkflowLookup.OrganizationAsync(db, practiceCode, OrganizationKind.Practice, ct);
        }
        catch (DomainException) when (principal is not null)
        {
            // A role that may never read a scorecard is told so before anything about the code.
            AccountRules.Require(principal, AccountRules.ReadScorecard, "reading a vendor scorecard");
            throw;
        }

        var ids = (await db.BusinessAssociateAgreements.AsNoTracking().Where(a => a.PracticeId == practice.Id).Select(a => a.VendorId).ToListAsync(ct))
            .Concat(await db.SlaContracts.AsNoTracking().Where(c => c.PracticeId == practice.Id).Select(c => c.VendorId).ToListAsync(ct))
            .Distinct().ToList();
        var vendors = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id) && o.Kind == OrganizationKind.CodingVendor).ToListAsync(ct);
        return (practice, vendors);
    }

    private async Task<ScorecardEvidence> EvidenceAsync(CodeLedgerDbContext db, Organization practice, Organization vendor, DateOnly today, CancellationToken ct)
    {
        var agreements = (await db.BusinessAssociateAgreements.AsNoTracking().Where(a => a.PracticeId == practice.Id && a.VendorId == vendor.Id).ToListAsync(ct))
            .OrderBy(a => a.EffectiveOn)
            .Select(a => new BaaEvidence(a.SignedOn, a.EffectiveOn, Min(a.ExpiresOn, a.TerminatedOn), a.IsInForceOn(today), a.DocumentSha256)).ToList();
        var contract = await WorkflowLookup.ContractAsync(db, practice.Id, vendor.Id, today, ct) is { } c
            ? new ContractEvidence(c.EffectiveOn, c.TurnaroundTargetHours, c.Clock == Core.Contracts.TurnaroundClockKind.BusinessHours ? "business-hours" : "calendar-hours",
                c.AccuracyFloorPercent, c.QueryResponseWindowHours)
            : null;

        var work = db.Set<WorkItem>().AsNoTracking().Where(w => w.PracticeId == practice.Id && w.VendorId == vendor.Id);
        var sent = await (from w in work join e in db.Encounters.AsNoTracking() on w.EncounterId equals e.Id select e.Specialty).ToListAsync(ct);
        var bySpecialty = sent.GroupBy(s => s.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        if (bySpecialty.Count == 0)
        {
            // Nothing sent yet: the specialties the practice would send are its active physicians'.
            foreach (var s in await db.Physicians.AsNoTracking().Where(p => p.PracticeId == practice.Id && p.Active).Select(p => p.Specialty).ToListAsync(ct))
            {
                bySpecialty[s.Value] = 0;
            }
        }

        var coders = await db.Coders.AsNoTracking().Where(k => k.VendorId == vendor.Id && k.Active).ToListAsync(ct);
        var map = await CredentialMaps.CurrentAsync(db, ct);
        var specialties = bySpecialty.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new SpecialtyEvidence(p.Key, p.Value,
                [.. coders.Where(k => map.Qualifies(k, Core.Codes.Specialty.Parse(p.Key), today)).Select(k => k.UserName).Order(StringComparer.Ordinal)]))
            .ToList();

        var queries = await (from q in db.Set<DocumentationQuery>().AsNoTracking() join w in work on q.EncounterId equals w.EncounterId select new { q.Status, q.Category }).ToListAsync(ct);
        var queryEvidence = new QueryEvidence(queries.Count, queries.Count(q => q.Status == QueryStatus.Answered), queries.Count(q => q.Status == QueryStatus.Unresolved),
            queries.Count(q => q.Status == QueryStatus.Open),
            queries.GroupBy(q => QueryCategories.Name(q.Category), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal));

        var coderIds = coders.Select(k => k.Id).ToList();
        var training = await db.Set<TrainingRecord>().AsNoTracking().Where(t => coderIds.Contains(t.CoderId)).ToListAsync(ct);
        var trainingEvidence = new TrainingEvidence(coders.Count, training.Count, training.Count(t => t.IsLate),
            [.. training.Select(t => t.Release).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);

        var answers = (await db.Set<ScorecardAnswerRow>().AsNoTracking().Where(a => a.PracticeId == practice.Id && a.VendorId == vendor.Id).ToListAsync(ct))
            // Same instant (a fixed clock): the order written stands; ScorecardBook sorts stably by time.
            .OrderBy(a => a.RecordedAt)
            .Select(a => new RecordedAnswer(ScorecardAnswer.Parse(a.Kind, a.Value), a.RecordedBy, a.RecordedAt)).ToList();

        return new ScorecardEvidence(practice.Code, vendor.Code, today, agreements, contract, await AuditsAsync(db, practice, vendor, ct), specialties, queryEvidence, trainingEvidence,
            // The monthly package and the billing loop are being built (issue 19, issues 15-18): no table holds them yet.
            CountEvidence.NotTracked("monthly reporting packages generated"),
            CountEvidence.NotTracked("claims submitted by this vendor in the last 90 days"),
            answers);
    }

    /// <summary>The practice's audits whose sample holds an encounter this vendor worked, with their figures from the audit desk's own report.</summary>
    private async Task<IReadOnlyList<AuditEvidence>> AuditsAsync(CodeLedgerDbContext db, Organization practice, Organization vendor, CancellationToken ct)
    {
        var audited = await (from m in db.Set<AuditSampleMemberRow>().AsNoTracking()
                             join a in db.Set<AuditEngagementRow>().AsNoTracking() on m.AuditId equals a.Id
                             join w in db.Set<WorkItem>().AsNoTracking() on m.EncounterId equals w.EncounterId
                             where a.PracticeId == practice.Id && w.VendorId == vendor.Id
                             select a.Id).Distinct().ToListAsync(ct);
        var list = new List<AuditEvidence>();
        foreach (var row in (await db.Set<AuditEngagementRow>().AsNoTracking().Where(a => audited.Contains(a.Id)).ToListAsync(ct)).OrderBy(a => a.CreatedAt))
        {
            var auditor = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == row.AuditorOrganizationId, ct);
            var report = await new AuditDesk(store).ReportAsync(row.Id.ToString("D"), null, ct);
            var accuracy = report.Figures.Audited > 0 ? report.Figures.Final.EncounterAccuracy : null;
            list.Add(new AuditEvidence(row.Id, row.Kind, auditor.Code, row.FromDate, row.ToDate, row.Definition, row.Floor, report.Figures.Sampled, report.Figures.Audited,
                accuracy?.Point, accuracy?.Lower, accuracy?.Upper));
        }

        return list;
    }

    private static DateOnly? Min(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
