using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;
using CodeLedger.Cli.Accounts;
using CodeLedger.Cli.Coding;
using CodeLedger.Cli.Database;
using CodeLedger.Core.Common;
using CodeLedger.Core.Ledger;
using CodeLedger.Core.Ledger.Checkpoints;
using CodeLedger.Core.Reports;
using CodeLedger.Core.Reports.Package;
using CodeLedger.Core.Turnaround;
using CodeLedger.Storage;
using CodeLedger.Storage.Protection;
using CodeLedger.Storage.Reports;

namespace CodeLedger.Cli.Reports;

/// <summary>
/// <c>codeledger report monthly</c> writes a practice's monthly package (docs/PACKAGE.md);
/// <c>codeledger report verify</c> checks one: its files against the manifest, its figures against
/// those recomputed from the database, and its checkpoint against the ledger.
/// </summary>
internal static class ReportCommands
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("report", "The monthly package: write it (monthly) and check it (verify).");
        command.Subcommands.Add(Monthly(console));
        command.Subcommands.Add(Verify(console));
        return command;
    }

    private static Command Monthly(CliConsole console)
    {
        var practice = new Option<string>("--practice") { Description = "the practice's code", Required = true };
        var vendor = new Option<string?>("--vendor") { Description = "the coding vendor's code; required when the practice has contracts with more than one vendor in force in the month" };
        var month = new Option<string>("--month") { Description = "the month (YYYY-MM) whose finalized encounters the package reports", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "the package's folder (created; an existing different package is refused unless --replace)", Required = true };
        var replace = new Option<bool>("--replace") { Description = "replace a different package already in --out" };
        var asUser = new Option<string?>("--as") { Description = "a practice admin of the practice, or a vendor admin or coding lead of its vendor (default: the operator, who reads any practice)" };
        var command = new Command("monthly", "Write a practice's monthly package: index.html, a CSV per table, package.json, a checkpoint signed at the ledger's head, manifest.json.");
        foreach (var option in new Option[] { practice, vendor, month, output, replace, asUser })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var monthText = parse.GetValue(month)!;
            if (!SlaMonth.TryParse(monthText, out _))
            {
                throw new CliException($"--month '{monthText}' is not YYYY-MM");
            }

            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var principal = parse.GetValue(asUser) is { } user ? await CliPrincipal.ResolveAsync(store, user, MonthlyReportLoader.Readers, "reading a monthly package", ct) : null;
            var built = await new MonthlyPackageBuilder(store).BuildAsync(parse.GetValue(practice)!, parse.GetValue(vendor), monthText, principal,
                Environment.GetEnvironmentVariable(SigningKeys.Variable), ct);
            var target = parse.GetValue(output)!.FullName;
            var written = PackageWriter.Write(built.Files, target, parse.GetValue(replace));
            var figures = built.Figures;
            await console.Out.WriteLineAsync(Path.Combine(target, "index.html"));
            await console.Out.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{(written ? "wrote" : "unchanged")}: {figures.Practice} {figures.Month}, {figures.Encounters} encounters, {figures.EmDistribution.Count} physicians, {figures.Queries.Total.Raised} queries, ledger 1..{built.LedgerSequence}, key id {built.KeyId}"));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Verify(CliConsole console)
    {
        var directory = new Argument<DirectoryInfo>("DIR") { Description = "the package's folder" };
        var ledgerFile = new Option<FileInfo?>("--ledger") { Description = "check the checkpoint against this ledger export instead of the database's ledger (the figures are still recomputed from the database)" };
        var command = new Command("verify", "Check a monthly package: every file against the manifest, every figure of package.json against the figures recomputed from the database, and that the ledger still holds the checkpoint. Exit 1 on any problem, each named.");
        command.Arguments.Add(directory);
        command.Options.Add(ledgerFile);
        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var dir = parse.GetValue(directory)!;
            if (!dir.Exists)
            {
                throw new CliException($"{dir.FullName}: folder not found");
            }

            var verification = PackageVerifier.CheckFiles(dir.FullName);
            var differences = new List<FigureDifference>();
            var status = CheckpointStatus.NotCheckedAgainstLedger;
            var checkpointMessages = new List<string>();
            if (verification.Manifest is { } manifest)
            {
                var store = await CliStore.OpenAsync(parse, console.Time, ct);
                var packageJson = Path.Combine(dir.FullName, "package.json");
                if (File.Exists(packageJson))
                {
                    var inPackage = await File.ReadAllTextAsync(packageJson, ct);
                    var vendor = JsonNode.Parse(inPackage)?["vendor"]?.GetValue<string>();
                    var loaded = await new MonthlyReportLoader(store).LoadAsync(manifest.Practice, vendor, manifest.Month, null, ct: ct);
                    differences.AddRange(FigureDiff.Compare(inPackage, MonthlyFiguresJson.Write(MonthlyReport.Build(loaded.Input))));
                }

                var receiptPath = Path.Combine(dir.FullName, manifest.Checkpoint.File);
                if (File.Exists(receiptPath))
                {
                    try
                    {
                        var receipt = CheckpointReceipt.Parse(await File.ReadAllBytesAsync(receiptPath, ct), receiptPath);
                        var check = new CheckpointCheck([(manifest.Checkpoint.File, receipt)], null);
                        await foreach (var e in LedgerAsync(parse.GetValue(ledgerFile), store, ct))
                        {
                            check.Add(e);
                        }

                        var findings = check.Finish();

                        // The receipt names one event's hash; an edit before it shows only when the chain is recomputed.
                        var export = parse.GetValue(ledgerFile);
                        LedgerVerification chain;
                        if (export is null)
                        {
                            chain = await store.VerifyLedgerAsync(ct);
                        }
                        else
                        {
                            using var reader = new StreamReader(export.FullName);
                            chain = LedgerExport.Verify(reader);
                        }

                        if (!chain.IsIntact && chain.FailedSequence <= receipt.Checkpoint.Sequence)
                        {
                            checkpointMessages.Add($"CHECKPOINT FAILED: the ledger's chain breaks at sequence {chain.FailedSequence}, within the package's range 1..{receipt.Checkpoint.Sequence}: {chain.Reason}");
                        }

                        status = findings.All(f => f.IsOk) && (chain.IsIntact || chain.FailedSequence > receipt.Checkpoint.Sequence) ? CheckpointStatus.Held : CheckpointStatus.NotHeld;
                        checkpointMessages.AddRange(findings.Select(f => f.IsOk ? $"CHECKPOINT OK: {f.Message}" : $"CHECKPOINT FAILED: {f.Error!.Value}: {f.Message}"));
                    }
                    catch (DomainException)
                    {
                        // The file half already names a receipt that does not read.
                        status = CheckpointStatus.NotHeld;
                    }
                }
            }

            verification = verification.WithReplay(differences, status);
            foreach (var problem in verification.FileProblems)
            {
                await console.Out.WriteLineAsync(problem.ToString());
            }

            foreach (var d in verification.FigureDifferences)
            {
                await console.Out.WriteLineAsync($"{ReportErrors.FigureDiffers.Value}: package.json: {d.Path}: {d.InPackage} in the package, {d.Recomputed} recomputed");
            }

            foreach (var m in checkpointMessages)
            {
                await console.Out.WriteLineAsync(m);
            }

            await console.Out.WriteLineAsync(verification.IsClean ? $"OK: {dir.FullName}: files, figures and checkpoint hold" : $"FAILED: {dir.FullName}");
            return verification.IsClean ? ExitCodes.Success : ExitCodes.CheckFailed;
        }));
        return command;
    }

    private static async IAsyncEnumerable<LedgerEntry> LedgerAsync(FileInfo? export, CodeLedgerStore store, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        if (export is not null)
        {
            if (!export.Exists)
            {
                throw new CliException($"{export.FullName}: file not found");
            }

            using var reader = new StreamReader(export.FullName);
            foreach (var line in LedgerExport.ReadLines(reader))
            {
                if (line.Entry is { } entry)
                {
                    yield return entry;
                }
            }

            yield break;
        }

        await foreach (var e in store.ReadLedgerAsync(ct))
        {
            yield return e;
        }
    }
}

