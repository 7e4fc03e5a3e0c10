using System.Text;
using CodeLedger.Core.Accounts;
using CodeLedger.Core.Billing;
using CodeLedger.Core.CodeSets.Starter;
using CodeLedger.Core.Common;
using CodeLedger.Core.Edits;
using CodeLedger.Core.Encounters;
using CodeLedger.Storage.Acknowledgments;
using CodeLedger.Storage.Billing;
using CodeLedger.Storage.Remittances;
using CodeLedger.Storage.X12;
using CodeLedger.X12;
using CodeLedger.X12.Acknowledgments;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Demo;

/// <summary>
/// The month's billing, woven into the same agenda as the coding (docs/BILLING.md, "The demo's
/// billing month"): each practice's admin imports its chargemaster the day before the month
/// starts; every Monday, Wednesday and Friday at 23:00Z submits what was finalized (<c>claims submit</c>, into the
/// outbox beside the database); an hour later the clearinghouse's 999 for each file, written by the
/// code <c>x12 ack</c> runs, is imported (<c>import acks</c>); each payer pays weekly on its own day
/// the claims accepted at least its days before (<see cref="DemoRemittances"/>), and the 835 is
/// posted (<c>import remits</c>). Every id comes from the billing generator, so a seed gives one ledger.
/// </summary>
internal sealed partial class DemoWorkflow
{
    private DemoBillingRun? _billing;

    /// <summary>What the billing side did, counted as it ran.</summary>
    public DemoBillingCounts BillingCounts => _billing?.Counts ?? new DemoBillingCounts(0, 0, 0, 0, 0, 0, null);

    private void PlanBilling(Random random, string outbox, string inbox)
    {
        var billing = _billing = new DemoBillingRun(_store, random, outbox, inbox);
        var first = new DateTimeOffset(_world.Month.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        foreach (var p in _world.Practices)
        {
            Schedule(first.AddHours(-9), () => billing.ImportFeesAsync(p));
        }

        var end = LastDay().AddDays(15);
        for (var day = first; day <= end; day = day.AddDays(1))
        {
            foreach (var p in _world.Practices)
            {
                if (day.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Wednesday or DayOfWeek.Friday)
                {
                    ScheduleSubmit(billing, p, day.AddHours(23));
                }

                foreach (var payer in DemoBilling.Of(p.Practice.Code).Payers.Where(y => y.PaysOn == day.DayOfWeek))
                {
                    Schedule(day.AddHours(15), () => billing.PayAsync(p, payer));
                }
            }
        }
    }

    private void ScheduleSubmit(DemoBillingRun billing, DemoPractice p, DateTimeOffset at) =>
        Schedule(at, async () =>
        {
            var files = await billing.SubmitAsync(p);
            foreach (var file in files)
            {
                Schedule(at.AddHours(1), () => billing.AcknowledgeAsync(p, file));
            }
        });

    /// <summary>
    /// Once the agenda is done: the month's last batch, the next evening, for whatever was finalized after
    /// the last planned submit (a query answered late), so every finalized encounter of the month is billed.
    /// Returns false when there is nothing more to plan.
    /// </summary>
    private bool PlanLastBatch()
    {
        if (_billing is not { } billing || _lastBatchPlanned)
        {
            return false;
        }

        _lastBatchPlanned = true;
        var at = new DateTimeOffset(_clock.GetUtcNow().UtcDateTime.Date.AddDays(1).AddHours(23), TimeSpan.Zero);
        foreach (var p in _world.Practices)
        {
            ScheduleSubmit(billing, p, at);
        }

        return true;
    }

    private bool _lastBatchPlanned;

    /// <summary>The coverage and address the practice's interface sends with an encounter, or none when the demo runs without billing.</summary>
    private (ClaimCoverage? Coverage, BillingAddress? Address) CoverageOf(DemoPractice practice, Encounter encounter) =>
        _billing is { } b ? DemoBilling.Coverage(practice.Practice.Code, encounter.Patient, encounter.DateOfService, b.Random) : (null, null);
}

/// <summary>What the demo's billing did: claims submitted, 837P files, 999s, 835s posted, claims paid and denied, the claim reversed and paid again.</summary>
public sealed record DemoBillingCounts(int ClaimsSubmitted, int Files837, int Acknowledgments, int Remittances, int ClaimsPaid, int ClaimsDenied, string? ReversedClaim);

/// <summary>The billing steps of <see cref="DemoWorkflow"/>, each through the desk its command uses.</summary>
internal sealed class DemoBillingRun(Storage.CodeLedgerStore store, Random random, string outbox, string inbox)
{
    private readonly ClaimDesk _claims = new(store, new ClaimEditor(StarterCodeSet.Library()), random.NextGuid);
    private readonly AcknowledgmentDesk _acks = new(store, random.NextGuid);
    private readonly RemittanceDesk _remits = new(store, random.NextGuid);
    private readonly Storage.Billing.FeeScheduleDesk _fees = new(store, random.NextGuid);
    private readonly DemoRemittances _payers = new(random);
    private int _submitted, _files, _acknowledged, _remitted, _paid, _denied;

