using System.CommandLine;
using System.Globalization;
using System.Text;
using CodeLedger.Cli.Accounts;
using CodeLedger.Cli.CodeSets;
using CodeLedger.Cli.Coding;
using CodeLedger.Cli.Database;
using CodeLedger.Core.Accounts;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Scorecard;
using CodeLedger.Storage.Scorecard;

namespace CodeLedger.Cli.Scorecard;

/// <summary>
/// <c>codeledger scorecard --practice P [--vendor V] [--json] [--out DIR]</c> and
/// <c>codeledger scorecard answer reference|price|price-explanation|audit-right</c>: the vendor
/// scorecard through <see cref="ScorecardDesk"/> (docs/SCORECARD.md). Parse, call, print.
/// </summary>
internal static class ScorecardCommands
{
    public static Command Create(CliConsole console)
    {
        var practice = Practice();
        var vendor = new Option<string?>("--vendor") { Description = "only this vendor's card" };
        var json = CommonOptions.Json();
        var output = new Option<DirectoryInfo?>("--out") { Description = "also write scorecard.json and scorecard.html (self-contained) into this folder" };
        var asUser = As("a practice admin of the practice, or a vendor admin (its own card)");
        var command = new Command("scorecard", "The ten criteria a practice holds a coding vendor to, each met / not met / unknown with its evidence, and the disqualifying red flags.");
        foreach (var option in new Option[] { practice, vendor, json, output, asUser })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var principal = await CliPrincipal.ResolveAsync(store, parse.GetValue(asUser), AccountRules.ReadScorecard, "reading a vendor scorecard", ct);
            var cards = await new ScorecardDesk(store).ReadAsync(parse.GetValue(practice)!, parse.GetValue(vendor), principal, ct);
            var text = WorkflowCli.Serialize(cards);
            if (parse.GetValue(output) is { } dir)
            {
                try
                {
                    Directory.CreateDirectory(dir.FullName);
                    await File.WriteAllTextAsync(Path.Combine(dir.FullName, "scorecard.json"), text + "\n", new UTF8Encoding(false), ct);
                    await File.WriteAllTextAsync(Path.Combine(dir.FullName, "scorecard.html"), ScorecardHtml.Write(cards), new UTF8Encoding(false), ct);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new CliException($"cannot write into {dir.FullName}: {e.Message}");
                }
            }

            await console.Out.WriteLineAsync(parse.GetValue(json) ? text : ToText(cards, parse.GetValue(practice)!));
            return ExitCodes.Success;
        }));
        command.Subcommands.Add(Answer(console));
        return command;
    }

    private static Option<string> Practice() => new("--practice") { Description = "the practice's code", Required = true };

    private static Option<string?> As(string who) => new("--as") { Description = $"{who} (default $CODELEDGER_USER or the login name)" };

    private static string ToText(IReadOnlyList<VendorScorecard> cards, string practice)
    {
        if (cards.Count == 0)
        {
            return $"practice {practice} has no coding vendor (no BAA and no contract): no scorecard";
        }

        var b = new StringBuilder();
        foreach (var card in cards)
        {
            b.Append(CultureInfo.InvariantCulture, $"Vendor scorecard: {card.Vendor} at {card.Practice} on {card.Today:yyyy-MM-dd}\n");
            foreach (var c in card.Criteria)
            {
                b.Append(CultureInfo.InvariantCulture, $"  {Mark(c.Verdict),-8} {c.Title}: {c.Reason}\n");
                foreach (var line in c.Evidence)
                {
                    b.Append(CultureInfo.InvariantCulture, $"             - {line}\n");
                }
            }

            b.Append("  Red flags (disqualifying):\n");
            foreach (var f in card.RedFlags)
            {
                b.Append(CultureInfo.InvariantCulture, $"  {f.State.Name().ToUpperInvariant(),-10} {f.Text}: {f.Reason}\n");
            }

            b.Append(CultureInfo.InvariantCulture, $"  {card.Summary}\n\n");
        }

        return b.ToString().TrimEnd('\n');
    }

    private static string Mark(Verdict verdict) => verdict switch
    {
        Verdict.Met => "MET",
        Verdict.NotMet => "NOT MET",
        _ => "UNKNOWN",
    };

    private static Command Answer(CliConsole console)
    {
        var answer = new Command("answer", "Record what no data can show (references, price against the market, why a low price is low, the contract's audit right); practice admins only.");
        answer.Subcommands.Add(AnswerCommand(console, "reference", "A reference the practice checked: an organization the vendor codes for, its specialty, the day checked.",
            [Required("--organization", "the reference's organization (no patient data)"), Required("--specialty", "its specialty slug, e.g. cardiology"), Required("--checked", "the day the reference was checked, YYYY-MM-DD")],
            get => new ReferenceAnswer(get("--organization")!, ParseSpecialty(get("--specialty")), CliDates.Parse(get("--checked"), "--checked"))));
        answer.Subcommands.Add(AnswerCommand(console, "price", "The vendor's price against the market range the user enters (same basis).",
            [Required("--basis", "per-encounter (dollars) or percent-of-collections"), Required("--price", "the vendor's price"), Required("--market-low", "the low end of the market range"), Required("--market-high", "the high end of the market range")],
            get => ScorecardAnswer.Parse(ScorecardAnswer.PriceKind, $"{get("--basis")}|{get("--price")}|{get("--market-low")}|{get("--market-high")}")));
        answer.Subcommands.Add(AnswerCommand(console, "price-explanation", "Why the vendor's price is low; a low price with an explanation raises no flag.",
            [Required("--text", "the explanation (up to 500 characters, no patient data)")],
            get => new PriceExplanationAnswer(get("--text")!)));
        answer.Subcommands.Add(AnswerCommand(console, "audit-right", "Whether the contract grants the practice an independent audit right.",
            [Required("--granted", "yes or no"), new Option<string?>("--clause") { Description = "where the contract says so, e.g. \"MSA 7.2\"" }],
            get => ScorecardAnswer.Parse(ScorecardAnswer.AuditRightKind, $"{get("--granted")}|{get("--clause")}")));
        return answer;
    }

    private static Option<string?> Required(string name, string description) => new(name) { Description = description, Required = true };

    private static Specialty ParseSpecialty(string? text) =>
        Specialty.TryParse(text, out var s, out var error) ? s : throw new CliException($"--specialty: {error}");

    private static Command AnswerCommand(CliConsole console, string name, string description, Option<string?>[] fields, Func<Func<string, string?>, ScorecardAnswer> build)
    {
        var practice = Practice();
        var vendor = new Option<string>("--vendor") { Description = "the vendor's code", Required = true };
        var asUser = As("a practice admin of the practice");
        var command = new Command(name, description);
        foreach (var option in new Option[] { practice, vendor, asUser }.Concat(fields))
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var answer = build(option => parse.GetValue(fields.First(f => f.Name == option)));
            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var principal = await CliPrincipal.ResolveAsync(store, parse.GetValue(asUser), AccountRules.AnswerScorecard, "recording a scorecard answer", ct);
            var recorded = await new ScorecardDesk(store).AnswerAsync(parse.GetValue(practice)!, parse.GetValue(vendor)!, answer, principal, principal.UserName, ct);
            await console.Out.WriteLineAsync($"recorded {answer.Kind} for {parse.GetValue(vendor)} at {parse.GetValue(practice)}: {answer.Value} (by {recorded.RecordedBy})");
            return ExitCodes.Success;
        }));
        return command;
    }
}
