using System.CommandLine;
using System.Globalization;
using CodeLedger.Cli.Database;
using CodeLedger.Core.CodeSets;
using CodeLedger.Core.Common;
using CodeLedger.Storage.CodeSets;

namespace CodeLedger.Cli.CodeSets;

/// <summary><c>codeledger codesets import|list|diff</c>: code-set releases by kind and effective date (docs/CODESETS.md).</summary>
internal static class CodeSetCommands
{
    private static readonly string KindTokens = string.Join("|", CodeSetKinds.All.Select(k => k.Token()));

    public static Command Build(CliConsole console)
    {
        var codesets = new Command("codesets", "code-set releases: ICD-10-CM, HCPCS, RVU, NCCI PTP, MUE, CPT");
        codesets.Subcommands.Add(Import(console));
        codesets.Subcommands.Add(List(console));
        codesets.Subcommands.Add(Diff(console));
        return codesets;
    }

    private static Command Import(CliConsole console)
    {
        var kind = new Option<string?>("--kind") { Description = KindTokens };
        var file = new Option<string?>("--file") { Description = "the release file as CMS ships it (zip, gz or plain)" };
        var effective = new Option<string?>("--effective") { Description = "first date of service the release applies to (YYYY-MM-DD)" };
        var through = new Option<string?>("--through") { Description = "last date in force (default: end of the fiscal year, year or quarter of the kind)" };
        var starter = new Option<bool>("--starter") { Description = "import the demo's small starter code set instead of a file" };
        var json = CommonOptions.Json();
        var command = new Command("import", "import one release file; the same file (SHA-256) with the same kind and period again is a no-op, with another period it is refused");
        command.Options.Add(kind);
        command.Options.Add(file);
        command.Options.Add(effective);
        command.Options.Add(through);
        command.Options.Add(starter);
        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            List<CodeSetImportResult> results;
            if (parse.GetValue(starter))
            {
                results = [.. await CodeSetCatalog.ImportStarterAsync(store, CliDates.Actor, ct)];
            }
            else
            {
                if (!CodeSetKinds.TryParse(parse.GetValue(kind), out var k))
                {
                    throw new CliException($"--kind '{parse.GetValue(kind)}' must be one of {KindTokens}");
                }

                var path = parse.GetValue(file) ?? throw new CliException("--file is required (or --starter)");
                var from = CliDates.Parse(parse.GetValue(effective), "--effective");
                DateOnly? until = parse.GetValue(through) is { } t ? CliDates.Parse(t, "--through") : k.DefaultEffectiveThrough(from);
                byte[] content;
                try
                {
                    content = await File.ReadAllBytesAsync(path, ct);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new CliException($"cannot read {path}: {e.Message}");
                }

                try
                {
                    results = [await CodeSetCatalog.ImportAsync(store, CliDates.Actor, k, content, Path.GetFileName(path), from, until, ct)];
                }
                catch (CodeSetFormatException e)
                {
                    throw new CliException($"{e.Error.Value}: import refused, nothing stored: {e.Message}", e.Error.ExitStatus);
                }
                catch (DomainException e)
                {
                    throw new CliException($"{e.Error.Value}: import refused, nothing stored: {e.Message}", e.Error.ExitStatus);
                }
            }

            if (parse.GetValue(json))
            {
                CliJson.Write(console, w =>
                {
                    w.WriteStartArray();
                    foreach (var r in results)
                    {
                        w.WriteStartObject();
                        WriteInfo(w, r.Release);
                        w.WriteBoolean("alreadyImported", r.AlreadyImported);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                });
            }
            else
            {
                foreach (var r in results)
                {
                    console.Out.WriteLine(r.AlreadyImported
                        ? $"{r.Release.Label}: already imported ({r.Release.FileName}, sha256 {r.Release.Sha256[..12]}); nothing changed"
                        : string.Create(CultureInfo.InvariantCulture, $"{r.Release.Label}: imported {r.Release.EntryCount:N0} entries from {r.Release.FileName}, in force {CliDates.Iso(r.Release.EffectiveDate)} to {CliDates.Iso(r.Release.EffectiveThrough)}"));
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List(CliConsole console)
    {
        var json = CommonOptions.Json();
        var command = new Command("list", "list the imported releases");
        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var releases = await CodeSetCatalog.ListAsync(store, ct);
            if (parse.GetValue(json))
            {
                CliJson.Write(console, w =>
                {
                    w.WriteStartArray();
                    foreach (var r in releases)
                    {
                        w.WriteStartObject();
                        WriteInfo(w, r.Info);
                        w.WriteString("importedAt", Core.Common.Instants.Format(r.ImportedAt));
                        w.WriteString("importedBy", r.ImportedBy);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                });
                return ExitCodes.Success;
            }

            if (releases.Count == 0)
            {
                console.Out.WriteLine("no code-set releases imported (codeledger codesets import --kind ... --file ... --effective ...)");
                return ExitCodes.Success;
            }

            console.Out.WriteLine($"{"release",-22} {"through",-10} {"entries",10}  {"sha256",-12}  file");
            foreach (var r in releases)
            {
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Info.Label,-22} {CliDates.Iso(r.Info.EffectiveThrough),-10} {r.Info.EntryCount,10:N0}  {r.Info.Sha256[..12]}  {r.Info.FileName}"));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Diff(CliConsole console)
    {
        var kind = new Option<string>("--kind") { Required = true, Description = "icd10cm|hcpcs|cpt|rvu|mue" };
        var from = new Option<string>("--from") { Required = true, Description = "release: label (icd10cm@2024-10-01), effective date, or SHA-256 prefix" };
        var to = new Option<string>("--to") { Required = true, Description = "release to compare with" };
        var json = CommonOptions.Json();
        var command = new Command("diff", "codes added, deleted and revised between two releases of a kind");
        command.Options.Add(kind);
        command.Options.Add(from);
        command.Options.Add(to);
        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            if (!CodeSetKinds.TryParse(parse.GetValue(kind), out var k) || k == CodeSetKind.NcciPtp)
            {
                throw new CliException($"--kind '{parse.GetValue(kind)}' must be one of icd10cm, hcpcs, cpt, rvu, mue");
            }

            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var library = await CodeSetCatalog.LoadLibraryAsync(store, [k], ct);
            var a = library.Find(k, parse.GetValue(from)!) ?? throw new CliException($"no {k.Token()} release '{parse.GetValue(from)}'; see codeledger codesets list");
            var b = library.Find(k, parse.GetValue(to)!) ?? throw new CliException($"no {k.Token()} release '{parse.GetValue(to)}'; see codeledger codesets list");
            var diff = CodeSetDiff.Compare(a, b);
            if (parse.GetValue(json))
            {
                CliJson.Write(console, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("from", a.Info.Label);
                    w.WriteString("to", b.Info.Label);
                    foreach (var change in new[] { CodeChange.Added, CodeChange.Deleted, CodeChange.Revised })
                    {
                        w.WriteStartArray(change.ToString().ToLowerInvariant());
                        foreach (var d in diff.Where(d => d.Change == change))
                        {
                            w.WriteStartObject();
                            w.WriteString("code", d.Code);
                            if (d.Billable is { } billable)
                            {
                                w.WriteBoolean("billable", billable);
                            }

                            w.WriteString("from", d.FromDescription);
                            w.WriteString("to", d.ToDescription);
                            w.WriteEndObject();
                        }

                        w.WriteEndArray();
                    }

                    w.WriteEndObject();
                });
                return ExitCodes.Success;
            }

            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{a.Info.Label} -> {b.Info.Label}: {diff.Count(d => d.Change == CodeChange.Added)} added, {diff.Count(d => d.Change == CodeChange.Deleted)} deleted, {diff.Count(d => d.Change == CodeChange.Revised)} revised"));
            foreach (var d in diff)
            {
                var flag = d.Billable switch { true => " (billable)", false => " (header)", null => string.Empty };
                console.Out.WriteLine(d.Change switch
                {
                    CodeChange.Added => $"+ {d.Code}{flag} {d.ToDescription}",
                    CodeChange.Deleted => $"- {d.Code}{flag} {d.FromDescription}",
                    _ => $"~ {d.Code}{flag} {d.FromDescription} => {d.ToDescription}",
                });
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteInfo(System.Text.Json.Utf8JsonWriter w, CodeSetReleaseInfo info)
    {
        w.WriteString("release", info.Label);
        w.WriteString("kind", info.Kind.Token());
        w.Date("effective", info.EffectiveDate);
        w.Date("through", info.EffectiveThrough);
        w.WriteString("file", info.FileName);
        w.WriteString("sha256", info.Sha256);
        w.WriteNumber("entries", info.EntryCount);
    }
}
