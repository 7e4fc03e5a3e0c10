using CodeLedger.Core.Coding;
using CodeLedger.Core.Encounters;
using CodeLedger.Core.Intake;
using CodeLedger.Core.Queries;
using CodeLedger.Core.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace CodeLedger.Storage.Workflow;

/// <summary>
/// PostgreSQL only: makes two writes about one encounter conflict, so that of two concurrent
/// writers only one commits a decision about it. The decisions (finalize with the latest coding,
/// hold for an open query, expire a query, accept a corrected note) read several rows of the
/// encounter but change only some of them; a write that changes nothing its rival changed would not
/// otherwise notice the rival (raising a query while a submission finalizes, for one).
/// <para>
/// The encounter's work item stands for the whole encounter. Before a write saves, every encounter
/// whose rows it adds or changes (encounter, work item, documentation version, coding, query) has its
/// work item written in the same transaction: a work item the write read is updated on the
/// condition that its row version (xmin) is still the one read, so a write that read an encounter
/// before a rival committed a change to it fails with a concurrency conflict and runs again; a work
/// item the write did not read is updated unconditionally, which row-locks it and changes its
/// version, so rivals that read it earlier fail instead. Encounters and work items the write inserts
/// are new rows, guarded by their unique keys. SQLite needs none of this: one writer at a time, and
/// <see cref="WriteAttempt"/> checks that nothing at all was committed since the write's first read.
/// </para>
/// </summary>
internal static class EncounterConcurrency
{
    /// <summary>The row version of every updatable table on PostgreSQL: its xmin system column, which every update of the row changes.</summary>
    public const string RowVersion = "xmin";

    public static async Task ClaimAsync(CodeLedgerDbContext db, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        var changed = new SortedSet<Guid>();
        var tracked = new Dictionary<Guid, Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<WorkItem>>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.Entity is WorkItem work)
            {
                tracked[work.EncounterId] = db.Entry(work);
            }

            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && EncounterOf(entry.Entity) is { } id)
            {
                changed.Add(id);
            }
        }

        var unread = new List<Guid>();
        foreach (var id in changed)
        {
            if (!tracked.TryGetValue(id, out var work))
            {
                unread.Add(id);
            }
            else if (work.State == EntityState.Unchanged)
            {
                // Written back unchanged: the update is what checks (and bumps) the row version.
                work.Property(w => w.Status).IsModified = true;
            }
        }

        if (unread.Count > 0)
        {
            var table = db.Model.FindEntityType(typeof(WorkItem))!;
            var store = StoreObjectIdentifier.Table(table.GetTableName()!, table.GetSchema());
            string Column(string property) => table.FindProperty(property)!.GetColumnName(store)!;
            var status = Column(nameof(WorkItem.Status));

            // Names from the model, values as a parameter.
            var bump = $"UPDATE \"{store.Name}\" SET \"{status}\" = \"{status}\" WHERE \"{Column(nameof(WorkItem.EncounterId))}\" = ANY(@ids)";
            await db.Database.ExecuteSqlRawAsync(bump, [new NpgsqlParameter<Guid[]>("ids", [.. unread])], ct);
        }
    }

    private static Guid? EncounterOf(object entity) => entity switch
    {
        Encounter e => e.Id,
        WorkItem w => w.EncounterId,
        DocumentationVersion d => d.EncounterId,
        CodingResult c => c.EncounterId,
        DocumentationQuery q => q.EncounterId,
        _ => null,
    };
}
