using System.Collections.Concurrent;
using CodeLedger.Core.Accounts;
using CodeLedger.Core.Common;
using CodeLedger.Core.Denials;
using CodeLedger.Core.Ledger.Events;
using CodeLedger.Core.Organizations;
using CodeLedger.Core.Remittances;
using CodeLedger.Core.Workflow;
using CodeLedger.Storage.Billing;
using CodeLedger.Storage.Denials;
using CodeLedger.Storage.Ledger;
using CodeLedger.Storage.Tenancy;
using CodeLedger.Storage.Workflow;
using Microsoft.EntityFrameworkCore;
using BillingStatus = CodeLedger.Core.Billing.ClaimStatus;

namespace CodeLedger.Storage.Remittances;

/// <summary>What <c>import remits</c> did with one file.</summary>
public sealed record RemitImportSummary(
    string Practice,
    string FileName,
    string Sha256,
    int TransactionSets,
    int PaymentsPosted,
    int PaymentsAlreadyPosted,
    int ClaimsMatched,
    int Lines,
    int Adjustments,
    int ProviderAdjustments,
    int Reversals,
    int Denials,
    bool Unbalanced,
    decimal TotalPosted,
    IReadOnlyList<UnmatchedItem> Unmatched,
    IReadOnlyList<string> Warnings);

/// <summary>A CLP in the unmatched queue: the payment (key, file), its position, CLP01, CLP07, CLP02 and amounts; never the patient.</summary>
public sealed record UnmatchedItem(string Payment, string FileName, int Position, string PatientControlNumber, string? PayerClaimControlNumber, string Status,
    decimal Charge, decimal Paid, decimal? PatientResponsibility);

/// <summary>What <c>remits match</c> posted.</summary>
public sealed record RemitMatchSummary(string Practice, string Payment, string PatientControlNumber, string ClaimId, decimal Paid, int Lines, string ClaimStatus, string? Denial);

/// <summary>
/// Posting 835s (docs/REMITTANCE.md, "Storage"): who may (<see cref="RemittanceAccess"/>), the file
/// read whole (<see cref="RemittanceFile"/>), then one write that loads the practice's claims and
/// prior postings as a <see cref="RemittanceBook"/>, plans every transaction set in file order with
/// <see cref="RemittancePoster"/> and saves payments, postings, PLB, unmatched CLPs, denial work
/// items, the claims' status and CLP07, with one <c>remittance.posted</c> event per payment. Any
/// refusal of any set saves nothing. A payment already posted posts nothing and says so.
/// </summary>
public sealed class RemittanceDesk(CodeLedgerStore store, Func<Guid>? newId = null)
{
    private readonly Func<Guid> _newId = newId ?? Guid.NewGuid;

