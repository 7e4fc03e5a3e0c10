using CodeLedger.Core.Accounts;
using CodeLedger.Core.Common;
using CodeLedger.Core.Denials;
using CodeLedger.Core.Ledger.Events;
using CodeLedger.Core.Remittances;
using CodeLedger.Storage.Billing;
using CodeLedger.Storage.Ledger;
using CodeLedger.Storage.Remittances;
using CodeLedger.Storage.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Denials;

/// <summary>A work item as <c>denials work</c> lists it: id, claim, encounter, cause, CARCs (group-CARC), amount, owner, state, age in days, last step.</summary>
public sealed record DenialWorkView(
    string Item,
    string Practice,
    string ClaimId,
    string? Encounter,
    string RootCause,
    IReadOnlyList<string> Carcs,
    decimal Amount,
    string Team,
    string? Coder,
    string State,
    int AgeDays,
    DateTimeOffset OpenedAt,
    string? LastStep,
    DateTimeOffset? UpdatedAt);

/// <summary>What one step did: the item, its claim, the step, from and to.</summary>
public sealed record DenialStepView(string Item, string ClaimId, string Step, string From, string To);

/// <summary>Which items <c>denials work</c> lists: of a team, of a coder of record, in a state (each optional).</summary>
public sealed record DenialWorkFilter(DenialTeam? Team = null, string? Coder = null, DenialWorkState? State = null);

/// <summary>
/// Denial work items (docs/REMITTANCE.md, "Work items"): the practice's list, and the steps a person
/// takes (<see cref="DenialStep.ByHand"/>), each checked by <see cref="DenialWorkAccess"/> and
/// <see cref="DenialWorkItem.Take"/> and saved with its <c>denial.stepped</c> event in one write.
/// <see cref="Take"/> is the one place a step is saved; the correction and posting hooks
/// (<see cref="DenialFollowUps"/>) call it too.
/// </summary>
public sealed class DenialWorkDesk(CodeLedgerStore store, Func<Guid>? newId = null)
{
    private readonly Func<Guid> _newId = newId ?? Guid.NewGuid;

    /// <summary>An item is named by its id or by a prefix of it that names one item (the list prints eight characters).</summary>
    public const int ShortIdLength = 8;

    public async Task<IReadOnlyList<DenialWorkView>> ListAsync(string practiceCode, Principal principal, DenialWorkFilter filter, CancellationToken ct = default)
    {
        var now = Instants.Now(store.Time);
        await using var db = await store.CreateContextAsync(principal, ct);
        var code = practiceCode.Trim();
        var named = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, ct);
        DenialWorkAccess.RequireRead(principal, db.Tenant, named?.Kind == Core.Organizations.OrganizationKind.Practice ? named.Id : null, code, "listing denial work items");
        var practice = named!;

        var rows = await db.Set<DenialWorkItemRow>().AsNoTracking().Where(d => d.PracticeId == practice.Id).ToListAsync(ct);
        var team = filter.Team?.ToString();
        var state = filter.State?.ToString();
        rows = [.. rows.Where(d => (team is null || d.Team == team) && (filter.Coder is null || d.Coder == filter.Coder) && (state is null || d.State == state))];
        var postingIds = rows.Select(d => d.PostingId).Distinct().ToList();
        var postings = await db.Set<ClaimPostingRow>().AsNoTracking().Where(p => p.PracticeId == practice.Id).ToListAsync(ct);
        var byPosting = postings.Where(p => postingIds.Contains(p.Id)).ToDictionary(p => p.Id);
        var claims = await db.Set<ClaimRow>().AsNoTracking().Where(c => c.PracticeId == practice.Id).Select(c => new { c.ClaimId, c.EncounterId }).ToListAsync(ct);
        var encounterIds = claims.Select(c => c.EncounterId).Distinct().ToList();
        var external = (await db.Encounters.AsNoTracking().Where(e => e.PracticeId == practice.Id).Select(e => new { e.Id, e.ExternalId }).ToListAsync(ct))
            .ToDictionary(e => e.Id, e => e.ExternalId);
        var encounterOf = claims.ToDictionary(c => c.ClaimId, c => external.GetValueOrDefault(c.EncounterId), StringComparer.Ordinal);

