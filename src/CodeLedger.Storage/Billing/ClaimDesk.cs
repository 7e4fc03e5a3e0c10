using System.Globalization;
using System.Security.Cryptography;
using CodeLedger.Core.Accounts;
using CodeLedger.Core.Billing;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;
using CodeLedger.Core.Edits;
using CodeLedger.Core.Ledger.Events;
using CodeLedger.Core.Organizations;
using CodeLedger.Core.Workflow;
using CodeLedger.Storage.Ledger;
using CodeLedger.Storage.Tenancy;
using CodeLedger.Storage.X12;
using CodeLedger.X12.Acknowledgments;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Billing;

/// <summary>One 837P <c>claims submit</c> wrote: its name, SHA-256, payer, receiver, ISA13 and how many claims; <see cref="Content"/> is not serialized.</summary>
public sealed record SubmittedFile(string FileName, string Sha256, string PayerCode, string ReceiverId, int InterchangeControlNumber, int Claims)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public byte[] Content { get; init; } = [];
}

/// <summary>
/// What <c>claims submit</c> did: claims built (new originals), rebuilt (fix-queue or ready claims
/// whose assembly changed), resent (new submissions of rejected claims, sent or held), ready and held in the fix queue after it (with how many claims each
/// error finding code holds), and the files written, each already in the outbox.
/// </summary>
public sealed record ClaimSubmitSummary(
    string Practice,
    int Built,
    int Rebuilt,
    int Resent,
    int Submitted,
    int FixQueue,
    IReadOnlyDictionary<string, int> FixQueueByFinding,
    IReadOnlyList<SubmittedFile> Files,
    string Outbox);

/// <summary>A claim as <c>claims list</c>, <c>claims show</c> and <c>claims fixes</c> print it (no PHI: ids, codes, charges, findings).</summary>
public sealed record ClaimView(
    string ClaimId,
    string Encounter,
    int Submission,
    int Frequency,
    string? Replaces,
    string Status,
    string? PayerCode,
    string? PayerClaimControlNumber,
    string? TotalCharge,
    IReadOnlyList<ClaimLineRow> Lines,
    IReadOnlyList<ClaimFindingRow> Findings,
    DateTimeOffset BuiltAt,
    string BuiltBy,
    DateTimeOffset? SubmittedAt,
    string? FileName,
    int? InterchangeControlNumber);

/// <summary>
/// Claims out (docs/BILLING.md, "Claims submit"): builds each finalized encounter's claim with
/// <see cref="ClaimAssembler"/>, keeps held ones in the fix queue and re-assembles them on every
/// submit, batches the ready ones with <see cref="ClaimBatcher"/> into 837P files, and builds
/// replacements and voids. Every change is one <see cref="CodeLedgerStore.WriteAsync{T}"/> with its
/// <c>claim.*</c> events; the files reach the outbox only after it commits.
/// </summary>
public sealed class ClaimDesk(CodeLedgerStore store, ClaimEditor editor, Func<Guid>? newId = null)
{
    private readonly Func<Guid> _newId = newId ?? Guid.NewGuid;
    private readonly ClaimAssembler _assembler = new(editor);

    /// <summary>The default outbox: a folder beside the SQLite database (<c>codeledger.db.outbox/</c>); PostgreSQL needs <c>--out</c>.</summary>
    public static string? DefaultOutbox(CodeLedgerStore store) => store.Location.SqlitePath is { } path ? Path.GetFullPath(path) + ".outbox" : null;

