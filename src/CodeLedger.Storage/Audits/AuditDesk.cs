using System.Text.Json;
using CodeLedger.Core.Accounts;
using CodeLedger.Core.Audits;
using CodeLedger.Core.Codes;
using CodeLedger.Core.CodeSets;
using CodeLedger.Core.Coding;
using CodeLedger.Core.Common;
using CodeLedger.Core.EvaluationAndManagement;
using CodeLedger.Core.Ledger.Events;
using CodeLedger.Core.Organizations;
using CodeLedger.Core.Tenancy;
using CodeLedger.Core.Workflow;
using CodeLedger.Storage.Claims;
using CodeLedger.Storage.CodeSets;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Audits;

/// <summary>What <c>audit sample</c> asks for: the plan's options as the CLI and API take them, and the conversion factors the audit prices by.</summary>
public sealed record AuditSampleRequest(
    string Practice,
    DateOnly From,
    DateOnly To,
    string? Seed,
    string AuditorOrganization,
    ConversionFactorTable ConversionFactors,
    int? Size = null,
    decimal? Margin = null,
    decimal? Expected = null,
    int? PerPhysician = null,
    string? Specialty = null,
    bool Internal = false,
    string? Adjudicator = null);

/// <summary>An audit as listed: who audits whom, how, and how far the re-coding has got.</summary>
public sealed record AuditSummary(Guid Id, string Practice, string AuditorOrganization, string Kind, string Adjudicator, string Plan, int FrameSize, int Sampled, int Recorded,
    string CreatedBy, string CreatedAt, string GrantedUntil);

/// <summary>One sampled encounter of an audit: its position, the practice's encounter id (not PHI), date, physician NPI, stratum and whether the auditor has recorded it.</summary>
public sealed record AuditSampleView(int Position, Guid EncounterId, string Encounter, DateOnly DateOfService, string Physician, string Stratum, bool Recorded);

/// <summary>The vendor's coding of record an auditor is shown after recording their own: codes only.</summary>
public sealed record AuditVendorCodes(Guid Audit, string Encounter, string Source, int Version, IReadOnlyList<string> Diagnoses, IReadOnlyList<CodingSubmitted.Line> Lines);

/// <summary>What a recorded re-coding found at once (the auditor may see the findings: they have recorded).</summary>
public sealed record AuditRecorded(Guid Audit, string Encounter, int Findings, bool Correct, IReadOnlyList<string> Unpriced);

/// <summary>
/// Coding audits in the database (docs/AUDIT.md, "Commands and API"): the engagement and its sample,
/// the blind re-coding, rebuttals and adjudications, and the report. Each method loads, calls Core
/// (AuditPlan, AuditSampler, AuditIndependence, AuditRecording, AuditComparer, AuditDisputes,
/// AuditReport through <see cref="AuditBook"/>), and saves with its ledger event in one
/// <see cref="CodeLedgerStore.WriteAsync{T}"/>. Findings are computed from the stored codings every
/// time, never stored. Who may do what is <see cref="AuditRoles"/>; an audit the user takes no part in
/// is <c>AUDIT-UNKNOWN</c>, exactly like a missing one.
/// </summary>
public sealed class AuditDesk(CodeLedgerStore store, Func<Guid>? newId = null)
{
    /// <summary>How long the auditing organization may read the sampled encounters after the sample is drawn.</summary>
    public static readonly TimeSpan GrantPeriod = TimeSpan.FromDays(180);

    public const string CodeLedgerFinal = "codeledger-final";
    public const string VendorClaim = "vendor-claim";

    private readonly Func<Guid> _newId = newId ?? Guid.NewGuid;

