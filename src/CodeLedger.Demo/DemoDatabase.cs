using CodeLedger.Core.Ledger.Events;
using CodeLedger.Storage;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Demo;

/// <summary>
/// The demo always starts from an empty database. It replaces a SQLite file only when that file
/// is an earlier demo (its ledger starts with demo.started); anything else is refused, so the demo
/// can never wipe real work.
/// </summary>
internal static class DemoDatabase
{
    public static async Task PrepareFreshAsync(string spec, TimeProvider time, CancellationToken ct)
    {
        var location = DatabaseLocation.Parse(spec);
        if (location.Provider == DatabaseProvider.Sqlite && !File.Exists(location.Display))
        {
            return;
        }

        var existing = await CodeLedgerStore.OpenAsync(spec, time, ct);
        await using var db = existing.CreateContext();
        var first = await db.LedgerEvents.AsNoTracking().OrderBy(e => e.Sequence).Select(e => e.Type).FirstOrDefaultAsync(ct);
        if (first is null)
        {
            return;
        }

        if (first != DemoStarted.Type || location.Provider != DatabaseProvider.Sqlite)
        {
            throw new DemoException($"{location.Display} already holds data that the demo did not create; give the demo another --db");
        }

        await db.Database.CloseConnectionAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(location.Display + suffix);
        }
    }
}
