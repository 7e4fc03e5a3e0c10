using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace CodeLedger.Cli.Tests.Foundation;

/// <summary>
/// Demo databases built once per test process and copied for each test that reads or edits one.
/// A demo of a few hundred encounters is the costliest thing most tests need; a test that wants its
/// own database gets a copy of the database, its key files and the demo's <c>--out</c> folder
/// (the ledger export), made in milliseconds. Each template is built by the command a user runs.
/// </summary>
internal static class DemoTemplates
{
    private static readonly ConcurrentDictionary<string, Lazy<Template>> Built = new(StringComparer.Ordinal);

    static DemoTemplates() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var template in Built.Values.Where(t => t.IsValueCreated))
        {
            template.Value.Folder.Dispose();
        }
    };

    /// <summary>
    /// A copy of <c>codeledger demo --encounters N --seed S [--without-billing]</c> in
    /// <paramref name="folder"/>: <c>name.db</c> with the files and folders beside it, and the demo's output in <c>name</c>.
    /// </summary>
    public static DemoCopy Copy(TempFolder folder, int encounters, int seed, bool withoutBilling = false, string name = "d")
    {
        var key = $"{encounters}/{seed}/{withoutBilling}";
        var template = Built.GetOrAdd(key, _ => new Lazy<Template>(() => Build(encounters, seed, withoutBilling))).Value;

        var db = folder.File(name + ".db");
        foreach (var file in Directory.GetFiles(template.Folder.Path, "d.db*"))
        {
            File.Copy(file, db + Path.GetFileName(file)["d.db".Length..]);
        }

        // The X12 outbox and the monthly packages the demo wrote beside its database.
        foreach (var directory in Directory.GetDirectories(template.Folder.Path, "d.db*"))
        {
            CopyDirectory(directory, db + Path.GetFileName(directory)["d.db".Length..]);
        }

        CopyDirectory(template.Folder.File("out"), folder.File(name));
        return new DemoCopy(template.Run, db, folder.File(name));
    }

    private static Template Build(int encounters, int seed, bool withoutBilling)
    {
        var folder = new TempFolder();
        string[] args = ["demo", "--db", folder.File("d.db"), "--out", folder.File("out"), "--encounters", encounters.ToString(), "--seed", seed.ToString()];
        var run = CliRun.Of(withoutBilling ? [.. args, "--without-billing"] : args);
        Assert.True(run.ExitCode == 0, run.ToString());

        // Closing the pooled connections checkpoints the write-ahead log into the file that is copied.
        SqliteConnection.ClearAllPools();
        return new Template(run, folder);
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.GetDirectories(from))
        {
            CopyDirectory(directory, Path.Combine(to, Path.GetFileName(directory)));
        }
    }

    private sealed record Template(CliRun Run, TempFolder Folder);
}

/// <summary>One test's copy of a demo: what the demo printed, its database and its output folder.</summary>
internal sealed record DemoCopy(CliRun Run, string Db, string Out)
{
    /// <summary>The demo's ledger export, <c>ledger.jsonl</c> in its output folder.</summary>
    public string Export => Path.Combine(Out, "ledger.jsonl");
}