    public async Task<RemitImportSummary> ImportAsync(string practiceCode, Principal principal, string fileName, byte[] bytes, bool acceptUnbalanced, CancellationToken ct = default)
    {
        var now = Instants.Now(store.Time);
        var practice = await PracticeForPostingAsync(practiceCode, principal, "posting an 835", ct);

        // The file is parsed on another core while the write reads the practice's claims and postings
        // (each about a third of the command's CPU, and neither needs the other until the plan). A
        // refused file still refuses the write whole: its error is thrown where the plan awaits it.
        var reading = Task.Run(() => RemittanceFile.Read(fileName, bytes), ct);
        var options = new PostingOptions(acceptUnbalanced);
        var rules = DenialRules.Default;

        return await store.WriteAsync(principal, async (db, ledger) =>
        {
            var restoreCache = await SqlitePragmas.WidenCacheAsync(db, RemittanceBulk.SqliteWriteCacheKiB, ct);
            try
            {
                return await PostAsync(db, ledger);
            }
            finally
            {
                await restoreCache.DisposeAsync();
            }
        }, ct);

        async Task<RemitImportSummary> PostAsync(CodeLedgerDbContext db, LedgerAppender ledger)
        {
            // Read without tracking: posting changes two columns of the claims it posts to, saved in bulk
            // below (RemittanceBulk); tracking every claim of the practice cost more than the posting.
            var (claims, versions) = await ClaimsAsync(db, practice, ct);
            var byClaimId = claims.ToDictionary(c => c.ClaimId, StringComparer.Ordinal);
            var (book, postingIds) = await BookAsync(db, practice, claims, ct);
            var matcher = new RemittanceMatcher(book.Claims);
            var file = await reading;

            // The denial facts of every claim (the encounter's submissions) are worked out on the other
            // core, free now the file is read, while this one plans; they read the claims as loaded, and
            // the rows are changed only after they are awaited below.
            var facting = Task.Run(() => ClaimFacts(claims), ct);

            // Plan every set first: a refusal anywhere leaves nothing saved (and the facts' task ended).
            var plans = new List<(string Set, PostingPlan Plan)>();
            try
            {
                foreach (var set in file.Sets)
                {
                    var plan = RemittancePoster.Plan(set, book, matcher, options);
                    book = book.After(plan);
                    plans.Add((set.Header.ControlNumber, plan));
                }
            }
            catch
            {
                await ((Task)facting).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                throw;
            }

            // Whether a posting opens a denial does not depend on who coded the claim; who owns it does.
            // So the coders of record are looked up for the encounters of denied claims only.
            var denied = plans.Where(p => !p.Plan.AlreadyPosted).SelectMany(p => p.Plan.Claims)
                .Where(c => PostingRecords.Denial(c, rules, coder: null) is not null).Select(c => byClaimId[c.ClaimId]).ToList();
            var coders = await CodersOfRecordAsync(db, denied, ct);
            var facts = await facting;
            var followUp = await PostingFollowUp.LoadAsync(db, practice.Id, ct);
            int posted = 0, already = 0, matched = 0, lines = 0, adjustments = 0, plbCount = 0, reversals = 0, denials = 0;
            decimal total = 0;
            var unmatched = new List<UnmatchedItem>();
            var warnings = new List<string>();
            var unbalanced = false;
            var postingRows = new List<ClaimPostingRow>();
            var denialRows = new List<DenialWorkItemRow>();
            var unmatchedRows = new List<UnmatchedClaimPaymentRow>();
            var changedClaims = new Dictionary<Guid, ClaimRow>();

            // The events are serialized (LedgerAppender.Append) on another core as each payment's is built
            // and while this one writes the rows: both are JSON of the same postings, and neither reads the
            // other. The appender is left to that task alone until it is awaited, so the events keep their
            // order, before the follow-up's.
            using var built = new BlockingCollection<RemittancePosted>();
            var appending = Task.Run(() =>
            {
                foreach (var e in built.GetConsumingEnumerable(ct))
                {
                    ledger.Append(practice.Code, e);
                }
            }, ct);
            try
            {
                foreach (var (set, plan) in plans)
                {
                    warnings.AddRange(plan.Warnings);
                    if (plan.AlreadyPosted)
                    {
                        already++;
                        continue;
                    }

                    posted++;
                    unbalanced |= plan.Unbalanced;
                    var payment = new RemittancePaymentRow
                    {
                        Id = _newId(), PracticeId = practice.Id, PayerId = plan.Payment.PayerId, TraceNumber = plan.Payment.TraceNumber, TotalPayment = plan.TotalPayment,
                        PaymentDate = plan.PaymentDate, FileName = file.FileName, FileSha256 = file.Sha256, TransactionSet = set, Unbalanced = plan.Unbalanced,
                        PostedAt = now, PostedBy = principal.UserName,
                    };
                    db.Add(payment);

                    var postingEvents = new List<RemittancePosted.Posting>(plan.Claims.Count);
                    var denialEvents = new List<RemittancePosted.Denial>();
                    foreach (var c in plan.Claims)
                    {
                        var row = byClaimId[c.ClaimId];
                        var id = _newId();
                        postingIds[(plan.Payment, c.Position)] = id;
                        Guid? reverses = c.Reverses is { } r ? postingIds[(r.Payment, r.Position)] : null;
                        var item = PostingRecords.Denial(c, rules, coders.GetValueOrDefault(row.EncounterId));
                        if (!c.IsReversal)
                        {
                            row.Status = c.IsDenied || (c.Paid == 0 && item is not null) ? BillingStatus.Denied : BillingStatus.Paid;
                            row.PayerClaimControlNumber ??= c.PayerClaimControlNumber;
                            changedClaims[row.Id] = row;
                        }

                        var e = PostingEvent(id, row, c, reverses, matchedByHand: false, facts[row.Id]);
                        postingEvents.Add(e);
                        postingRows.Add(PostingRow(id, payment, e, now));
                        if (followUp.Answer(row.ClaimId, id, c.IsReversal, item))
                        {
                            var denial = PostingRecords.Record(_newId(), id, item!);
                            denialEvents.Add(denial);
                            denialRows.Add(DenialRow(practice.Id, denial, now));
                        }

                        matched++;
                        reversals += c.IsReversal ? 1 : 0;
                        lines += c.Lines.Count;
                        adjustments += c.ClaimAdjustments.Count + c.Lines.Sum(l => l.Adjustments.Count);
                    }

                    var plbEvents = new List<RemittancePosted.ProviderAdjustment>(plan.ProviderAdjustments.Count);
                    foreach (var p in plan.ProviderAdjustments)
                    {
                        var e = new RemittancePosted.ProviderAdjustment(_newId(), p.Position, p.ProviderId, p.FiscalPeriodEnd, p.Reason, p.Reference, p.Amount, p.ClaimId);
                        plbEvents.Add(e);
                        db.Add(new ProviderAdjustmentRow
                        {
                            Id = e.Id, PaymentId = payment.Id, PracticeId = practice.Id, Position = e.Position, ProviderId = e.ProviderId, FiscalPeriodEnd = e.FiscalPeriodEnd,
                            Reason = e.Reason, Reference = e.Reference, Amount = e.Amount, ClaimId = e.ClaimId,
                        });
                    }

                    var unmatchedEvents = new List<RemittancePosted.UnmatchedPayment>(plan.Unmatched.Count);
                    foreach (var u in plan.Unmatched)
                    {
                        var e = PostingRecords.Record(_newId(), u);
                        unmatchedEvents.Add(e);
                        unmatchedRows.Add(UnmatchedRow(payment.Id, practice.Id, e));
                        unmatched.Add(new UnmatchedItem(plan.Payment.ToString(), file.FileName, u.Position, u.PatientControlNumber, u.PayerClaimControlNumber, u.Status, u.Charge, u.Paid, u.PatientResponsibility));
                    }

                    plbCount += plan.ProviderAdjustments.Count;
                    denials += denialEvents.Count;
                    total += plan.NetPayment;
                    built.Add(new RemittancePosted(payment.Id, practice.Id, payment.PayerId, payment.TraceNumber, payment.TotalPayment, payment.PaymentDate,
                        payment.FileName, payment.FileSha256, payment.TransactionSet, payment.Unbalanced, now, postingEvents, plbEvents, unmatchedEvents, denialEvents), ct);
                }

                built.CompleteAdding();

                // The payments (a few rows, tracked) first: the bulk rows refer to them, and denials to postings.
                await db.SaveChangesAsync(ct);
                await RemittanceBulk.InsertAsync(db, postingRows, ct);
                await RemittanceBulk.InsertAsync(db, denialRows, ct);
                await RemittanceBulk.InsertAsync(db, unmatchedRows, ct);
                await RemittanceBulk.UpdateClaimsAsync(db, [.. changedClaims.Values], versions, ct);
            }
            finally
            {
                // Never leave the task running past the write, even when the postings or the rows failed.
                built.CompleteAdding();
                await appending.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            await appending;

            // Items that waited on the payer (resubmitted, appealed) and were answered by these postings:
            // after the postings, which a refiled item names (a foreign key).
            followUp.Save(db, ledger, practice.Code, principal.UserName, now, _newId);
            await db.SaveChangesAsync(ct);
            return new RemitImportSummary(practice.Code, file.FileName, file.Sha256, file.Sets.Count, posted, already, matched, lines, adjustments, plbCount, reversals, denials,
                unbalanced, total, unmatched, warnings);
        }
    }

    /// <summary>
    /// The practice's claims, untracked, and on PostgreSQL the row version (xmin) each was read at, which
    /// <see cref="RemittanceBulk.UpdateClaimsAsync"/> requires still to hold when it saves a posted claim.
    /// </summary>
    private static async Task<(List<ClaimRow> Claims, Dictionary<Guid, uint> Versions)> ClaimsAsync(CodeLedgerDbContext db, Organization practice, CancellationToken ct)
    {
        // Off the data reader on both providers (RemittanceClaimRows): EF Core's materialization of every
        // claim of the practice was about a quarter of the command's CPU.
        return await RemittanceClaimRows.ReadAsync(db, practice.Id, ct);
    }

    /// <summary>The practice's unmatched queue, in posting order; a practice the user does not reach is unknown to them.</summary>
    public async Task<IReadOnlyList<UnmatchedItem>> UnmatchedAsync(string practiceCode, Principal? principal, CancellationToken ct = default)
    {
        await using var db = await store.CreateContextAsync(principal, ct);
        var practice = await ReachedPracticeAsync(db, practiceCode, ct);
        var payments = await db.Set<RemittancePaymentRow>().AsNoTracking().Where(p => p.PracticeId == practice.Id).ToDictionaryAsync(p => p.Id, ct);
        var rows = await db.Set<UnmatchedClaimPaymentRow>().AsNoTracking().Where(u => u.PracticeId == practice.Id).ToListAsync(ct);
        return [.. rows.Select(u => (Row: u, Payment: payments[u.PaymentId])).OrderBy(x => x.Payment.PostedAt).ThenBy(x => x.Payment.TraceNumber, StringComparer.Ordinal).ThenBy(x => x.Row.Position)
            .Select(x => Item(x.Payment, x.Row))];
    }

    /// <summary>
    /// A hand match (<c>remits match</c>): the unmatched CLP of <paramref name="payment"/> (TRN02, or payer id/TRN02)
    /// whose CLP01 is <paramref name="patientControlNumber"/>, posted to the practice's claim
    /// <paramref name="claimId"/> by <see cref="RemittanceMatcher.MatchByHand"/>; the item leaves the queue.
    /// </summary>
    public async Task<RemitMatchSummary> MatchAsync(string practiceCode, Principal principal, string payment, string patientControlNumber, string claimId, CancellationToken ct = default)
    {
        var now = Instants.Now(store.Time);
        var practice = await PracticeForPostingAsync(practiceCode, principal, "matching a payment by hand", ct);
        return await store.WriteAsync(principal, async (db, ledger) =>
        {
            var payments = await db.Set<RemittancePaymentRow>().AsNoTracking().Where(p => p.PracticeId == practice.Id
                && (p.TraceNumber == payment || p.PayerId + "/" + p.TraceNumber == payment)).ToListAsync(ct);
            if (payments.Count > 1)
            {
                throw new DomainException(RemittanceErrors.NotFound,
                    $"trace number {Echo.Quote(payment)} names {payments.Count} payments of practice {practice.Code}; give --payment PAYERID/TRACE ({string.Join(", ", payments.Select(p => p.PayerId + "/" + p.TraceNumber))})");
            }

            var paid = payments.SingleOrDefault()
                ?? throw new DomainException(RemittanceErrors.NotFound, $"practice {practice.Code} has no posted payment {Echo.Quote(payment)} (remits unmatched lists them)");
            var row = await db.Set<UnmatchedClaimPaymentRow>().Where(u => u.PaymentId == paid.Id && u.PatientControlNumber == patientControlNumber)
                .OrderBy(u => u.Position).FirstOrDefaultAsync(ct)
                ?? throw new DomainException(RemittanceErrors.NotFound,
                    $"payment {paid.PayerId}/{paid.TraceNumber} has no unmatched CLP with CLP01 {Echo.Quote(patientControlNumber)} (remits unmatched lists them)");
            var claim = await db.Set<ClaimRow>().FirstOrDefaultAsync(c => c.PracticeId == practice.Id && c.ClaimId == claimId, ct)
                ?? throw new DomainException(RemittanceErrors.NotFound, $"practice {practice.Code} has no claim {Echo.Quote(claimId)}");

            var recorded = new RemittancePosted.UnmatchedPayment(row.Id, row.Position, row.PatientControlNumber, row.PayerClaimControlNumber, row.Status, row.Charge, row.Paid,
                row.PatientResponsibility, row.Adjustments, row.Services);
            var posting = RemittanceMatcher.MatchByHand(PostingRecords.Unmatched(recorded), ToRemitClaim(claim, practice.Code), practice.Code);
            var coders = await CodersOfRecordAsync(db, [claim], ct);
            var item = PostingRecords.Denial(posting, DenialRules.Default, coders.GetValueOrDefault(claim.EncounterId));
            claim.Status = posting.IsDenied || (posting.Paid == 0 && item is not null) ? BillingStatus.Denied : BillingStatus.Paid;
            claim.PayerClaimControlNumber ??= posting.PayerClaimControlNumber;
            var facts = ClaimFacts(await db.Set<ClaimRow>().AsNoTracking().Where(c => c.EncounterId == claim.EncounterId).ToListAsync(ct));

            var id = _newId();
            var e = PostingEvent(id, claim, posting, null, matchedByHand: true, facts[claim.Id]);
            db.Add(PostingRow(id, paid, e, now));
            db.Remove(row);
            var denials = new List<RemittancePosted.Denial>();
            var followUp = await PostingFollowUp.LoadAsync(db, practice.Id, ct);
            if (followUp.Answer(claim.ClaimId, id, posting.IsReversal, item))
            {
                var denial = PostingRecords.Record(_newId(), id, item!);
                denials.Add(denial);
                db.Add(DenialRow(practice.Id, denial, now));
            }

            ledger.Append(practice.Code, new RemittanceMatched(row.Id, paid.Id, practice.Id, now, e, denials));
            followUp.Save(db, ledger, practice.Code, principal.UserName, now, _newId);
            await db.SaveChangesAsync(ct);
            return new RemitMatchSummary(practice.Code, $"{paid.PayerId}/{paid.TraceNumber}", row.PatientControlNumber, claim.ClaimId, posting.Paid, posting.Lines.Count,
                Core.Billing.ClaimStatusNames.Name(claim.Status), item?.RootCause.ToString());
        }, ct);
    }

    /// <summary>
    /// The claims of a practice as the denial figures read them (<see cref="ClaimHistory"/>), from the
    /// claims rows and the postings: the same <see cref="RemittancePosted.ClaimFacts"/> rule as the events record.
    /// </summary>
    internal static async Task<IReadOnlyList<ClaimHistory>> HistoriesAsync(CodeLedgerDbContext db, Organization practice, CancellationToken ct)
    {
        var claims = await db.Set<ClaimRow>().AsNoTracking().Where(c => c.PracticeId == practice.Id).ToListAsync(ct);
        var facts = ClaimFacts(claims);
        var payments = await db.Set<RemittancePaymentRow>().AsNoTracking().Where(p => p.PracticeId == practice.Id).ToDictionaryAsync(p => p.Id, ct);
        var postings = await db.Set<ClaimPostingRow>().AsNoTracking().Where(p => p.PracticeId == practice.Id).ToListAsync(ct);
        var byId = postings.ToDictionary(p => p.Id);
        // The order replay folds them in (ReplayedState.DenialReport): posted at, transaction set, CLP position.
        var byClaim = postings.OrderBy(p => p.PostedAt).ThenBy(p => payments[p.PaymentId].TransactionSet, StringComparer.Ordinal).ThenBy(p => p.Position).ToLookup(p => p.ClaimRowId);
        return [.. claims.Select(c =>
        {
            var f = facts[c.Id];
            return new ClaimHistory(c.ClaimId, practice.Code, f.PayerId, f.ServiceDate, f.FirstSubmitted, f.Charge, f.AcceptedOnFirstAcknowledgment, f.Submissions,
                [.. byClaim[c.Id].Select(p => new DatedPosting(PostingRecords.PostedOn(payments[p.PaymentId].PaymentDate, payments[p.PaymentId].PostedAt),
                    ToPosting(p, byId, payments)))]);
        })];
    }

    private async Task<Organization> PracticeForPostingAsync(string practiceCode, Principal principal, string work, CancellationToken ct)
    {
        await using var db = store.CreateContext();

        // A user of another organization learns nothing about the practice, not even that it exists.
        var named = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == practiceCode.Trim(), ct);
        RemittanceAccess.RequirePost(principal, named?.Kind == OrganizationKind.Practice ? named.Id : Guid.Empty, practiceCode.Trim(), work);
        return named!;
    }