    public async Task<ClaimSubmitSummary> SubmitAsync(string practiceCode, Principal principal, string outbox, CancellationToken ct = default)
    {
        // One instant for the whole write: a retried attempt stamps and writes the same bytes.
        var now = Instants.Now(store.Time);
        var clock = new FixedTime(now);
        var result = await store.WriteAsync(principal, async (db, ledger) =>
        {
            var practice = await PracticeAsync(db, principal, practiceCode, "submitting claims", ct);
            var context = await BillingContext.LoadAsync(db, practice, ct);
            var finalized = await db.Set<WorkItem>().AsNoTracking()
                .Where(w => w.PracticeId == practice.Id && w.Status == WorkStatus.Finalized)
                .Select(w => new ClaimSubmitPlan.FinalizedWork(w.EncounterId, w.FinalCodingVersion)).ToListAsync(ct);
            var claims = await db.Set<ClaimRow>().Where(c => c.PracticeId == practice.Id).ToListAsync(ct);
            var plan = ClaimSubmitPlan.Of(finalized, claims.Select(PlanView));
            var inputs = await EncounterInputs.LoadAsync(db, plan.Encounters, ct);
            var rows = claims.ToDictionary(c => c.Id);

            var originals = plan.Originals(id => inputs.Encounter(id).ExternalId);
            var ready = new List<(ClaimRow Row, AssembledClaim Claim)>();
            foreach (var original in originals)
            {
                var (row, assembled) = Build(context, inputs, original.EncounterId, ClaimSubmissions.First, ClaimFrequency.Original, null, null, original.CodingVersion, principal, now);
                db.Add(row);
                ledger.Append(inputs.Encounter(original.EncounterId).ExternalId, BuiltEvent(row));
                if (assembled.Status == ClaimStatus.Ready)
                {
                    ready.Add((row, assembled));
                }
            }

            var rebuilt = 0;
            foreach (var rebuild in plan.Rebuilds)
            {
                var row = rows[rebuild.Claim.Id];
                var assembled = Assemble(context, inputs, row.EncounterId, row.Submission, row.Frequency, row.PayerClaimControlNumber, rebuild.CodingVersion);
                var before = Content(row);
                Fill(row, assembled, rebuild.CodingVersion, inputs.Encounter(row.EncounterId).DateOfService);
                if (ClaimContent.Changed(before, Content(row)))
                {
                    rebuilt++;
                    ledger.Append(inputs.Encounter(row.EncounterId).ExternalId, new ClaimRebuilt(row.Id, row.ClaimId, row.CodingVersion, row.Status.Name(),
                        row.PayerCode, row.PayerId, row.TotalCharge?.ToString(), Lines(row), Findings(row)));
                }

                if (assembled.Status == ClaimStatus.Ready)
                {
                    ready.Add((row, assembled));
                }
            }

            // A resend is built from what the database holds now (the practice fixed the coverage, the
            // payer id, the profile...): clean, it goes in this submit's files; still in error, it waits
            // in the fix queue with the findings, rebuilt like any held claim.
            foreach (var resubmission in plan.Resends)
            {
                var encounterId = resubmission.Rejected.EncounterId;
                var resend = resubmission.Resend;
                var (again, assembled) = Build(context, inputs, encounterId, resubmission.Submission, resend.Frequency, resend.RejectedClaimId, resend.PayerClaimControlNumber,
                    resend.CodingVersion, principal, now);
                db.Add(again);
                ledger.Append(inputs.Encounter(encounterId).ExternalId, BuiltEvent(again));
                if (assembled.Status == ClaimStatus.Ready)
                {
                    ready.Add((again, assembled));
                }
            }

            var files = new List<SubmittedFile>();
            var batches = ClaimBatcher.Plan(ready.Select(r => r.Claim));
            if (batches.Count > 0)
            {
                var submitter = ClaimSending.RequireSubmitter(context.Profile?.ToSubmitter(), practice.Code);
                var numbers = await X12ControlNumbers.ReserveAsync(db, ledger, [.. batches.Select(b => ClaimSending.Parties(b, submitter))], null, ct);
                var readyRows = ready.ToDictionary(r => r.Claim.ClaimId, r => r.Row, StringComparer.Ordinal);
                for (var i = 0; i < batches.Count; i++)
                {
                    var file = ClaimBatcher.Write(batches[i], submitter, ClaimSending.Numbers(numbers[i]), clock);
                    var sha = Convert.ToHexStringLower(SHA256.HashData(file.Content));

                    // Checked before the commit, so a clash leaves the claims ready rather than submitted without their file.
                    Outbox.Check(Folder(outbox, practice), file.FileName, file.Content);
                    var sent = ClaimSending.Stamp(batches[i], numbers[i], file.FileName, now);
                    foreach (var c in batches[i].Claims)
                    {
                        var row = readyRows[c.ClaimId];
                        (row.Status, row.SubmittedAt, row.InterchangeControlNumber, row.GroupControlNumber, row.TransactionControlNumber, row.ReceiverId, row.FileName) =
                            (sent.Status, sent.SubmittedAt, sent.Interchange, sent.Group, sent.Transaction, sent.ReceiverId, sent.FileName);
                    }

                    ledger.Append(practice.Code, new ClaimsSubmitted(practice.Id, file.FileName, sha, sent.ReceiverQualifier,
                        sent.ReceiverId, sent.Interchange, sent.Group, sent.Transaction, now, [.. batches[i].Claims.Select(c => c.ClaimId)]));
                    files.Add(new SubmittedFile(file.FileName, sha, batches[i].Payer.Code, sent.ReceiverId, sent.Interchange, batches[i].Claims.Count) { Content = file.Content });
                }
            }

            var all = claims.Concat(db.ChangeTracker.Entries<ClaimRow>().Where(e => e.State == EntityState.Added).Select(e => e.Entity));
            var fixQueue = ClaimFixQueue.Of(all.Select(c => new ClaimFixQueue.Claim(c.Status, c.Findings.Select(f => (f.Code, f.Severity)))));
            return new ClaimSubmitSummary(practice.Code, originals.Count, rebuilt, plan.Resends.Count, files.Sum(f => f.Claims),
                fixQueue.Held, fixQueue.ByFinding, files, Folder(outbox, practice));
        }, ct);

        foreach (var file in result.Files)
        {
            Outbox.Write(result.Outbox, file.FileName, file.Content);
        }

        return result;
    }

