using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CodeLedger.Cli.Database;
using CodeLedger.Core.Common;
using CodeLedger.Core.Demo;
using CodeLedger.Core.Ledger;
using CodeLedger.Storage;
using Microsoft.EntityFrameworkCore;
using CodeLedger.Core.Ledger.Events;

namespace CodeLedger.Cli.Demo;

/// <summary>
/// <c>codeledger demo</c>: builds a fresh database with a vendor, two practices, their agreements,
/// physicians and coders, and a month of encounters, all on a simulated clock so that one seed
/// always gives the same ledger.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(CliConsole console)
    {
        var outDir = new Option<DirectoryInfo?>("--out") { Description = "also write summary.txt, summary.json and ledger.jsonl (the ledger export) to this folder" };
        var encounters = new Option<int>("--encounters") { Description = "encounters in the month", DefaultValueFactory = _ => 2000 };
        var seed = new Option<int>("--seed") { Description = "random seed: the same seed gives the same data", DefaultValueFactory = _ => 2026 };
        var month = new Option<string>("--month") { Description = "the month of encounters (YYYY-MM)", DefaultValueFactory = _ => "2026-10" };
        var command = new Command("demo", "Build a fresh demo database (vendor, two practices, BAAs, SLA contracts, physicians, coders, a month of encounters) and print a summary.");
        command.Options.Add(outDir);
        command.Options.Add(encounters);
        command.Options.Add(seed);
        command.Options.Add(month);
        command.SetAction(async (parse, ct) =>
        {
            if (!DateOnly.TryParseExact(parse.GetValue(month) + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var firstDay))
            {
                throw new CliException($"--month '{parse.GetValue(month)}' is not YYYY-MM");
            }

            var count = parse.GetValue(encounters);
            if (count is < 1 or > 5_000_000)
            {
                throw new CliException($"--encounters {count} is outside 1 to 5,000,000");
            }

            var world = DemoGenerator.Generate(parse.GetValue(seed), count, firstDay);
            var spec = CommonOptions.ResolveDb(parse);
            await PrepareFreshAsync(spec, console.Time, ct);
            var clock = new ManualClock(world.Practices.Min(p => p.Baa.SignedOn).ToDateTime(new TimeOnly(15, 0), DateTimeKind.Utc));
            var store = await CliStore.OpenAsync(parse, clock, ct);
            var counts = await WriteWorldAsync(console, store, clock, world, parse.GetValue(seed), ct);

            var summary = await DemoSummary.ComputeAsync(store, world, ct);
            await console.Out.WriteAsync(summary.Text);
            var operations = await DemoOperations.ComputeAsync(store, world, counts, ct);
            await console.Out.WriteAsync(operations.Text);
            var verification = await store.VerifyLedgerAsync(ct);
            await console.Out.WriteLineAsync($"Ledger: {verification.EventCount} events, chain {(verification.IsIntact ? "intact" : "BROKEN")}, head {verification.HeadHash}");
            await console.Out.WriteLineAsync($"Database: {store.Location.Display}");

            if (parse.GetValue(outDir) is { } dir)
            {
                dir.Create();
                await File.WriteAllTextAsync(Path.Combine(dir.FullName, "summary.txt"), summary.Text + operations.Text, ct);
                await File.WriteAllTextAsync(Path.Combine(dir.FullName, "summary.json"), summary.Json, ct);
                await File.WriteAllTextAsync(Path.Combine(dir.FullName, "operations.json"), operations.Json, ct);
                await using var export = new FileStream(Path.Combine(dir.FullName, "ledger.jsonl"), FileMode.Create, FileAccess.Write);
                await LedgerExport.WriteAsync(export, store.ReadLedgerAsync(ct), ct);
                await console.Out.WriteLineAsync($"Wrote summary.txt, summary.json, operations.json and ledger.jsonl to {dir.FullName}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// The demo always starts from an empty database. It replaces a SQLite file only when that
    /// file is an earlier demo (its ledger starts with demo.started); anything else is refused,
    /// so the demo can never wipe real work.
    /// </summary>
    private static async Task PrepareFreshAsync(string spec, TimeProvider time, CancellationToken ct)
    {
        var location = DatabaseLocation.Parse(spec);
        if (location.Provider == DatabaseProvider.Sqlite && !File.Exists(location.Display))
        {
            return;
        }

        CodeLedgerStore existing;
        try
        {
            existing = await CodeLedgerStore.OpenAsync(spec, time, ct);
        }
        catch (StorageException e)
        {
            throw new CliException(e.Message);
        }

        await using var db = existing.CreateContext();
        var first = await db.LedgerEvents.AsNoTracking().OrderBy(e => e.Sequence).Select(e => e.Type).FirstOrDefaultAsync(ct);
        if (first is null)
        {
            return;
        }

        if (first != DemoStarted.Type || location.Provider != DatabaseProvider.Sqlite)
        {
            throw new CliException($"{location.Display} already holds data that the demo did not create; give the demo another --db");
        }

        await db.Database.CloseConnectionAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(location.Display + suffix);
        }
    }

    private static async Task<DemoWorkflow.Counts> WriteWorldAsync(CliConsole console, CodeLedgerStore store, ManualClock clock, DemoWorld world, int seed, CancellationToken ct)
    {
        const string Admin = "demo-admin";
        await store.WriteAsync(Admin, (db, ledger) =>
        {
            ledger.Append("demo", new DemoStarted(seed, world.Encounters.Count, world.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture)));
            db.Add(world.Vendor);
            ledger.Append(world.Vendor.Code, new OrganizationRegistered(world.Vendor.Id, world.Vendor.Name, world.Vendor.Kind));
            foreach (var p in world.Practices)
            {
                db.Add(p.Practice);
                ledger.Append(p.Practice.Code, new OrganizationRegistered(p.Practice.Id, p.Practice.Name, p.Practice.Kind));
            }

            return Task.CompletedTask;
        }, ct);

        foreach (var p in world.Practices.OrderBy(p => p.Baa.SignedOn))
        {
            clock.MoveTo(p.Baa.SignedOn.ToDateTime(new TimeOnly(16, 30), DateTimeKind.Utc));
            await store.WriteAsync(Admin, (db, ledger) =>
            {
                db.Add(p.Baa);
                ledger.Append(p.Practice.Code, new BaaSigned(p.Baa.Id, p.Practice.Code, world.Vendor.Code, p.Baa.PracticeSignatory, p.Baa.VendorSignatory,
                    p.Baa.SignedOn, p.Baa.EffectiveOn, p.Baa.ExpiresOn, p.Baa.DocumentSha256));
                db.Add(p.Contract);
                ledger.Append(p.Practice.Code, new SlaContractSigned(p.Contract.Id, p.Practice.Code, world.Vendor.Code, p.Contract.EffectiveOn, p.Contract.TurnaroundTargetHours,
                    p.Contract.Clock, p.Contract.TimeZoneId, p.Contract.AccuracyFloorPercent, p.Contract.QueryResponseWindowHours,
                    p.Contract.OpenQueryPausesClock, p.Contract.MonthlyFee.ToString()));
                foreach (var physician in p.Physicians)
                {
                    db.Add(physician);
                    ledger.Append(physician.Npi.Value, new PhysicianEnrolled(physician.Id, p.Practice.Code, physician.Name, physician.Npi.Value,
                        physician.Taxonomy.Value, physician.Specialty.Value));
                }

                return Task.CompletedTask;
            }, ct);
        }

        await store.WriteAsync(Admin, (db, ledger) =>
        {
            foreach (var coder in world.Coders)
            {
                db.Add(coder);
                ledger.Append(coder.UserName, DemoWorkflow.Enrolled(coder, world.Vendor.Code));
            }

            return Task.CompletedTask;
        }, ct);

        return await DemoWorkflow.RunAsync(console, store, clock, world, seed);
    }
}
