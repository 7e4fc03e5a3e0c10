using System.Diagnostics;
using System.Text;
using CodeLedger.Cli.Tests.Foundation;
using CodeLedger.Core.Ledger;
using CodeLedger.Testing;
using Microsoft.Data.Sqlite;

namespace CodeLedger.Cli.Tests.Ledger;

/// <summary>
/// A real ledger for the checkpoint tests: one demo database (60 encounters, seed 7) built once
/// and copied for each test, and the forger's tools that work on it behind CodeLedger's back.
/// </summary>
internal static class CheckpointLedgers
{
    private static readonly Lazy<string> Template = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("codeledger-checkpoint-template-").FullName;
        var db = Path.Combine(folder, "demo.db");
        var run = CliRun.Of("demo", "--db", db, "--encounters", "60", "--seed", "7");
        Assert.True(run.ExitCode == 0, run.ToString());
        SqliteConnection.ClearAllPools();
        return db;
    });

    /// <summary>A copy of the demo database (and its PHI key) in <paramref name="folder"/>; no signing key yet.</summary>
    public static string DemoDatabase(TempFolder folder, string name = "demo.db")
    {
        var target = folder.File(name);
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm", ".phikey" })
        {
            if (File.Exists(Template.Value + suffix))
            {
                File.Copy(Template.Value + suffix, target + suffix);
            }
        }

        return target;
    }

    public static CliRun Run(params string[] args) => CliRun.Of(args);

    /// <summary>A receipt of the database's current head, written to <paramref name="receipt"/>.</summary>
    public static string Checkpoint(string db, string receipt)
    {
        var run = CliRun.Of("ledger", "checkpoint", "--db", db, "--out", receipt);
        Assert.True(run.ExitCode == 0, run.ToString());
        return receipt;
    }

    public static string Export(string db, string file)
    {
        var run = CliRun.Of("ledger", "export", "--db", db, "--out", file);
        Assert.True(run.ExitCode == 0, run.ToString());
        return file;
    }

    public static long EventCount(string db) => Read(Export(db, db + ".count.jsonl")).Count;

    /// <summary>Deletes every event after <paramref name="keep"/> from the database, as someone with write access could.</summary>
    public static void DeleteAfter(string db, long keep) => Sql(db, $"DELETE FROM ledger_events WHERE sequence > {keep}");

    /// <summary>Gives event <paramref name="from"/> another actor and recomputes every hash from it on, in the database: a chain that verifies.</summary>
    public static void RewriteFrom(string db, long from)
    {
        var export = Path.Combine(Path.GetDirectoryName(db)!, "before-rewrite.jsonl");
        foreach (var e in Rewritten(Read(Export(db, export)), from).Where(e => e.Sequence >= from))
        {
            Sql(db, $"UPDATE ledger_events SET actor = '{e.Actor}', previous_hash = '{e.PreviousHash}', hash = '{e.Hash}' WHERE sequence = {e.Sequence}");
        }
    }

    /// <summary>The export rewritten from event <paramref name="from"/> with a recomputed chain.</summary>
    public static void RewriteExportFrom(string export, long from)
    {
        var entries = Rewritten(Read(export), from);
        using var stream = File.Create(export);
        LedgerExport.Write(stream, entries);
    }

    public static List<LedgerEntry> Read(string export) =>
        [.. File.ReadLines(export).Where(l => l.Length > 0).Select(l => LedgerExport.TryParseLine(l, out var e, out var error) ? e : throw new InvalidDataException(error))];

    private static List<LedgerEntry> Rewritten(IEnumerable<LedgerEntry> entries, long from)
    {
        var result = new List<LedgerEntry>();
        var previous = LedgerHash.Genesis;
        foreach (var e in entries)
        {
            var edited = (e.Sequence == from ? e with { Actor = "forger" } : e) with { PreviousHash = previous };
            edited = edited with { Hash = LedgerHash.Compute(edited) };
            result.Add(edited);
            previous = edited.Hash;
        }

        return result;
    }

    private static void Sql(string db, string sql)
    {
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false }.ConnectionString))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            cmd.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
    }

    /// <summary>Changes one character of a receipt file (the first occurrence of <paramref name="find"/>).</summary>
    public static void Edit(string file, string find, string replace)
    {
        var text = File.ReadAllText(file);
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' is not in {file}");
        File.WriteAllText(file, string.Concat(text.AsSpan(0, at), replace, text.AsSpan(at + find.Length)), new UTF8Encoding(false));
    }

    /// <summary>docs/verify_ledger.py run with python3, or null (the test skips) when python3 is not installed.</summary>
    public static (int Exit, string Out, string Error) Python(params string[] args)
    {
        var python = new[] { "/usr/bin/python3", "/usr/local/bin/python3" }.FirstOrDefault(File.Exists);
        Assert.SkipWhen(python is null, "python3 is not installed: the independent verifier cannot run");
        var psi = new ProcessStartInfo(python!, [Path.Combine(RepoPaths.Root, "docs", "verify_ledger.py"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.Result);
    }
}