    public Random Random => random;

    public DemoBillingCounts Counts => new(_submitted, _files, _acknowledged, _remitted, _paid, _denied, _payers.ReversedClaim);

    private static Principal Admin(DemoPractice p) => DemoBilling.Principal(p.Practice.Code, p.Practice.Id);

    /// <summary>The chargemaster, in force from the contract's first day.</summary>
    public async Task ImportFeesAsync(DemoPractice p) =>
        await _fees.ImportAsync(p.Practice.Code, Admin(p), "chargemaster.csv", Encoding.UTF8.GetBytes(DemoBilling.Chargemaster(p.Practice.Code)), p.Contract.EffectiveOn);

    public async Task<IReadOnlyList<SubmittedFile>> SubmitAsync(DemoPractice p)
    {
        var summary = await _claims.SubmitAsync(p.Practice.Code, Admin(p), outbox);
        _submitted += summary.Files.Sum(f => f.Claims);
        _files += summary.Files.Count;
        return summary.Files;
    }

    /// <summary>The 999 for one submitted file, made as <c>x12 ack</c> makes it (control number from the partner's counter), kept in the inbox and imported.</summary>
    public async Task AcknowledgeAsync(DemoPractice p, SubmittedFile file)
    {
        var result = X12Parser.Parse(file.Content);
        var envelopes = X12Acknowledger.Envelopes(result);
        var due = new[] { envelopes.Ack999, envelopes.Ta1 }.OfType<X12Parties>().ToList();
        var reserved = new Queue<int>(await X12ControlNumbers.ReserveAsync(store, due, null));
        var ack999 = envelopes.Ack999 is null ? 0 : reserved.Dequeue();
        var ta1 = envelopes.Ta1 is null ? 0 : reserved.Dequeue();
        var acks = X12Acknowledger.Create(result, new X12AckOptions(Instants.Now(store.Time), ack999, ta1));
        var bytes = acks.Ack999 ?? throw new InvalidOperationException($"no 999 is due for {file.FileName}");
        var name = Path.ChangeExtension(file.FileName, ".999");
        Write(p, name, bytes);
        await _acks.ImportAsync(p.Practice.Code, Admin(p), name, bytes);
        _acknowledged++;
    }

    /// <summary>The payer's weekly run: the practice's claims it accepted at least its days ago, paid or denied in one 835, posted.</summary>
    public async Task PayAsync(DemoPractice p, DemoBilling.Payer payer)
    {
        var now = Instants.Now(store.Time);
        var due = now.AddDays(-payer.PaysAfterDays);
        List<DemoRemittances.SentClaim> claims;
        await using (var db = store.CreateContext())
        {
            var rows = await db.Set<ClaimRow>().AsNoTracking()
                .Where(c => c.PracticeId == p.Practice.Id && c.PayerCode == payer.Code && c.Status == ClaimStatus.Accepted)
                .ToListAsync();
            rows = [.. rows.Where(c => c.SubmittedAt <= due).OrderBy(c => c.ClaimId, StringComparer.Ordinal)];
            var ids = rows.Select(r => r.EncounterId).ToList();
            var patients = await db.Encounters.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Patient);
            claims = [.. rows.Select(r => new DemoRemittances.SentClaim(r.ClaimId, patients[r.EncounterId].FamilyName, patients[r.EncounterId].GivenName,
                [.. r.Lines.Select(l => new DemoRemittances.SentLine(l.LineItemControlNumber, l.Code, l.Modifiers, l.Units, l.DateOfService, l.Charge ?? 0m))]))];
        }

        if (claims.Count == 0)
        {
            return;
        }

        var (name, bytes) = _payers.Write(DemoBilling.Of(p.Practice.Code), p.Practice.Name, payer, claims, now);
        Write(p, name, bytes);
        var summary = await _remits.ImportAsync(p.Practice.Code, Admin(p), name, bytes, acceptUnbalanced: false);
        if (summary.Unmatched.Count > 0 || summary.Unbalanced)
        {
            // The demo's payers only pay claims the practice sent, in balanced files: anything else is a bug in the demo.
            throw new InvalidOperationException($"{name}: {summary.Unmatched.Count} claims unmatched, unbalanced {summary.Unbalanced}");
        }

        _remitted++;
        _denied += summary.Denials;
        _paid += summary.ClaimsMatched - summary.Reversals - summary.Denials;
    }

    private void Write(DemoPractice p, string name, byte[] bytes)
    {
        var folder = Path.Combine(inbox, p.Practice.Code);
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, name), bytes);
    }
}
