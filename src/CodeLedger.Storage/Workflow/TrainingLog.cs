using CodeLedger.Core.Common;
using CodeLedger.Core.Training;
using Microsoft.EntityFrameworkCore;
using CodeLedger.Core.Coders;
using CodeLedger.Core.Ledger.Events;

namespace CodeLedger.Storage.Workflow;

/// <summary>Coder training on code-set releases: recorded once per coder and release; late when finished after the release took effect.</summary>
public sealed class TrainingLog(CodeLedgerStore store)
{
    public Task<TrainingRecord> RecordAsync(string coderUserName, string release, DateOnly effectiveOn, DateOnly completedOn, string actor, CancellationToken ct = default) =>
        store.WriteAsync(actor, async (db, ledger) =>
        {
            var coder = await db.Coders.AsNoTracking().FirstOrDefaultAsync(c => c.UserName == coderUserName, ct)
                ?? throw new DomainException(CoderErrors.Unknown, $"no coder '{coderUserName}'");
            var name = release.Trim();
            if (await db.Set<TrainingRecord>().AnyAsync(t => t.CoderId == coder.Id && t.Release == name, ct))
            {
                throw new DomainException(TrainingErrors.Duplicate, $"{coder.UserName} already has training recorded for {name}");
            }

            var record = new TrainingRecord(Guid.NewGuid(), coder.Id, name, effectiveOn, completedOn, Instants.Now(store.Time));
            db.Add(record);
            ledger.Append(coder.UserName, new TrainingRecorded(coder.UserName, record.Release, effectiveOn, completedOn, record.IsLate, record.DaysLate));
            return record;
        }, ct);

    public async Task<IReadOnlyList<TrainingRow>> ReportAsync(CancellationToken ct = default)
    {
        await using var db = store.CreateContext();
        var rows = await (from t in db.Set<TrainingRecord>().AsNoTracking()
                          join c in db.Coders on t.CoderId equals c.Id
                          select new { t, c.UserName }).ToListAsync(ct);
        return [.. rows
            .OrderBy(r => r.t.ReleaseEffectiveOn).ThenBy(r => r.t.Release, StringComparer.Ordinal).ThenBy(r => r.UserName, StringComparer.Ordinal)
            .Select(r => new TrainingRow(r.UserName, r.t.Release, r.t.ReleaseEffectiveOn, r.t.CompletedOn, r.t.IsLate, r.t.DaysLate))];
    }
}