    internal static async Task<Organization> ReachedPracticeAsync(CodeLedgerDbContext db, string practiceCode, CancellationToken ct)
    {
        var named = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == practiceCode.Trim(), ct);
        if (named is null || named.Kind != OrganizationKind.Practice || !(db.Tenant.IsUnrestricted || db.Tenant.PracticeIds.Contains(named.Id)))
        {
            throw new DomainException(OrganizationErrors.Unknown, $"no practice with code '{practiceCode.Trim()}'");
        }

        return named;
    }

    private static UnmatchedItem Item(RemittancePaymentRow p, UnmatchedClaimPaymentRow u) =>
        new($"{p.PayerId}/{p.TraceNumber}", p.FileName, u.Position, u.PatientControlNumber, u.PayerClaimControlNumber, u.Status, u.Charge, u.Paid, u.PatientResponsibility);

    /// <summary>What posting knows of the practice: its claims, the payments posted and every claim posting, with each posting's id by (payment, position).</summary>
    private static async Task<(RemittanceBook Book, Dictionary<(PaymentKey, int), Guid> PostingIds)> BookAsync(CodeLedgerDbContext db, Organization practice, List<ClaimRow> claims,
        CancellationToken ct)
    {
        var payments = await db.Set<RemittancePaymentRow>().AsNoTracking().Where(p => p.PracticeId == practice.Id).ToDictionaryAsync(p => p.Id, ct);
        var postings = await db.Set<ClaimPostingRow>().AsNoTracking().Where(p => p.PracticeId == practice.Id).ToListAsync(ct);
        var byId = postings.ToDictionary(p => p.Id);
        var ids = new Dictionary<(PaymentKey, int), Guid>();
        var prior = new List<PriorPosting>(postings.Count);
        foreach (var p in postings.OrderBy(p => p.PostedAt).ThenBy(p => payments[p.PaymentId].TraceNumber, StringComparer.Ordinal).ThenBy(p => p.Position))
        {
            var key = Key(payments[p.PaymentId]);
            ids[(key, p.Position)] = p.Id;
            prior.Add(new PriorPosting(key, ToPosting(p, byId, payments)));
        }

        var book = new RemittanceBook([.. claims.Select(c => ToRemitClaim(c, practice.Code))], payments.Values.ToDictionary(Key, p => p.TotalPayment), prior);
        return (book, ids);
    }

    private static PaymentKey Key(RemittancePaymentRow p) => new(p.PayerId, p.TraceNumber);

    private static Core.Remittances.ClaimPosting ToPosting(ClaimPostingRow p, Dictionary<Guid, ClaimPostingRow> byId, Dictionary<Guid, RemittancePaymentRow> payments)
    {
        ReversalOf? reverses = p.ReversesPostingId is { } r && byId.TryGetValue(r, out var undone) ? new ReversalOf(Key(payments[undone.PaymentId]), undone.Position) : null;
        return PostingRecords.Posting(p.Position, p.ClaimId, p.PayerClaimControlNumber, p.Status, p.Charge, p.Paid, p.PatientResponsibility, p.Adjustments, p.Lines, reverses);
    }

    internal static RemitClaim ToRemitClaim(ClaimRow c, string practice) =>
        new(c.ClaimId, practice, c.PayerId ?? c.PayerCode ?? string.Empty, c.PayerClaimControlNumber, c.TotalCharge?.Amount ?? c.Lines.Sum(l => l.Charge ?? 0m),
            [.. c.Lines.Select(l => new RemitClaimLine(l.Number, string.IsNullOrEmpty(l.LineItemControlNumber) ? null : l.LineItemControlNumber, l.Code, l.Modifiers, l.Units,
                l.DateOfService, l.Charge ?? 0m))]);

    /// <summary>
    /// The claim as the denial figures read it: payer, date of service (its first line's), the day its
    /// encounter's first claim was submitted (else built), charge, the encounter's submissions, and
    /// whether the first acknowledgment accepted it (submitted once, never rejected).
    /// </summary>
    internal static Dictionary<Guid, RemittancePosted.ClaimFacts> ClaimFacts(IReadOnlyList<ClaimRow> claims)
    {
        var byEncounter = claims.ToLookup(c => c.EncounterId);
        return claims.ToDictionary(c => c.Id, c =>
        {
            var chain = byEncounter[c.EncounterId].OrderBy(x => x.Submission).ToList();
            var first = chain[0];
            var submitted = first.SubmittedAt ?? first.BuiltAt;
            var serviceDate = c.Lines.Count > 0 ? c.Lines.Min(l => l.DateOfService) : DateOnly.FromDateTime(c.BuiltAt.UtcDateTime);
            return new RemittancePosted.ClaimFacts(c.PayerId ?? c.PayerCode ?? string.Empty, serviceDate, DateOnly.FromDateTime(submitted.UtcDateTime),
                c.TotalCharge?.Amount ?? c.Lines.Sum(l => l.Charge ?? 0m), chain.Count, chain.Count == 1 && c.Status != BillingStatus.Rejected);
        });
    }

    /// <summary>The user name of the coder who coded each encounter (its work item's coder), for coding denials.</summary>
    private static async Task<Dictionary<Guid, string>> CodersOfRecordAsync(CodeLedgerDbContext db, IReadOnlyList<ClaimRow> claims, CancellationToken ct)
    {
        var encounters = claims.Select(c => c.EncounterId).Distinct().ToList();
        var result = new Dictionary<Guid, string>();
        foreach (var chunk in encounters.Chunk(500))
        {
            var items = await db.Set<WorkItem>().IgnoreQueryFilters().AsNoTracking().Where(w => chunk.Contains(w.EncounterId) && w.CoderId != null)
                .Join(db.Coders.IgnoreQueryFilters(), w => w.CoderId, c => c.Id, (w, c) => new { w.EncounterId, c.UserName }).ToListAsync(ct);
            foreach (var i in items)
            {
                result[i.EncounterId] = i.UserName;
            }
        }

        return result;
    }

    private static RemittancePosted.Posting PostingEvent(Guid id, ClaimRow claim, Core.Remittances.ClaimPosting c, Guid? reverses, bool matchedByHand, RemittancePosted.ClaimFacts facts) =>
        new(id, claim.Id, c.ClaimId, c.Position, c.Status, c.Charge, c.Paid, c.PatientResponsibility, c.PayerClaimControlNumber, reverses, matchedByHand,
            [.. c.ClaimAdjustments.Select(PostingRecords.Record)], [.. c.Lines.Select(PostingRecords.Record)], Core.Billing.ClaimStatusNames.Name(claim.Status), facts);

    private static ClaimPostingRow PostingRow(Guid id, RemittancePaymentRow payment, RemittancePosted.Posting e, DateTimeOffset now) => new()
    {
        Id = id, PaymentId = payment.Id, PracticeId = payment.PracticeId, ClaimRowId = e.Claim, ClaimId = e.ClaimId, Position = e.Position, Status = e.Status,
        Charge = e.Charge, Paid = e.Paid, PatientResponsibility = e.PatientResponsibility, PayerClaimControlNumber = e.PayerClaimControlNumber,
        ReversesPostingId = e.Reverses, MatchedByHand = e.MatchedByHand, Adjustments = [.. e.Adjustments], Lines = [.. e.Lines], PostedAt = now,
    };

    private static UnmatchedClaimPaymentRow UnmatchedRow(Guid payment, Guid practice, RemittancePosted.UnmatchedPayment e) => new()
    {
        Id = e.Id, PaymentId = payment, PracticeId = practice, Position = e.Position, PatientControlNumber = e.PatientControlNumber,
        PayerClaimControlNumber = e.PayerClaimControlNumber, Status = e.Status, Charge = e.Charge, Paid = e.Paid, PatientResponsibility = e.PatientResponsibility,
        Adjustments = [.. e.Adjustments], Services = [.. e.Services],
    };

    private static DenialWorkItemRow DenialRow(Guid practice, RemittancePosted.Denial d, DateTimeOffset now) => new()
    {
        Id = d.Id, PracticeId = practice, PostingId = d.Posting, ClaimId = d.ClaimId, RootCause = d.RootCause, Amount = d.Amount, Team = d.Team, Coder = d.Coder,
        State = nameof(DenialWorkState.Open), OpenedAt = now,
    };
}
