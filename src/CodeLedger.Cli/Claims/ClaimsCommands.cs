using System.CommandLine;
using System.Globalization;
using CodeLedger.Cli.CodeSets;
using CodeLedger.Cli.Database;
using CodeLedger.Core.Edits;
using CodeLedger.Storage.CodeSets;

namespace CodeLedger.Cli.Claims;

/// <summary>
/// <c>codeledger claims scrub FILE [--json]</c>: the edit engine over a claims CSV (docs/EDITS.md)
/// with the releases imported into the database. Exit 1 when any finding is an error.
/// </summary>
internal static class ClaimsCommands
{
    public static Command Build(CliConsole console)
    {
        var claims = new Command("claims", "professional claims");
        var file = new Argument<string>("FILE") { Description = "an 837P (X12 005010X222A1) or a claims CSV, one row per service line (docs/EDITS.md)" };
        var json = CommonOptions.Json();
        var scrub = new Command("scrub", "run the claim edits (code validity, pointers, modifiers, NCCI PTP and MUE, modifier 25, NPI, duplicates, E/M support)");
        scrub.Arguments.Add(file);
        scrub.Options.Add(json);
        scrub.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            ClaimCsvBatch batch;
            try
            {
                await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
                if (LooksLikeX12(stream))
                {
                    batch = Claim837Reader.Read(stream);
                }
                else
                {
                    using var reader = new StreamReader(stream);
                    batch = ClaimCsvReader.Read(reader);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"cannot read {path}: {e.Message}");
            }
            catch (FormatException e)
            {
                throw new CliException($"{path}: {e.Message}");
            }

            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var library = await CodeSetCatalog.LoadLibraryAsync(store, null, ct);
            var editor = new ClaimEditor(library);
            var findings = new List<EditFinding>(batch.Malformed);
            foreach (var claim in batch.Claims)
            {
                editor.Check(claim, findings);
            }

            if (parse.GetValue(json))
            {
                CliJson.Write(console, w =>
                {
                    w.WriteStartObject();
                    w.WriteNumber("claims", batch.Claims.Length);
                    w.WriteNumber("lines", batch.Lines);
                    w.WriteStartArray("findings");
                    foreach (var f in findings)
                    {
                        w.WriteStartObject();
                        w.WriteString("rule", f.Rule);
                        w.WriteString("severity", f.Severity == EditSeverity.Error ? "error" : "warning");
                        w.WriteString("claim", f.ClaimId);
                        if (f.Line is { } line)
                        {
                            w.WriteNumber("line", line);
                        }
                        else
                        {
                            w.WriteNull("line");
                        }

                        w.WriteStartArray("codes");
                        foreach (var c in f.Codes)
                        {
                            w.WriteStringValue(c);
                        }

                        w.WriteEndArray();
                        w.WriteString("message", f.Message);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
            }
            else
            {
                foreach (var f in findings)
                {
                    var where = f.Line is { } l ? string.Create(CultureInfo.InvariantCulture, $" line {l}") : string.Empty;
                    console.Out.WriteLine($"{(f.Severity == EditSeverity.Error ? "error  " : "warning")} {f.Rule,-22} claim {f.ClaimId}{where}: {f.Message}");
                }

                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{batch.Claims.Length} claims, {batch.Lines} lines: {findings.Count(f => f.Severity == EditSeverity.Error)} errors, {findings.Count(f => f.Severity == EditSeverity.Warning)} warnings"));
            }

            return findings.Any(f => f.Severity == EditSeverity.Error) ? ExitCodes.CheckFailed : ExitCodes.Success;
        });
        claims.Subcommands.Add(scrub);
        return claims;
    }

    /// <summary>An X12 interchange starts with ISA, after an optional byte-order mark and white space.</summary>
    private static bool LooksLikeX12(Stream stream)
    {
        Span<byte> head = stackalloc byte[64];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        var text = head[..read];
        if (text.StartsWith("\uFEFF"u8))
        {
            text = text[3..];
        }

        return text.TrimStart(" \t\r\n"u8).StartsWith("ISA"u8);
    }
}