        return [.. rows.OrderBy(d => d.OpenedAt).ThenBy(d => d.ClaimId, StringComparer.Ordinal).ThenBy(d => d.Id).Select(d => new DenialWorkView(
            StateText(d.Id), practice.Code, d.ClaimId, encounterOf.GetValueOrDefault(d.ClaimId), d.RootCause, byPosting.TryGetValue(d.PostingId, out var p) ? Carcs(p) : [],
            d.Amount, d.Team, d.Coder, Enum.Parse<DenialWorkState>(d.State).Name(), DenialWorkItem.AgeDays(d.OpenedAt, now), d.OpenedAt, d.LastStep, d.UpdatedAt))];
    }

    /// <summary>
    /// A step by hand on the item named by <paramref name="item"/> (its id or a unique prefix of at
    /// least <see cref="ShortIdLength"/> characters) among the items the user reaches; an item of a
    /// practice out of their reach is unknown to them, exactly like one that does not exist.
    /// </summary>
    public async Task<DenialStepView> StepAsync(string item, DenialStep step, string? note, Principal principal, CancellationToken ct = default)
    {
        var text = DenialSteps.Note(step, note);
        AccountRules.Require(principal, DenialWorkAccess.Read, $"{step.Name()} of a denial");
        var now = Instants.Now(store.Time);
        return await store.WriteAsync(principal, async (db, ledger) =>
        {
            var row = await FindAsync(db, item, ct);
            var coder = principal.CoderId is { } coderId
                ? await db.Coders.IgnoreQueryFilters().AsNoTracking().Where(c => c.Id == coderId).Select(c => c.UserName).FirstOrDefaultAsync(ct)
                : null;
            DenialWorkAccess.RequireStep(principal, Owner(row), coder, StateText(row.Id)[..ShortIdLength], step);
            var practice = await db.Organizations.AsNoTracking().Where(o => o.Id == row.PracticeId).Select(o => o.Code).SingleAsync(ct);
            var from = row.State;
            Take(db, ledger, practice, row, step, row.ClaimId, null, text, null, principal.UserName, now, _newId());
            await db.SaveChangesAsync(ct);
            return new DenialStepView(StateText(row.Id), row.ClaimId, step.Name(), Enum.Parse<DenialWorkState>(from).Name(), Enum.Parse<DenialWorkState>(row.State).Name());
        }, ct);
    }

    /// <summary>
    /// Saves one step of <paramref name="row"/>: the transition checked by <see cref="DenialWorkItem.Take"/>
    /// (DENIAL-TRANSITION naming from and to), the row moved (state, the claim it names, when, which
    /// step, and a new denial when denied again), the step row with its note encrypted, and the
    /// <c>denial.stepped</c> event with the note's keyed hash.
    /// </summary>
    internal static void Take(CodeLedgerDbContext db, LedgerAppender ledger, string practiceCode, DenialWorkItemRow row, DenialStep step, string claimId, Guid? posting,
        string? note, DenialStepped.Refiling? refiled, string actor, DateTimeOffset now, Guid stepId)
    {
        var from = Enum.Parse<DenialWorkState>(row.State);
        var to = Item(row).Take(step).State;
        row.State = to.ToString();
        row.ClaimId = claimId;
        row.UpdatedAt = now;
        row.LastStep = step.Name();
        if (refiled is not null)
        {
            (row.PostingId, row.RootCause, row.Amount, row.Team, row.Coder) = (refiled.Posting, refiled.RootCause, refiled.Amount, refiled.Team, refiled.Coder);
        }

        db.Add(new DenialWorkStepRow
        {
            Id = stepId, WorkItemId = row.Id, PracticeId = row.PracticeId, Step = step.Name(), FromState = from.ToString(), ToState = to.ToString(), At = now, Actor = actor,
            ClaimId = claimId, PostingId = posting, Note = note,
        });
        ledger.Append(practiceCode, new DenialStepped(stepId, row.Id, row.PracticeId, step.Name(), from.ToString(), to.ToString(), now, claimId, posting,
            note is null ? null : db.Phi.LedgerHash.Of(note), refiled));
    }

    internal static DenialWorkItem Item(DenialWorkItemRow row) =>
        new(row.ClaimId, Enum.Parse<DenialRootCause>(row.RootCause), row.Amount, Owner(row), Enum.Parse<DenialWorkState>(row.State));

    private static DenialOwner Owner(DenialWorkItemRow row) => new(Enum.Parse<DenialTeam>(row.Team), row.Coder);

    private static string StateText(Guid id) => id.ToString("D");

    private static async Task<DenialWorkItemRow> FindAsync(CodeLedgerDbContext db, string item, CancellationToken ct)
    {
        var key = item.Trim().ToLowerInvariant();
        if (Guid.TryParse(key, out var id))
        {
            return await db.Set<DenialWorkItemRow>().FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw Unknown(item);
        }

        if (key.Length < ShortIdLength || key.Any(c => !char.IsAsciiHexDigitLower(c) && c != '-'))
        {
            throw Unknown(item);
        }

        // The tenant filter leaves only the items the user reaches: a prefix never names another practice's item.
        var ids = (await db.Set<DenialWorkItemRow>().AsNoTracking().Select(d => d.Id).ToListAsync(ct)).Where(i => StateText(i).StartsWith(key, StringComparison.Ordinal)).ToList();
        return ids.Count switch
        {
            1 => await db.Set<DenialWorkItemRow>().FirstAsync(d => d.Id == ids[0], ct),
            0 => throw Unknown(item),
            _ => throw new DomainException(DenialErrors.ItemUnknown, $"{ids.Count} denial work items begin with {Echo.Quote(key)}; give more of the id"),
        };
    }

    private static DomainException Unknown(string item) =>
        new(DenialErrors.ItemUnknown, $"no denial work item {Echo.Quote(item.Trim())} (denials work --practice P lists them)");

    /// <summary>The denied CAS of a posting as <c>CO-4</c>, first-seen order.</summary>
    private static IReadOnlyList<string> Carcs(ClaimPostingRow p)
    {
        var posting = PostingRecords.Posting(p.Position, p.ClaimId, p.PayerClaimControlNumber, p.Status, p.Charge, p.Paid, p.PatientResponsibility, p.Adjustments, p.Lines, null);
        return DenialFinding.Of(posting, DenialRules.Default) is { } f ? [.. f.Adjustments.Select(a => $"{a.Group}-{a.Carc}").Distinct(StringComparer.Ordinal)] : [];
    }
}
