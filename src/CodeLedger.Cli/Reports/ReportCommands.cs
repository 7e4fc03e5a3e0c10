using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;
using CodeLedger.Cli.Accounts;
using CodeLedger.Cli.Coding;
using CodeLedger.Cli.Database;
using CodeLedger.Core.Common;
using CodeLedger.Core.Ledger;
using CodeLedger.Core.Ledger.Checkpoints;
using CodeLedger.Core.Ledger.Replay;
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
/// those recomputed from the ledger replayed up to the package's range (the database's, or an export
/// alone), its checkpoint against the ledger, and the database's tables against its ledger.
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
            await console.Out.WriteLineAsync($"checkpoint: {built.CheckpointWalk}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Verify(CliConsole console)
    {
        var directory = new Argument<DirectoryInfo>("DIR") { Description = "the package's folder" };
        var ledgerFile = new Option<FileInfo?>("--ledger") { Description = "verify against this ledger export alone, with no database: the figures are recomputed from it and the checkpoint checked in it" };
        var codeSets = new Option<DirectoryInfo?>("--code-sets") { Description = "with --ledger: a folder of the code-set files the ledger imported (matched by SHA-256; the starter set is built in)" };
        var command = new Command("verify", "Check a monthly package: every file against the manifest, every figure of package.json against the figures recomputed from the ledger replayed up to the package's range (the database's ledger, or --ledger alone), that the ledger still holds the checkpoint, and, with a database, that its tables give the figures its ledger gives. Exit 1 on any problem, each named.");
        command.Arguments.Add(directory);
        command.Options.Add(ledgerFile);
        command.Options.Add(codeSets);
        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var dir = parse.GetValue(directory)!;
            if (!dir.Exists)
            {
                throw new CliException($"{dir.FullName}: folder not found");
            }

            var export = parse.GetValue(ledgerFile);
            if (export is not null && parse.GetValue(CommonOptions.Db) is not null)
            {
                throw new CliException("give --db or --ledger, not both: --ledger verifies against the export alone");
            }

            if (export is null && parse.GetValue(codeSets) is not null)
            {
                throw new CliException("--code-sets goes with --ledger: with a database, the releases are read from it");
            }

            if (export is { Exists: false })
            {
                throw new CliException($"{export.FullName}: file not found");
            }

            var verification = PackageVerifier.CheckFiles(dir.FullName);
            var differences = new List<FigureDifference>();
            var status = CheckpointStatus.NotCheckedAgainstLedger;
            var messages = new List<string>();
            var notes = new List<string>();
            var divergences = 0;
            if (verification.Manifest is { } manifest)
            {
                var store = export is null ? await CliStore.OpenAsync(parse, console.Time, ct) : null;
                var packageJson = Path.Combine(dir.FullName, "package.json");
                var inPackage = File.Exists(packageJson) ? await File.ReadAllTextAsync(packageJson, ct) : null;
                string? vendor = null;
                try
                {
                    vendor = inPackage is null ? null : JsonNode.Parse(inPackage)?["vendor"]?.GetValue<string>();
                }
                catch (System.Text.Json.JsonException)
                {
                    // FigureDiff names a package.json that does not parse.
                }

                // One pass over the ledger: the chain and the checkpoint see every event; the replay stops at the package's last.
                var receiptPath = Path.Combine(dir.FullName, manifest.Checkpoint.File);
                CheckpointReceipt? receipt = null;
                try
                {
                    receipt = File.Exists(receiptPath) ? CheckpointReceipt.Parse(await File.ReadAllBytesAsync(receiptPath, ct), receiptPath) : null;
                }
                catch (DomainException)
                {
                    // The file half already names a receipt that does not read.
                    status = CheckpointStatus.NotHeld;
                }

                var check = receipt is null ? null : new CheckpointCheck([(manifest.Checkpoint.File, receipt)], null);
                var state = new ReplayedState();
                var last = manifest.Ledger.Last;
                var lastSeen = 0L;
                string? recomputedAtLast = null;
                var contradictionsAtLast = 0;
                await foreach (var e in LedgerAsync(export, store, ct))
                {
                    check?.Add(e);
                    if (e.Sequence > last && recomputedAtLast is null)
                    {
                        (recomputedAtLast, contradictionsAtLast) = await FiguresAsync(state, manifest, vendor, store, parse.GetValue(codeSets), notes, ct);
                    }

                    state.Apply(e);
                    lastSeen = e.Sequence;
                }

                if (recomputedAtLast is null)
                {
                    if (lastSeen < last)
                    {
                        messages.Add($"LEDGER SHORT: the ledger ends at sequence {lastSeen}, before the end of the package's range 1..{last}: the figures are recomputed from the events it still holds");
                        divergences++;
                    }

                    (recomputedAtLast, contradictionsAtLast) = await FiguresAsync(state, manifest, vendor, store, parse.GetValue(codeSets), notes, ct);
                }

                if (inPackage is not null)
                {
                    differences.AddRange(FigureDiff.Compare(inPackage, recomputedAtLast));
                }

                foreach (var c in state.Contradictions.Take(contradictionsAtLast))
                {
                    messages.Add(c.ToString());
                    divergences++;
                }

                if (store is not null)
                {
                    // The database's own tables against its whole ledger: an edited row changes the tables' figures, not the ledger's.
                    var fromTables = MonthlyFiguresJson.Write(MonthlyReport.Build((await new MonthlyReportLoader(store).LoadAsync(manifest.Practice, vendor, manifest.Month, null, ct: ct)).Input));
                    var fromLedger = lastSeen == last ? recomputedAtLast : (await FiguresAsync(state, manifest, vendor, store, null, [], ct)).Figures;
                    foreach (var d in FigureDiff.Compare(fromTables, fromLedger))
                    {
                        messages.Add($"{LedgerErrors.StateDiverges.Value}: the database's tables give {d.Path} = {d.InPackage}, its ledger (replayed to sequence {lastSeen}) gives {d.Recomputed}: a stored row no event describes (run `ledger verify` to name it)");
                        divergences++;
                    }
                }

                if (receipt is not null && check is not null)
                {
                    var findings = check.Finish();

                    // The receipt names one event's hash; an edit before it shows only when the chain is recomputed.
                    LedgerVerification chain;
                    if (store is not null)
                    {
                        chain = await store.VerifyLedgerAsync(ct);
                    }
                    else
                    {
                        using var reader = new StreamReader(export!.FullName);
                        chain = LedgerExport.Verify(reader);
                    }

                    if (!chain.IsIntact && chain.FailedSequence <= receipt.Checkpoint.Sequence)
                    {
                        messages.Add($"CHECKPOINT FAILED: the ledger's chain breaks at sequence {chain.FailedSequence}, within the package's range 1..{receipt.Checkpoint.Sequence}: {chain.Reason}");
                    }

                    status = findings.All(f => f.IsOk) && (chain.IsIntact || chain.FailedSequence > receipt.Checkpoint.Sequence) ? CheckpointStatus.Held : CheckpointStatus.NotHeld;
                    messages.AddRange(findings.Select(f => f.IsOk ? $"CHECKPOINT OK: {f.Message}" : $"CHECKPOINT FAILED: {f.Error!.Value}: {f.Message}"));
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

            foreach (var m in messages.Concat(notes))
            {
                await console.Out.WriteLineAsync(m);
            }

            var clean = verification.IsClean && divergences == 0;
            await console.Out.WriteLineAsync(clean
                ? $"OK: {dir.FullName}: files, figures (recomputed from the ledger replayed to sequence {verification.Manifest!.Ledger.Last}) and checkpoint hold"
                : $"FAILED: {dir.FullName}");
            return clean ? ExitCodes.Success : ExitCodes.CheckFailed;
        }));
        return command;
    }

    /// <summary>The figures of the package's month recomputed from the state replayed so far, and how many contradictions it holds by then.</summary>
    private static async Task<(string Figures, int Contradictions)> FiguresAsync(ReplayedState state, PackageManifest manifest, string? vendor, CodeLedgerStore? store,
        DirectoryInfo? codeSetFiles, List<string> notes, CancellationToken ct)
    {
        var (library, missing) = store is null ? ReplayCodeSets.FromFiles(state, codeSetFiles) : await ReplayCodeSets.FromDatabaseAsync(state, store, ct);
        notes.AddRange(missing.Select(ReplayCodeSets.MissingLine));
        // Priced as the tables price it (MonthlyReportLoader): the RVU release in force and its own conversion factor.
        var input = ReplayedMonth.Input(state, manifest.Practice, vendor, manifest.Month, library, pricing: new Core.Audits.RvuReleasePricing(library));
        return (MonthlyFiguresJson.Write(MonthlyReport.Build(input.Input)), state.Contradictions.Count);
    }

    private static async IAsyncEnumerable<LedgerEntry> LedgerAsync(FileInfo? export, CodeLedgerStore? store, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        if (export is not null)
        {
            using var reader = new StreamReader(export.FullName);
            foreach (var line in LedgerExport.ReadLines(reader))
            {
                yield return line.Entry ?? throw new CliException($"{export.FullName} line {line.Number}: {line.Error}");
            }

            yield break;
        }

        await foreach (var e in store!.ReadLedgerAsync(ct))
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

    /// <summary>1.0 and 1 are the same figure: decimals keep the scale they were computed with.</summary>
    private static bool SameNumber(JsonNode? a, JsonNode? b) =>
        a is JsonValue x && b is JsonValue y && x.GetValueKind() == System.Text.Json.JsonValueKind.Number && y.GetValueKind() == System.Text.Json.JsonValueKind.Number
        && decimal.TryParse(x.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var m)
        && decimal.TryParse(y.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n)
        && m == n;

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
                if (s != t && !SameNumber(a, b))
                {
                    list.Add(new FigureDifference(path, s, t));
                }

                break;
        }
    }
}