    /// <summary>
    /// Creates an engagement and draws its sample: a practice admin of the practice or an auditor of
    /// the auditing organization. The auditing organization is granted read access to exactly the
    /// sampled encounters (audit_grants) for <see cref="GrantPeriod"/>.
    /// </summary>
    public Task<AuditSummary> SampleAsync(AuditSampleRequest request, Principal principal, CancellationToken ct = default)
    {
        AccountRules.Require(principal, AuditRoles.Plan, "planning an audit");
        return store.WriteAsync(principal.UserName, async (db, ledger) =>
        {
            var now = Instants.Now(store.Time);
            var practice = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == request.Practice.Trim() && o.Kind == OrganizationKind.Practice, ct);
            var auditor = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == request.AuditorOrganization.Trim(), ct);

            // A practice admin plans audits of their own practice; an auditor plans audits their own organization does.
            var mayPlan = practice is not null && auditor is not null && principal.Role switch
            {
                UserRole.PracticeAdmin => principal.OrganizationId == practice.Id,
                UserRole.Auditor => principal.OrganizationId == auditor.Id,
                _ => false,
            };
            if (practice is null || !mayPlan)
            {
                throw new DomainException(AuditErrors.PlanInvalid,
                    $"audit plan: --practice {Echo.Quote(request.Practice)} is not a practice whose audit {principal.UserName} may plan (a practice admin of the practice, or an auditor of the auditing organization)");
            }

            if (auditor is null)
            {
                throw new DomainException(AuditErrors.PlanInvalid, $"audit plan: --auditor-org {Echo.Quote(request.AuditorOrganization)} is not an organization");
            }

            var kind = request.Internal ? AuditKind.Internal : AuditKind.Independent;
            var plan = AuditPlan.Create(practice.Id, request.From, request.To, request.Seed, request.Size, request.Margin, request.Expected,
                request.PerPhysician is null ? AuditStratification.None : AuditStratification.Physician,
                request.PerPhysician is null ? AuditAllocation.Proportional : AuditAllocation.Equal, request.PerPhysician, request.Specialty, kind);
            var adjudicatorName = (request.Adjudicator ?? principal.UserName).Trim();
            var adjudicator = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == adjudicatorName, ct);
            if (adjudicator is null || adjudicator.Disabled || !AuditRoles.Adjudicate.Contains(adjudicator.Role)
                || (adjudicator.OrganizationId != practice.Id && adjudicator.OrganizationId != auditor.Id))
            {
                throw new DomainException(AuditErrors.PlanInvalid,
                    $"audit plan: --adjudicator {Echo.Quote(adjudicatorName)} must be an enabled practice admin or auditor of {practice.Code} or {auditor.Code}");
            }

            var population = await new AuditPopulationReader(store).LoadAsync(practice.Id, plan.From, plan.To, plan.Specialty, ct);
            var frameIds = population.Select(r => r.EncounterId).ToList();
            var codingVendors = new HashSet<Guid>();
            foreach (var chunk in frameIds.Chunk(1000))
            {
                codingVendors.UnionWith(await db.Set<WorkItem>().AsNoTracking().Where(w => chunk.Contains(w.EncounterId) && w.FinalCodingVersion != null).Select(w => w.VendorId).Distinct().ToListAsync(ct));
                codingVendors.UnionWith(await db.VendorClaimCodings.AsNoTracking().Where(v => chunk.Contains(v.EncounterId)).Select(v => v.VendorId).Distinct().ToListAsync(ct));
            }

            var baaVendors = (await db.BusinessAssociateAgreements.AsNoTracking().Where(a => a.PracticeId == practice.Id).Select(a => a.VendorId).ToListAsync(ct)).ToHashSet();
            AuditIndependence.Check(kind, auditor.Id, codingVendors, baaVendors);

            var sample = AuditSampler.Draw([.. population.Select(r => new AuditPopulationMember(r.EncounterId, r.EncounterKey, Npi.Parse(r.PhysicianNpi), r.Specialty, r.CoderId, r.DateOfService))], plan);

            // The factors in force over the frame's dates go with the engagement, so its dollars are priced from the ledger alone.
            var factors = request.ConversionFactors.Periods.Where(p => p.Through >= plan.From && p.From <= plan.To).ToList();
            if (sample.Members.FirstOrDefault(m => !factors.Any(p => p.From <= m.Member.DateOfService && m.Member.DateOfService <= p.Through)) is { } unpriced)
            {
                throw new DomainException(AuditErrors.NotPriced,
                    FormattableString.Invariant($"no conversion factor in the file given is in force on {unpriced.Member.DateOfService:yyyy-MM-dd} (encounter {unpriced.Member.EncounterKey})"));
            }

