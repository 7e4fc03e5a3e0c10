using System.CommandLine;
using System.Globalization;
using System.Text;
using CodeLedger.Cli.Coding;
using CodeLedger.Cli.Coverage;
using CodeLedger.Cli.Denials;
using CodeLedger.Cli.Sla;
using CodeLedger.Core.Ledger;
using CodeLedger.Demo;
using CodeLedger.Core.Common;
using CodeLedger.Core.Reports.Package;
using CodeLedger.Core.Turnaround;
using CodeLedger.Storage;
using CodeLedger.Storage.Denials;
using CodeLedger.Storage.Protection;
using CodeLedger.Storage.Reports;

namespace CodeLedger.Cli.Demo;

/// <summary>
/// <c>codeledger demo</c>: builds a fresh database with a vendor, two practices, their agreements,
/// physicians and coders, and a month of encounters, all on a simulated clock so that one seed
/// always gives the same ledger. The demo itself is the CodeLedger.Demo project; this command
/// parses its options, runs it and prints what it did.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(CliConsole console)
    {
        var outDir = new Option<DirectoryInfo?>("--out") { Description = "also write summary.txt, summary.json and ledger.jsonl (the ledger export) to this folder" };
        var encounters = new Option<int>("--encounters") { Description = "encounters in the month", DefaultValueFactory = _ => 2000 };
        var seed = new Option<int>("--seed") { Description = "random seed: the same seed gives the same data", DefaultValueFactory = _ => 2026 };
        var month = new Option<string>("--month") { Description = "the month of encounters (YYYY-MM)", DefaultValueFactory = _ => "2026-10" };
        var withoutBilling = new Option<bool>("--without-billing")
        {
            Description = "leave the billing out (no payers, coverage, fees, claims, 999s or 835s): a database to try the billing commands on by hand",
        };
        var command = new Command("demo", "Build a fresh demo database (vendor, two practices, BAAs, SLA contracts, physicians, coders, a month of encounters) and print a summary.");
        command.Options.Add(outDir);
        command.Options.Add(encounters);
        command.Options.Add(seed);
        command.Options.Add(month);
        command.Options.Add(withoutBilling);
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

            DemoRun demo;
            try
            {
                var spec = CommonOptions.ResolveDb(parse);
                // PostgreSQL has no folder beside it: the demo's 837P, 999 and 835 files go under --out, or a new temporary folder.
                var files = DatabaseLocation.Parse(spec).Provider == DatabaseProvider.Sqlite ? null
                    : parse.GetValue(outDir) is { } o ? Path.Combine(o.FullName, "x12")
                    : Directory.CreateTempSubdirectory("codeledger-demo-").FullName;
                demo = await DemoRun.CreateAsync(spec, parse.GetValue(seed), count, firstDay, console.Time, ct, billing: !parse.GetValue(withoutBilling), files);
            }
            catch (DemoException e)
            {
                throw new CliException($"{e.Error.Value}: {e.Message}", e.Error.ExitStatus);
            }
            catch (StorageException e)
            {
                throw new CliException(e.Message);
            }

            DemoCounts counts = null!;
            await CliProgress.RunAsync(console, "Running the month", demo.PlannedSteps, async report => counts = await demo.RunMonthAsync(done => report(done), ct));

            var store = demo.Store;
            var summary = await DemoSummary.ComputeAsync(store, demo.World, ct);
            await console.Out.WriteAsync(summary.Text);
            var operations = await DemoOperations.ComputeAsync(store, demo.World, counts, ct);
            var operationsText = Text(operations);
            await console.Out.WriteAsync(operationsText);
            var auditsText = string.Concat(demo.Audits.Select(DemoAudits.Text));
            await console.Out.WriteAsync(auditsText);
            var billingText = await BillingTextAsync(demo, ct);
            await console.Out.WriteAsync(billingText);
            var verification = await store.VerifyLedgerAsync(ct);
            await console.Out.WriteLineAsync($"Ledger: {verification.EventCount} events, chain {(verification.IsIntact ? "intact" : "BROKEN")}, head {verification.HeadHash}");
            await console.Out.WriteLineAsync($"Database: {store.Location.Display}");
            await WritePackagesAsync(console, store, demo.World, parse.GetValue(outDir), ct);

            if (parse.GetValue(outDir) is { } dir)
            {
                dir.Create();
                await File.WriteAllTextAsync(Path.Combine(dir.FullName, "summary.txt"), summary.Text + operationsText + auditsText + billingText, ct);
                await File.WriteAllTextAsync(Path.Combine(dir.FullName, "summary.json"), summary.Json, ct);
                await File.WriteAllTextAsync(Path.Combine(dir.FullName, "operations.json"), Json(operations), ct);
                await using var export = new FileStream(Path.Combine(dir.FullName, "ledger.jsonl"), FileMode.Create, FileAccess.Write);
                await LedgerExport.WriteAsync(export, store.ReadLedgerAsync(ct), ct);
                await console.Out.WriteLineAsync($"Wrote summary.txt, summary.json, operations.json and ledger.jsonl to {dir.FullName}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// The monthly package of each demo practice for the demo's month (docs/PACKAGE.md), written by
    /// the code `report monthly` runs, into a folder beside the database (codeledger.db.reports/PRACTICE-MONTH;
    /// for PostgreSQL, --out's reports folder). Appends nothing to the ledger, so the head printed
    /// above stays the demo's. Without a signing key (PostgreSQL without CODELEDGER_SIGNING_KEY) it says why and skips.
    /// </summary>
    private static async Task WritePackagesAsync(CliConsole console, CodeLedgerStore store, DemoWorld world, DirectoryInfo? outDir, CancellationToken ct)
    {
        var root = store.Location.SqlitePath is { } path ? path + ".reports" : outDir is null ? null : Path.Combine(outDir.FullName, "reports");
        if (root is null)
        {
            await console.Out.WriteLineAsync("Monthly packages: not written (a PostgreSQL database has no folder beside it: give --out)");
            return;
        }

        var month = world.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        foreach (var practice in world.Practices.Select(p => p.Practice.Code).Order(StringComparer.Ordinal))
        {
            try
            {
                var built = await new MonthlyPackageBuilder(store).BuildAsync(practice, null, month, null, Environment.GetEnvironmentVariable(SigningKeys.Variable), ct);
                var target = Path.Combine(root, $"{practice}-{month}");
                PackageWriter.Write(built.Files, target, replace: true);
                await console.Out.WriteLineAsync($"Monthly package {practice} {month}: {Path.Combine(target, PackageFiles.Index)}");
            }
            catch (DomainException e)
            {
                await console.Out.WriteLineAsync($"Monthly package {practice} {month}: not written: {e.Message}");
            }
        }
    }

    /// <summary>
    /// The month's billing: what went out and came back, then each practice's denial summary and AR
    /// aging for the month, the figures <c>codeledger denials --practice P --month M</c> prints (the
    /// same <see cref="DenialDesk"/> over the same tables). Empty without billing.
    /// </summary>
    private static async Task<string> BillingTextAsync(DemoRun demo, CancellationToken ct)
    {
        if (demo.Outbox is null)
        {
            return string.Empty;
        }

        var b = demo.BillingCounts;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"\nBilling: {b.ClaimsSubmitted} claims submitted in {b.Files837} 837P files (outbox {demo.Outbox}), {b.Acknowledgments} 999s imported\n");
        text.Append(CultureInfo.InvariantCulture, $"  {b.Remittances} 835s posted (inbox {demo.Inbox}): {b.ClaimsPaid} claims paid, {b.ClaimsDenied} denied; claim {b.ReversedClaim ?? "none"} reversed and paid again corrected\n");
        var month = SlaMonth.Parse(demo.World.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        foreach (var practice in demo.World.Practices.Select(p => p.Practice.Code))
        {
            var report = await new DenialDesk(demo.Store).ReportAsync(practice, null, month, null, ct);
            text.Append('\n').Append(DenialsCommand.Text(report));
        }

        return text.ToString();
    }

    private static string Text(DemoOperations o)
    {
        var inv = CultureInfo.InvariantCulture;
        var c = o.Counts;
        var text = new StringBuilder();
        text.Append(inv, $"\nOperations: {c.Imports} imports, {c.Submissions} coding submissions ({c.EditBlocks} blocked by edit errors, {c.Overrides} lead overrides)\n");
        text.Append(inv, $"  queries raised {c.Queries}, answered {c.Answered}, expired unresolved {c.Expired}; finalized without query response {o.FinalizedWithoutQueryResponse}\n");
        text.Append(inv, $"  assignment: {string.Join(", ", o.Assignment.Select(b => $"{b.Basis.ToString().ToLowerInvariant()} {b.Count}"))}\n");
        text.Append(inv, $"  work: {string.Join(", ", o.Work.Select(s => $"{s.Status.ToString().ToLowerInvariant()} {s.Count}"))}\n");
        foreach (var p in o.Practices)
        {
            text.Append('\n').Append(SlaCommand.Text(p.Practice, p.Sla, maxBreaches: 5));
            text.Append(inv, $"Coverage {p.Practice}:\n").Append(CoverageCommand.Text(p.Coverage));
        }

        return text.ToString();
    }

    private static string Json(DemoOperations o)
    {
        var c = o.Counts;
        return WorkflowCli.Serialize(new
        {
            month = o.Month, c.Imports, c.Submissions, c.EditBlocks, c.Overrides, queriesRaised = c.Queries, queriesAnswered = c.Answered,
            queriesExpired = c.Expired, finalizedWithoutQueryResponse = o.FinalizedWithoutQueryResponse,
            practices = o.Practices.Select(p => new { practice = p.Practice, sla = p.Sla, coverage = p.Coverage }),
        });
    }
}
