using System.Globalization;
using CodeLedger.Core.Ledger.Events;
using CodeLedger.Storage;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Demo;

/// <summary>
/// The demo always starts from an empty database, and never destroys work it did not write. What
/// the demo wrote is read from the ledger, where every change has its event: a database is
/// <b>exactly a demo</b> when its ledger starts with demo.started, holds one demo.finished with the
/// same seed, size and month, and has nothing after it. Only such a SQLite file is replaced (an
/// empty database or a new path is simply used). Anything else is refused with
/// DEMO-DATABASE-HOLDS-WORK and left untouched: a database with an encounter imported or a
/// code-set release added after the demo, one that is not a demo at all, and a demo that never
/// finished (its own events cannot be told from later work). A PostgreSQL database that holds
/// events is always refused: dropping a shared server's tables is not the demo's business.
/// </summary>
internal static class DemoDatabase
{
    /// <summary>
    /// The demo's billing folders: the outbox <c>claims submit</c> uses beside a SQLite database
    /// (<c>DB.outbox</c>) and an inbox beside it for the 999s and 835s (<c>DB.inbox</c>); for
    /// PostgreSQL, <c>outbox</c> and <c>inbox</c> in <paramref name="files"/>.
    /// </summary>
    public static (string Outbox, string Inbox) BillingFolders(string spec, string? files)
    {
        var location = DatabaseLocation.Parse(spec);
        if (location.Provider == DatabaseProvider.Sqlite && files is null)
        {
            var path = Path.GetFullPath(location.Display);
            return (path + ".outbox", path + ".inbox");
        }

        var root = files ?? throw new ArgumentNullException(nameof(files), "a PostgreSQL demo needs a folder for its 837P, 999 and 835 files");
        return (Path.Combine(root, "outbox"), Path.Combine(root, "inbox"));
    }

    /// <summary>
    /// Makes <paramref name="spec"/> ready for a new demo (see the class). <paramref name="folders"/>, the
    /// billing folders the demo writes, go with a replaced demo database; beside a new one they must not
    /// exist yet, since their files would not be the demo's.
    /// </summary>
    public static async Task PrepareFreshAsync(string spec, TimeProvider time, CancellationToken ct, IReadOnlyList<string>? folders = null)
    {
        folders ??= [];
        var location = DatabaseLocation.Parse(spec);
        if (location.Provider == DatabaseProvider.Sqlite && !File.Exists(location.Display))
        {
            RefuseStrayFolders(location.Display, folders);
            return;
        }

        var existing = await CodeLedgerStore.OpenAsync(spec, time, ct);
        await using var db = existing.CreateContext();
        var events = db.LedgerEvents.AsNoTracking();
        var first = await events.OrderBy(e => e.Sequence).Select(e => new { e.Sequence, e.Type, e.Payload }).FirstOrDefaultAsync(ct);
        if (first is null)
        {
            RefuseStrayFolders(location.Display, folders);
            return;
        }

        var refusal = await RefusalAsync(events, first.Type, first.Payload, ct);
        if (refusal is null && location.Provider != DatabaseProvider.Sqlite)
        {
            refusal = "it is a PostgreSQL database, which the demo never drops";
        }

        if (refusal is not null)
        {
            throw new DemoException($"{location.Display} is not only a finished demo ({refusal}); the demo replaces nothing else: give it another --db");
        }

        await db.Database.CloseConnectionAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        // The key file goes with the database: it holds the demo's own, seed-derived key (DemoRun).
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm", Storage.Protection.PhiKeys.FileSuffix })
        {
            File.Delete(location.Display + suffix);
        }

        // The replaced demo's 837Ps, 999s and 835s go with it: the new demo writes its own under the same names.
        foreach (var folder in folders.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void RefuseStrayFolders(string display, IReadOnlyList<string> folders)
    {
        if (folders.FirstOrDefault(Directory.Exists) is { } stray && Directory.EnumerateFileSystemEntries(stray).Any())
        {
            throw new DemoException($"{stray} already holds files, and {display} is not a finished demo whose files they could be; the demo replaces nothing else: give it another --db or move the folder");
        }
    }

    /// <summary>Why the ledger is not exactly one finished demo, or null when it is.</summary>
    private static async Task<string?> RefusalAsync(IQueryable<Storage.Ledger.LedgerEventRow> events, string firstType, string firstPayload, CancellationToken ct)
    {
        if (firstType != DemoStarted.Type)
        {
            return $"its ledger starts with {firstType}, not {DemoStarted.Type}";
        }

        var finished = await events.Where(e => e.Type == DemoFinished.Type).OrderBy(e => e.Sequence).Select(e => new { e.Sequence, e.Payload }).Take(2).ToListAsync(ct);
        if (finished.Count == 0)
        {
            return $"its demo never finished (no {DemoFinished.Type} event), so the demo's events cannot be told from later work";
        }

        var end = finished[0];
        if (finished.Count > 1 || await events.CountAsync(e => e.Type == DemoStarted.Type, ct) > 1)
        {
            return "its ledger holds more than one demo";
        }

        DemoStarted started;
        DemoFinished ended;
        try
        {
            started = (DemoStarted)LedgerEvents.Read(DemoStarted.Type, firstPayload)!;
            ended = (DemoFinished)LedgerEvents.Read(DemoFinished.Type, end.Payload)!;
        }
        catch (System.Text.Json.JsonException)
        {
            return "its demo events do not read as demo events";
        }

        if ((started.Seed, started.Encounters, started.Month) != (ended.Seed, ended.Encounters, ended.Month))
        {
            return "its demo.finished does not match its demo.started";
        }

        var after = await events.Where(e => e.Sequence > end.Sequence).OrderBy(e => e.Sequence).Select(e => new { e.Sequence, e.Type }).FirstOrDefaultAsync(ct);
        if (after is null)
        {
            return null;
        }

        var count = await events.CountAsync(e => e.Sequence > end.Sequence, ct);
        return string.Create(CultureInfo.InvariantCulture,
            $"{(count == 1 ? "1 event was" : $"{count} events were")} written after the demo's last event (sequence {end.Sequence}), the first {after.Type} at sequence {after.Sequence}");
    }
}