    /// <summary>
    /// <c>claims correct</c> (<see cref="ClaimFrequency.Replacement"/>, from the current final coding) and
    /// <c>claims void</c> (<see cref="ClaimFrequency.Void"/>, the voided claim's lines): a new claim with the
    /// next submission number that replaces <paramref name="claimId"/>, ready or in the fix queue; the next
    /// submit sends it.
    /// </summary>
    public async Task<ClaimView> CorrectAsync(string practiceCode, Principal principal, string claimId, string payerClaimNumber, ClaimFrequency frequency, CancellationToken ct = default)
    {
        var now = Instants.Now(store.Time);
        var work = frequency == ClaimFrequency.Void ? "voiding a claim" : "correcting a claim";
        return await store.WriteAsync(principal, async (db, ledger) =>
        {
            var practice = await PracticeAsync(db, principal, practiceCode, work, ct);
            var target = await FindAsync(db, practice, claimId, ct);
            var siblings = await db.Set<ClaimRow>().AsNoTracking().Where(c => c.EncounterId == target.EncounterId).ToListAsync(ct);
            ClaimCorrection.Check(Sent(target), siblings.Select(Sent), frequency);
            var finalVersion = await db.Set<WorkItem>().AsNoTracking().Where(w => w.EncounterId == target.EncounterId).Select(w => w.FinalCodingVersion).FirstOrDefaultAsync(ct);
            var version = ClaimCorrection.CodingVersion(frequency, target.CodingVersion, finalVersion);

            var context = await BillingContext.LoadAsync(db, practice, ct);
            var inputs = await EncounterInputs.LoadAsync(db, [target.EncounterId], ct);
            var (row, _) = Build(context, inputs, target.EncounterId, ClaimSubmissions.Next(siblings.Select(s => s.Submission)), frequency, target.ClaimId, payerClaimNumber.Trim(), version, principal, now);
            db.Add(row);
            ledger.Append(inputs.Encounter(target.EncounterId).ExternalId, BuiltEvent(row));
            if (frequency == ClaimFrequency.Replacement)
            {
                // The corrected claim's open denials are resubmitted and wait on the replacement (docs/REMITTANCE.md, "Work items").
                await Denials.DenialFollowUps.OnCorrectionAsync(db, ledger, practice.Code, practice.Id, target.ClaimId, row.ClaimId, principal.UserName, now, _newId, ct);
            }

            return View(row, inputs.Encounter(target.EncounterId).ExternalId);
        }, ct);
    }