/// <summary>Names every leaf of two figures' JSON that differs, by its path (em[0].established.visits).</summary>
internal static class FigureDiff
{
    public static IReadOnlyList<FigureDifference> Compare(string inPackage, string recomputed)
    {
        var list = new List<FigureDifference>();
        JsonNode? a;
        try
        {
            a = JsonNode.Parse(inPackage);
        }
        catch (System.Text.Json.JsonException)
        {
            return [new FigureDifference("$", "JSON that does not parse", "the figures")];
        }

        Walk("$", a, JsonNode.Parse(recomputed), list);
        return list;
    }

    private static void Walk(string path, JsonNode? a, JsonNode? b, List<FigureDifference> list)
    {
        switch (a, b)
        {
            case (JsonObject x, JsonObject y):
                foreach (var name in x.Select(p => p.Key).Union(y.Select(p => p.Key)))
                {
                    Walk($"{path}.{name}", x[name], y[name], list);
                }

                break;
            case (JsonArray x, JsonArray y):
                for (var i = 0; i < Math.Max(x.Count, y.Count); i++)
                {
                    Walk($"{path}[{i}]", i < x.Count ? x[i] : null, i < y.Count ? y[i] : null, list);
                }

                break;
            default:
                var (s, t) = (a?.ToJsonString() ?? "null", b?.ToJsonString() ?? "null");
                if (s != t)
                {
                    list.Add(new FigureDifference(path, s, t));
                }

                break;
        }
    }
}
