using System.CommandLine;
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
            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var library = await CodeSetCatalog.LoadLibraryAsync(store, null, ct);
            var editor = new ClaimEditor(library);
            var found = new List<EditFinding>();
            var claimCount = 0;
            ScrubOutput? output = null;

            // The findings come out in the order of a whole-file read: the malformed input first,
            // then each claim's in file order. So a first pass finds the malformed input (and, for
            // a CSV, whether each claim's rows are adjacent), and a second streams the claims
            // through the engine, writing each claim's findings as soon as it is checked.
            void Check(Claim claim)
            {
                claimCount++;
                found.Clear();
                editor.Check(claim, found);
                foreach (var f in found)
                {
                    output!.Write(f);
                }
            }

            ScrubOutput Begin(IEnumerable<EditFinding> malformed)
            {
                var o = new ScrubOutput(console, parse.GetValue(json));
                foreach (var f in malformed)
                {
                    o.Write(f);
                }

                return o;
            }

            int lines;
            try
            {
                await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
                if (LooksLikeX12(stream))
                {
                    var malformed = Claim837Reader.Check(stream);
                    stream.Position = 0;
                    output = Begin(malformed);
                    lines = Claim837Reader.Read(stream, Check);
                }
                else
                {
                    var (malformed, adjacent) = FirstPass(stream);
                    stream.Position = 0;
                    using var reader = new StreamReader(stream);
                    if (adjacent)
                    {
                        output = Begin(malformed);
                        using var rows = ClaimCsvReader.Open(reader, buildClaims: true);
                        while (rows.Next())
                        {
                            if (rows.Claim is { } claim)
                            {
                                Check(claim);
                            }
                        }

                        lines = rows.Rows;
                    }
                    else
                    {
                        // Rows of a claim apart from each other: the claim is whole only at the end.
                        var batch = ClaimCsvReader.Read(reader);
                        output = Begin(batch.Malformed);
                        foreach (var claim in batch.Claims)
                        {
                            Check(claim);
                        }

                        lines = batch.Lines;
                    }
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

            output.End(claimCount, lines);
            return output.Errors > 0 ? ExitCodes.CheckFailed : ExitCodes.Success;
        });
        claims.Subcommands.Add(scrub);
        return claims;
    }

    /// <summary>The malformed rows of a claims CSV, and whether each claim's rows are adjacent.</summary>
    private static (List<EditFinding> Malformed, bool Adjacent) FirstPass(Stream stream)
    {
        using var reader = new StreamReader(stream, leaveOpen: true);
        using var rows = ClaimCsvReader.Open(reader, buildClaims: false);
        var malformed = new List<EditFinding>();
        while (rows.Next())
        {
            if (rows.Malformed is { } f)
            {
                malformed.Add(f);
            }
        }

        return (malformed, rows.Adjacent);
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