    /// <summary>The practice's claims, newest submission of each encounter last, optionally of one status.</summary>
    public async Task<IReadOnlyList<ClaimView>> ListAsync(string practiceCode, Principal principal, ClaimStatus? status, CancellationToken ct = default)
    {
        await using var db = await store.CreateContextAsync(principal, ct);
        var practice = await PracticeAsync(db, principal, practiceCode, "reading claims", ct);
        var query = db.Set<ClaimRow>().AsNoTracking().Where(c => c.PracticeId == practice.Id);
        if (status is { } s)
        {
            query = query.Where(c => c.Status == s);
        }

        var rows = await query.ToListAsync(ct);
        var ids = rows.Select(r => r.EncounterId).Distinct().ToList();
        var keys = await db.Encounters.IgnoreQueryFilters().AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.ExternalId, ct);
        return [.. rows.OrderBy(r => keys[r.EncounterId], StringComparer.Ordinal).ThenBy(r => r.Submission).Select(r => View(r, keys[r.EncounterId]))];
    }

    /// <summary>
    /// <c>claims fixes</c>: what keeps the practice's claims from the payer. Claims in the fix queue
    /// with their findings, and rejected claims not yet resent with the acknowledgment's reasons
    /// (their findings after assembly's); the next submit resends those.
    /// </summary>
    public async Task<IReadOnlyList<ClaimView>> FixesAsync(string practiceCode, Principal principal, CancellationToken ct = default)
    {
        var all = await ListAsync(practiceCode, principal, null, ct);
        var fix = ClaimFixQueue.ToFix(all.Select(c => new ClaimResend.Claim(c.ClaimId, ClaimStatusNames.Parse(c.Status), c.Replaces)));
        return [.. all.Where(c => fix.Contains(c.ClaimId))];
    }

    public async Task<ClaimView> ShowAsync(string practiceCode, Principal principal, string claimId, CancellationToken ct = default)
    {
        await using var db = await store.CreateContextAsync(principal, ct);
        var practice = await PracticeAsync(db, principal, practiceCode, "reading claims", ct);
        var row = await FindAsync(db, practice, claimId, ct);
        var key = await db.Encounters.IgnoreQueryFilters().AsNoTracking().Where(e => e.Id == row.EncounterId).Select(e => e.ExternalId).FirstAsync(ct);
        return View(row, key);
    }

    private static async Task<Organization> PracticeAsync(CodeLedgerDbContext db, Principal principal, string practiceCode, string work, CancellationToken ct)
    {
        var code = practiceCode.Trim();
        var named = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, ct);
        ClaimAccess.Require(principal, db.Tenant, named?.Kind == OrganizationKind.Practice ? named.Id : null, code, work);
        return named!;
    }

    private static async Task<ClaimRow> FindAsync(CodeLedgerDbContext db, Organization practice, string claimId, CancellationToken ct)
    {
        var id = claimId.Trim();
        return await db.Set<ClaimRow>().FirstOrDefaultAsync(c => c.PracticeId == practice.Id && c.ClaimId == id, ct)
            ?? throw new DomainException(BillingErrors.ClaimUnknown, $"practice {practice.Code} has no claim {Echo.Quote(id)}");
    }

    /// <summary>Each practice has its own folder in the outbox: two practices' files to one partner may share a name (each ETIN counts from 1).</summary>
    private static string Folder(string outbox, Organization practice) => Path.Combine(outbox, practice.Code);

    private static ClaimCorrection.Sent Sent(ClaimRow c) => new(c.ClaimId, c.Frequency, c.Status, c.ReplacesClaimId);

    private static ClaimSubmitPlan.ExistingClaim PlanView(ClaimRow c) =>
        new(c.Id, c.EncounterId, c.ClaimId, c.Submission, c.Frequency, c.Status, c.CodingVersion, c.ReplacesClaimId, c.PayerClaimControlNumber);

    private (ClaimRow Row, AssembledClaim Claim) Build(BillingContext context, EncounterInputs inputs, Guid encounterId, int submission, ClaimFrequency frequency,
        string? replaces, string? payerClaimNumber, int codingVersion, Principal principal, DateTimeOffset now)
    {
        var assembled = Assemble(context, inputs, encounterId, submission, frequency, payerClaimNumber, codingVersion);
        var row = new ClaimRow
        {
            Id = _newId(), PracticeId = context.Practice.Id, EncounterId = encounterId, ClaimId = assembled.ClaimId, Submission = submission,
            Frequency = frequency, ReplacesClaimId = replaces, PayerClaimControlNumber = payerClaimNumber, BuiltAt = now, BuiltBy = principal.UserName,
        };
        Fill(row, assembled, codingVersion, inputs.Encounter(encounterId).DateOfService);
        return (row, assembled);
    }

    private AssembledClaim Assemble(BillingContext context, EncounterInputs inputs, Guid encounterId, int submission, ClaimFrequency frequency,
        string? payerClaimNumber, int codingVersion)
    {
        var encounter = inputs.Encounter(encounterId);
        var coding = inputs.Coding(encounterId, codingVersion);
        FinalizedCoding finalized;
        try
        {
            finalized = FinalizedCoding.From(coding);
        }
        catch (DomainException e) when (AssembledClaim.HoldsOnlyTheClaim(e))
        {
            return AssembledClaim.HeldBy(e, context.Practice.Code, encounter.ExternalId, submission, frequency);
        }

        var coverage = inputs.Coverage(encounterId);
        var physician = inputs.Physician(encounter.PhysicianId);
        var request = new ClaimRequest(context.Practice.Code, encounter.ExternalId, submission, frequency, payerClaimNumber, encounter.DateOfService,
            encounter.PlaceOfService.Value, encounter.Patient, coverage?.PatientAddress, coverage?.Policy, context.Payers,
            context.Profile?.ToIdentity(context.Practice.Name) ?? new BillingIdentity(context.Practice.Name, string.Empty, string.Empty, null),
            physician is null ? new RenderingPhysician(string.Empty, string.Empty, string.Empty) : RenderingPhysician.FromRoster(physician.Npi.Value, physician.Name, physician.Taxonomy.Value),
            finalized, FeeSchedule.InForceOn(context.FeeSchedules, encounter.DateOfService));
        return _assembler.Assemble(request);
    }

    private static void Fill(ClaimRow row, AssembledClaim claim, int codingVersion, DateOnly dateOfService)
    {
        row.CodingVersion = codingVersion;
        row.Status = claim.Status;
        row.PayerCode = claim.Payer?.Code;
        row.PayerId = claim.Payer?.PayerId;
        row.TotalCharge = claim.TotalCharge is { } t ? Money.FromDecimal(t) : null;
        row.Lines = [.. claim.Lines.Select(l => new ClaimLineRow(l.Number, ClaimId.LineItemControlNumber(claim.ClaimId, l.Number), l.Coded.Code.Value,
            [.. l.Coded.Modifiers.Select(m => m.Value)], l.Coded.Units, [.. l.Coded.Pointers], dateOfService, l.Fee, l.Charge))];
        row.Findings = [.. claim.Findings.Select(f => new ClaimFindingRow(f.Code, f.Severity == EditSeverity.Error ? "error" : "warning", f.Line, f.Message))];
    }

    /// <summary>The claim.built event of a row as built (public: tests that store a claim by hand ledger it exactly as submit does).</summary>
    public static ClaimBuilt BuiltEvent(ClaimRow row) =>
        new(row.Id, row.PracticeId, row.EncounterId, row.ClaimId, row.Submission, (int)row.Frequency, row.ReplacesClaimId, row.PayerClaimControlNumber,
            row.CodingVersion, row.Status.Name(), row.PayerCode, row.PayerId, row.TotalCharge?.ToString(), Lines(row), Findings(row));

    internal static IReadOnlyList<ClaimBuilt.Line> Lines(ClaimRow row) =>
        [.. row.Lines.Select(l => new ClaimBuilt.Line(l.Number, l.Code, l.Modifiers, l.Units, l.Pointers, l.DateOfService, Amount(l.Fee), Amount(l.Charge), l.LineItemControlNumber))];

    internal static IReadOnlyList<ClaimBuilt.Finding> Findings(ClaimRow row) =>
        [.. row.Findings.Select(f => new ClaimBuilt.Finding(f.Code, f.Severity, f.Line, f.Message))];

    /// <summary>Dollars with cents (<c>125.00</c>), as the ledger and the stored rows write amounts.</summary>
    internal static string? Amount(decimal? value) => value is { } v ? Money.FromDecimal(v).ToString() : null;

    /// <summary>A row's content as <see cref="ClaimContent.Changed"/> compares it (and as claim.rebuilt records it).</summary>
    private static ClaimContent Content(ClaimRow row) =>
        new(row.CodingVersion, row.Status.Name(), row.PayerCode, row.PayerId, row.TotalCharge?.ToString(), Lines(row), Findings(row));

    private static ClaimView View(ClaimRow r, string encounter) =>
        new(r.ClaimId, encounter, r.Submission, (int)r.Frequency, r.ReplacesClaimId, r.Status.Name(), r.PayerCode, r.PayerClaimControlNumber, r.TotalCharge?.ToString(),
            r.Lines, r.Findings, r.BuiltAt, r.BuiltBy, r.SubmittedAt, r.FileName, r.InterchangeControlNumber);

    /// <summary>A clock stopped at one instant, so every attempt of a write stamps its 837P alike.</summary>
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