            var id = _newId();
            var grant = new AuditGrant(_newId(), auditor.Id, practice.Id, sample.Members.Select(m => m.Member.EncounterId), now, now + GrantPeriod);
            var row = new AuditEngagementRow
            {
                Id = id,
                PracticeId = practice.Id,
                AuditorOrganizationId = auditor.Id,
                Kind = AuditBook.Word(kind),
                Adjudicator = adjudicator.UserName!,
                Seed = plan.Seed,
                FromDate = plan.From,
                ToDate = plan.To,
                FixedSize = plan.FixedSize,
                SizeFromMargin = plan.SizeFromMargin,
                Margin = plan.Margin,
                ExpectedAccuracy = plan.ExpectedAccuracy,
                Stratification = AuditBook.Word(plan.Stratification),
                PerStratum = plan.PerStratum,
                Specialty = plan.Specialty,
                Floor = plan.Floor,
                Definition = plan.Definition,
                FrameSize = sample.FrameSize,
                RequiredSize = sample.RequiredSize,
                Strata = [.. sample.Strata.Select(s => new AuditSampled.Stratum(s.Name, s.FrameCount, s.Allocated))],
                ConversionFactors = [.. factors.Select(f => new AuditSampled.Factor(f.From, f.Through, f.Type, f.Factor))],
                GrantId = grant.Id,
                CreatedBy = principal.UserName,
                CreatedAt = now,
            };
            var members = sample.Members.Select(m => new AuditSampleMemberRow
            {
                AuditId = id,
                Position = m.Position,
                EncounterId = m.Member.EncounterId,
                EncounterKey = m.Member.EncounterKey,
                PhysicianNpi = m.Member.Physician.Value,
                Specialty = m.Member.Specialty,
                CoderId = m.Member.CoderId,
                DateOfService = m.Member.DateOfService,
                Stratum = m.Stratum,
                StratumRank = m.StratumRank,
            }).ToList();
            db.Add(row);
            db.AddRange(members);
            db.Add(grant);
            ledger.Append(StateRowsKey(id), new AuditSampled(id, practice.Code, auditor.Code, row.Kind, row.Adjudicator, row.Seed, row.FromDate, row.ToDate, row.FixedSize,
                row.SizeFromMargin, row.Margin, row.ExpectedAccuracy, row.Stratification, row.PerStratum, row.Specialty, row.Floor, row.Definition, row.FrameSize, row.RequiredSize,
                row.Strata, [.. members.Select(m => new AuditSampled.Member(m.Position, m.EncounterId, m.EncounterKey, m.PhysicianNpi, m.Specialty, m.CoderId, m.DateOfService, m.Stratum, m.StratumRank))],
                row.ConversionFactors, grant.Id, grant.From, grant.To, now));
            return Summary(row, practice.Code, auditor.Code, plan, members.Count, 0, grant.To);
        }, ct);
    }

    /// <summary>The audits the user takes part in (all, for the operator), newest first.</summary>
    public async Task<IReadOnlyList<AuditSummary>> ListAsync(Principal? principal, CancellationToken ct = default)
    {
        await using var db = store.CreateContext();
        var rows = await db.Set<AuditEngagementRow>().AsNoTracking().ToListAsync(ct);
        var list = new List<AuditSummary>();
        foreach (var row in rows.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id))
        {
            if (principal is not null && !await VisibleAsync(db, row, principal, ct))
            {
                continue;
            }

            list.Add(await SummaryAsync(db, row, ct));
        }

        return list;
    }

    /// <summary>The sampled encounters of an audit, in draw order, with whether each is recorded.</summary>
    public async Task<IReadOnlyList<AuditSampleView>> SampleListAsync(string audit, Principal? principal, CancellationToken ct = default)
    {
        await using var db = store.CreateContext();
        var row = await EngagementAsync(db, audit, principal, ct);
        var recorded = (await db.Set<AuditCodingRow>().AsNoTracking().Where(c => c.AuditId == row.Id).Select(c => c.EncounterId).ToListAsync(ct)).ToHashSet();
        var members = await db.Set<AuditSampleMemberRow>().AsNoTracking().Where(m => m.AuditId == row.Id).OrderBy(m => m.Position).ToListAsync(ct);
        return [.. members.Select(m => new AuditSampleView(m.Position, m.EncounterId, m.EncounterKey, m.DateOfService, m.PhysicianNpi, m.Stratum, recorded.Contains(m.EncounterId)))];
    }

    /// <summary>
    /// Records an auditor's blind re-coding of a sampled encounter (coding.json, the shape <c>code</c>
    /// takes): refused outside the sample, a second time, or when it cannot be compared. The vendor's
    /// coding of record (as it stood when the sample was drawn, for an imported claim) and the prices of
    /// the comparison are stored with it.
    /// </summary>
    public async Task<AuditRecorded> RecordAsync(string audit, string encounter, string codingJson, Principal principal, CancellationToken ct = default)
    {
        AccountRules.Require(principal, AuditRoles.Record, "recording an audit's coding");
        var coding = CodingSubmission.Parse(codingJson);
        var library = await CodeSetCatalog.LoadLibraryAsync(store, [CodeSetKind.Rvu], ct);
        var releases = library.Releases.OfType<RvuRelease>().ToList();
        return await store.WriteAsync(principal.UserName, async (db, ledger) =>
        {
            var now = Instants.Now(store.Time);
            var row = await EngagementAsync(db, audit, principal, ct);
            RequireAuditor(row, principal, "record this audit's codings");
            var book = await LoadAsync(db, row, ct);
            var member = await MemberAsync(db, row, book.Sample, encounter, ct);
            var recorded = book.Codings.Select(c => c.EncounterId).ToHashSet();
            AuditRecording.Check(book.Sample, recorded, member.EncounterId, coding);

            var vendor = await new AuditPopulationReader(store).LoadVendorCodingAsync(member.EncounterId, row.CreatedAt, ct)
                ?? throw new DomainException(AuditErrors.NotInSample, $"encounter {member.EncounterKey} has no vendor coding of record to compare");
            var vendorCoding = new CodingSubmission(vendor.Diagnoses, vendor.Lines);
            var pricing = new RecordingPricing(new RvuAuditPricing(releases, Factors(row)));
            var comparison = AuditComparer.Compare(member.EncounterId, member.DateOfService, vendorCoding, coding, pricing);

            var stored = new AuditCodingRow
            {
                Id = _newId(),
                AuditId = row.Id,
                EncounterId = member.EncounterId,
                RecordedBy = principal.UserName,
                RecordedAt = now,
                Diagnoses = [.. coding.Diagnoses],
                ServiceLines = [.. coding.Lines],
                Em = coding.Em is { } em ? EmInputJson.WriteInput(em) : null,
                VendorSource = vendor.Source == AuditCodingSource.CodeLedgerFinal ? CodeLedgerFinal : VendorClaim,
                VendorVersion = vendor.Version,
                VendorDiagnoses = [.. vendor.Diagnoses],
                VendorServiceLines = [.. vendor.Lines],
                Prices = [.. pricing.Asked.Select(p => new AuditCodingRecorded.Price(p.Code, p.Modifiers, p.Rvu))],
                ConversionFactor = comparison.ConversionFactor,
            };
            db.Add(stored);
            ledger.Append(member.EncounterKey, new AuditCodingRecorded(stored.Id, row.Id, stored.EncounterId, stored.RecordedBy, now,
                [.. stored.Diagnoses.Select(d => d.Value)], Lines(stored.ServiceLines),
                stored.Em is null ? null : JsonDocument.Parse(stored.Em).RootElement.Clone(),
                stored.VendorSource, stored.VendorVersion, [.. stored.VendorDiagnoses.Select(d => d.Value)], Lines(stored.VendorServiceLines), stored.Prices, stored.ConversionFactor));
            return new AuditRecorded(row.Id, member.EncounterKey, comparison.Findings.Count, comparison.IsCorrect, comparison.Unpriced);
        }, ct);
    }

    /// <summary>The vendor's codes of a sampled encounter, shown to an auditor of the audit only after their own are recorded (blind re-coding).</summary>
    public async Task<AuditVendorCodes> VendorCodesAsync(string audit, string encounter, Principal principal, CancellationToken ct = default)
    {
        AccountRules.Require(principal, AuditRoles.Record, "reading the vendor's codes of an audited encounter");
        await using var db = store.CreateContext();
        var row = await EngagementAsync(db, audit, principal, ct);
        RequireAuditor(row, principal, "read this audit's vendor codes");
        var book = await LoadAsync(db, row, ct);
        var member = await MemberAsync(db, row, book.Sample, encounter, ct);
        var stored = await db.Set<AuditCodingRow>().AsNoTracking().FirstOrDefaultAsync(c => c.AuditId == row.Id && c.EncounterId == member.EncounterId, ct);
        AuditRecording.RequireRecordedBeforeReveal(stored is null ? new HashSet<Guid>() : [member.EncounterId], member);
        return new AuditVendorCodes(row.Id, member.EncounterKey, stored!.VendorSource, stored.VendorVersion, [.. stored.VendorDiagnoses.Select(d => d.Value)], Lines(stored.VendorServiceLines));
    }

    /// <summary>The vendor (its admin or a coding lead) rebuts a finding; once per finding.</summary>
    public Task<string> RebutAsync(string audit, string finding, string reason, Principal principal, CancellationToken ct = default)
    {
        AccountRules.Require(principal, AuditRoles.Rebut, "rebutting an audit finding");
        return store.WriteAsync(principal.UserName, async (db, ledger) =>
        {
            var now = Instants.Now(store.Time);
            var row = await EngagementAsync(db, audit, principal, ct);
            var book = await LoadAsync(db, row, ct);
            var rebuttal = new Rebuttal(finding.Trim(), principal.UserName, reason, now);

            // A vendor answers for its own coding: with two vendors in one frame, a finding on an encounter
            // the other vendor coded is, to this one, no finding at all (the same refusal as an unknown id).
            var encounter = book.Comparisons.SelectMany(c => c.Findings).FirstOrDefault(f => f.Id == rebuttal.FindingId)?.EncounterId;
            if (encounter is { } coded && principal.Role is UserRole.VendorAdmin or UserRole.CodingLead
                && !(await EncounterVendorsAsync(db, coded, ct)).Contains(principal.OrganizationId))
            {
                throw new DomainException(AuditErrors.FindingUnknown, $"audit {row.Id:D} has no finding {Echo.Quote(rebuttal.FindingId)} on an encounter {principal.UserName}'s vendor coded");
            }

            book.Disputes.Rebut(AuditBook.FindingIds(book.Comparisons), rebuttal);
            var stored = new AuditRebuttalRow { Id = _newId(), AuditId = row.Id, FindingId = rebuttal.FindingId, RebuttedBy = rebuttal.By, Reason = rebuttal.Reason, RebuttedAt = rebuttal.At };
            db.Add(stored);
            ledger.Append(StateRowsKey(row.Id), new AuditFindingRebutted(stored.Id, row.Id, stored.FindingId, stored.RebuttedBy, db.Phi.LedgerHash.Of(stored.Reason), now));
            return stored.FindingId;
        }, ct);
    }

    /// <summary>The engagement's adjudicator upholds or reverses a rebutted finding; once per finding.</summary>
    public Task<string> AdjudicateAsync(string audit, string finding, AdjudicationOutcome outcome, Principal principal, CancellationToken ct = default)
    {
        AccountRules.Require(principal, AuditRoles.Adjudicate, "adjudicating an audit finding");
        return store.WriteAsync(principal.UserName, async (db, ledger) =>
        {
            var now = Instants.Now(store.Time);
            var row = await EngagementAsync(db, audit, principal, ct);
            var book = await LoadAsync(db, row, ct);
            var adjudication = new Adjudication(finding.Trim(), outcome, principal.UserName, now);
            book.Disputes.Adjudicate(AuditBook.FindingIds(book.Comparisons), adjudication);
            var stored = new AuditAdjudicationRow
            {
                Id = _newId(), AuditId = row.Id, FindingId = adjudication.FindingId, Outcome = AuditBook.Word(outcome), AdjudicatedBy = principal.UserName, AdjudicatedAt = now,
            };
            db.Add(stored);
            ledger.Append(StateRowsKey(row.Id), new AuditFindingAdjudicated(stored.Id, row.Id, stored.FindingId, stored.Outcome, stored.AdjudicatedBy, now));
            return stored.FindingId;
        }, ct);
    }

    /// <summary>The audit's report from the tables (the operator, a null principal, reads any).</summary>
    public async Task<AuditReport> ReportAsync(string audit, Principal? principal, CancellationToken ct = default)
    {
        if (principal is not null)
        {
            AccountRules.Require(principal, AuditRoles.Report, "reading an audit report");
        }

        await using var db = store.CreateContext();
        var row = await EngagementAsync(db, audit, principal, ct);
        var book = await LoadAsync(db, row, ct);
        return AuditReport.Create(book.Sample, book.Comparisons, book.Disputes, await NamesAsync(db, row, book.Sample, ct));
    }

    /// <summary>The practice's code and the sampled coders' user names, as the replay has them from the ledger.</summary>
    private static async Task<AuditNames> NamesAsync(CodeLedgerDbContext db, AuditEngagementRow row, AuditSample sample, CancellationToken ct)
    {
        var practice = await db.Organizations.AsNoTracking().Where(o => o.Id == row.PracticeId).Select(o => o.Code).SingleAsync(ct);
        var coderIds = sample.Members.Where(m => m.Member.CoderId is not null).Select(m => m.Member.CoderId!.Value).Distinct().ToList();
        var coders = new Dictionary<Guid, string>();
        foreach (var chunk in coderIds.Chunk(1000))
        {
            foreach (var c in await db.Coders.IgnoreQueryFilters().AsNoTracking().Where(c => chunk.Contains(c.Id)).Select(c => new { c.Id, c.UserName }).ToListAsync(ct))
            {
                coders[c.Id] = c.UserName;
            }
        }

        return new AuditNames(practice, coders);
    }

    /// <summary>An audit's id as the ledger's subject for its engagement-level events.</summary>
    public static string StateRowsKey(Guid audit) => audit.ToString("D");

    internal static IReadOnlyList<CodingSubmitted.Line> Lines(IEnumerable<ServiceLine> lines) =>
        [.. lines.Select(l => new CodingSubmitted.Line(l.Code.Value, [.. l.Modifiers.Select(x => x.Value)], l.Units, l.Charge.ToString(), l.Pointers))];

    /// <summary>The plan as Core rebuilds it from the stored options (refused like a new one if a row was edited into nonsense).</summary>
    internal static AuditPlan Plan(AuditEngagementRow row) => AuditPlan.Create(row.PracticeId, row.FromDate, row.ToDate, row.Seed,
        row.FixedSize, row.SizeFromMargin ? row.Margin : null, row.SizeFromMargin ? row.ExpectedAccuracy : null,
        AuditBook.Parse<AuditStratification>(row.Stratification), row.PerStratum is null ? AuditAllocation.Proportional : AuditAllocation.Equal, row.PerStratum,
        row.Specialty, AuditBook.Parse<AuditKind>(row.Kind), row.Floor, row.Definition);

    private static ConversionFactorTable Factors(AuditEngagementRow row) =>
        new(row.ConversionFactors.Select(f => new ConversionFactorPeriod(f.From, f.Through, f.Type, f.Value)));

    private sealed record Book(AuditSample Sample, IReadOnlyList<RecordedAuditCoding> Codings, IReadOnlyList<EncounterComparison> Comparisons, AuditDisputes Disputes);

    private static async Task<Book> LoadAsync(CodeLedgerDbContext db, AuditEngagementRow row, CancellationToken ct)
    {
        // The two large tables by data reader, only the columns the comparisons need (AuditRowReader).
        var members = await AuditRowReader.MembersAsync(db, row.Id, ct);
        var sample = AuditSample.Restore(Plan(row), row.FrameSize, [.. row.Strata.Select(s => new AuditStratum(s.Name, s.FrameCount, s.Allocated))], members, row.RequiredSize);
        var codings = await AuditRowReader.CodingsAsync(db, row.Id, ct);
        var rebuttals = await db.Set<AuditRebuttalRow>().AsNoTracking().Where(r => r.AuditId == row.Id).ToListAsync(ct);
        var adjudications = await db.Set<AuditAdjudicationRow>().AsNoTracking().Where(r => r.AuditId == row.Id).ToListAsync(ct);
        var comparisons = AuditBook.Compare(sample, codings);
        var disputes = AuditBook.Disputes(row.Adjudicator, comparisons,
            rebuttals.Select(r => new Rebuttal(r.FindingId, r.RebuttedBy, r.Reason, r.RebuttedAt)),
            adjudications.Select(a => new Adjudication(a.FindingId, AuditBook.Parse<AdjudicationOutcome>(a.Outcome), a.AdjudicatedBy, a.AdjudicatedAt)));
        return new Book(sample, codings, comparisons, disputes);
    }

    /// <summary>The engagement by id (or a unique prefix of at least 8 characters), if the user takes part in it; otherwise AUDIT-UNKNOWN.</summary>
    private static async Task<AuditEngagementRow> EngagementAsync(CodeLedgerDbContext db, string audit, Principal? principal, CancellationToken ct)
    {
        var text = (audit ?? string.Empty).Trim().ToLowerInvariant();
        AuditEngagementRow? row = null;
        if (Guid.TryParse(text, out var id))
        {
            row = await db.Set<AuditEngagementRow>().FirstOrDefaultAsync(a => a.Id == id, ct);
        }
        else if (text.Length >= 8 && text.All(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            var candidates = (await db.Set<AuditEngagementRow>().AsNoTracking().Select(a => a.Id).ToListAsync(ct)).Where(a => a.ToString("D").StartsWith(text, StringComparison.Ordinal)).ToList();
            if (candidates.Count == 1)
            {
                var only = candidates[0];
                row = await db.Set<AuditEngagementRow>().FirstOrDefaultAsync(a => a.Id == only, ct);
            }
        }

        if (row is null || (principal is not null && !await VisibleAsync(db, row, principal, ct)))
        {
            throw new DomainException(AuditErrors.Unknown, $"no audit {Echo.Quote(audit ?? string.Empty)}");
        }

        return row;
    }

    /// <summary>
    /// Who takes part in an audit: the practice's admins and auditors, the auditing organization's
    /// auditors, the named adjudicator, and the admins and leads of a vendor that coded a sampled encounter.
    /// </summary>
    private static async Task<bool> VisibleAsync(CodeLedgerDbContext db, AuditEngagementRow row, Principal principal, CancellationToken ct)
    {
        if (string.Equals(principal.UserName, row.Adjudicator, StringComparison.Ordinal))
        {
            return true;
        }

        switch (principal.Role)
        {
            case UserRole.PracticeAdmin:
                return principal.OrganizationId == row.PracticeId;
            case UserRole.Auditor:
                return principal.OrganizationId == row.AuditorOrganizationId || principal.OrganizationId == row.PracticeId;
            case UserRole.VendorAdmin or UserRole.CodingLead:
                return (await SampleVendorsAsync(db, row.Id, ct)).Contains(principal.OrganizationId);
            default:
                return false;
        }
    }

    private static async Task<HashSet<Guid>> SampleVendorsAsync(CodeLedgerDbContext db, Guid audit, CancellationToken ct)
    {
        var encounters = db.Set<AuditSampleMemberRow>().Where(m => m.AuditId == audit).Select(m => m.EncounterId);
        var vendors = await db.Set<WorkItem>().IgnoreQueryFilters().AsNoTracking().Where(w => encounters.Contains(w.EncounterId)).Select(w => w.VendorId).Distinct().ToListAsync(ct);
        vendors.AddRange(await db.VendorClaimCodings.IgnoreQueryFilters().AsNoTracking().Where(v => encounters.Contains(v.EncounterId)).Select(v => v.VendorId).Distinct().ToListAsync(ct));
        return [.. vendors];
    }

    /// <summary>The vendors whose coding of an encounter an audit compares: the vendor that finalized it in CodeLedger, and any whose claim for it was imported.</summary>
    private static async Task<HashSet<Guid>> EncounterVendorsAsync(CodeLedgerDbContext db, Guid encounter, CancellationToken ct)
    {
        var vendors = await db.Set<WorkItem>().IgnoreQueryFilters().AsNoTracking().Where(w => w.EncounterId == encounter && w.FinalCodingVersion != null).Select(w => w.VendorId).ToListAsync(ct);
        vendors.AddRange(await db.VendorClaimCodings.IgnoreQueryFilters().AsNoTracking().Where(v => v.EncounterId == encounter).Select(v => v.VendorId).ToListAsync(ct));
        return [.. vendors];
    }

    private static void RequireAuditor(AuditEngagementRow row, Principal principal, string work)
    {
        if (principal.Role != UserRole.Auditor || principal.OrganizationId != row.AuditorOrganizationId)
        {
            throw new DomainException(TenancyErrors.RoleRefused, $"only an auditor of the auditing organization may {work}; {principal.UserName} may not");
        }
    }

    /// <summary>The sampled member an encounter reference (the practice's encounter id, or the internal id) names; AUDIT-NOT-IN-SAMPLE otherwise, for any encounter outside the sample alike.</summary>
    private static Task<AuditPopulationMember> MemberAsync(CodeLedgerDbContext db, AuditEngagementRow row, AuditSample sample, string encounter, CancellationToken ct)
    {
        var text = (encounter ?? string.Empty).Trim();
        var byKey = sample.Members.FirstOrDefault(m => string.Equals(m.Member.EncounterKey, text, StringComparison.Ordinal))
            ?? (Guid.TryParse(text, out var id) ? sample.Find(id) : null);
        return byKey is not null ? Task.FromResult(byKey.Member) : throw new DomainException(AuditErrors.NotInSample, $"encounter {Echo.Quote(text)} is not in audit {row.Id:D}'s sample");
    }

    private static async Task<AuditSummary> SummaryAsync(CodeLedgerDbContext db, AuditEngagementRow row, CancellationToken ct)
    {
        var codes = await db.Organizations.AsNoTracking().Where(o => o.Id == row.PracticeId || o.Id == row.AuditorOrganizationId).ToDictionaryAsync(o => o.Id, o => o.Code, ct);
        var sampled = await db.Set<AuditSampleMemberRow>().CountAsync(m => m.AuditId == row.Id, ct);
        var recorded = await db.Set<AuditCodingRow>().CountAsync(c => c.AuditId == row.Id, ct);
        var grantTo = await db.Set<AuditGrant>().IgnoreQueryFilters().AsNoTracking().Where(g => g.Id == row.GrantId).Select(g => g.To).FirstOrDefaultAsync(ct);
        return Summary(row, codes[row.PracticeId], codes[row.AuditorOrganizationId], Plan(row), sampled, recorded, grantTo);
    }

    private static AuditSummary Summary(AuditEngagementRow row, string practice, string auditor, AuditPlan plan, int sampled, int recorded, DateTimeOffset grantTo) =>
        new(row.Id, practice, auditor, row.Kind, row.Adjudicator, plan.Describe(), row.FrameSize, sampled, recorded, row.CreatedBy, Instants.Format(row.CreatedAt), Instants.Format(grantTo));
}
