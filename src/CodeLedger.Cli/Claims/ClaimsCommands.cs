using System.Collections.Immutable;
using System.CommandLine;
using CodeLedger.Cli.Database;
using CodeLedger.Core.Edits;
using CodeLedger.Storage.CodeSets;

namespace CodeLedger.Cli.Claims;

/// <summary>
/// <c>codeledger claims scrub FILE [--json]</c>: the edit engine over a claims CSV (docs/EDITS.md)
/// against what <see cref="Core.CodeSets.EditCodeSets"/> chooses (the releases imported into the
/// database, or the starter set when there are none; the output says which, as `code` does).
/// Exit 1 when any finding is an error.
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

            // The input is opened, and an 837P's structure or a CSV's header read, before the
            // database: a missing or unreadable file is one line and exit 2, and creates nothing.
            await using var stream = Guard(path, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16));
            var x12Malformed = Guard(path, () => LooksLikeX12(stream) ? Claim837Reader.Check(stream) : (ImmutableArray<EditFinding>?)null);
            stream.Position = 0;
            using var reader = new StreamReader(stream, leaveOpen: true);
            using var rows = x12Malformed is null ? Guard(path, () => ClaimCsvReader.Open(reader, buildClaims: true)) : null;

            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var codeSets = await CodeSetCatalog.LoadForEditsAsync(store, ct);
            var editor = new ClaimEditor(codeSets.Library);
            var output = new ScrubOutput(console, parse.GetValue(json), codeSets);
            var found = new List<EditFinding>();
            var claimCount = 0;

            // Each claim's findings are written as soon as it is checked; nothing is kept.
            void Check(Claim claim)
            {
                claimCount++;
                found.Clear();
                editor.Check(claim, found);
                foreach (var f in found)
                {
                    output.Write(f);
                }
            }

            var lines = Guard(path, () =>
            {
                if (rows is null)
                {
                    // The parser knows an 837P's structural errors only at the end, so Check read
                    // the file once for them; they come first.
                    foreach (var f in x12Malformed!)
                    {
                        output.Write(f);
                    }

                    return Claim837Reader.Read(stream, Check);
                }

                // One pass: each malformed row's finding and each claim's findings as they are
                // known. A claim id that comes back after another claim is checked as it stands
                // and reported at the end, from a second read of the ids alone (docs/EDITS.md).
                while (rows.Next())
                {
                    if (rows.Claim is { } claim)
                    {
                        Check(claim);
                    }
                    else if (rows.Malformed is { } malformed)
                    {
                        output.Write(malformed);
                    }
                }

                if (rows.Suspects.Count > 0)
                {
                    stream.Position = 0;
                    using var again = new StreamReader(stream, leaveOpen: true);
                    foreach (var f in ClaimCsvReader.FindApart(again, rows.Suspects))
                    {
                        output.Write(f);
                    }
                }

                return rows.Rows;
            });

            output.End(claimCount, lines);
            return output.Errors > 0 ? ExitCodes.CheckFailed : ExitCodes.Success;
        });
        claims.Subcommands.Add(scrub);
        Billing.ClaimsOutCommands.AddTo(claims, console);
        return claims;
    }

    /// <summary>Runs a step that reads the input, turning an unreadable file or malformed input into the command's one-line error.</summary>
    private static T Guard<T>(string path, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read {path}: {e.Message}");
        }
        catch (FormatException e)
        {
            throw new CliException($"{path}: {e.Message}");
        }
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
