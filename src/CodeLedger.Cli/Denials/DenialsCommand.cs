using System.CommandLine;
using System.Globalization;
using CodeLedger.Cli.Coding;
using CodeLedger.Cli.Database;
using CodeLedger.Core.Accounts;
using CodeLedger.Core.Denials;
using CodeLedger.Core.Turnaround;
using CodeLedger.Storage.Denials;

namespace CodeLedger.Cli.Denials;

/// <summary>
/// <c>codeledger denials --practice P --month YYYY-MM [--as USER] [--json]</c>: the month's denial and
/// AR figures (docs/REMITTANCE.md, "Figures"); <c>ledger replay --report denials</c> prints the same from an export.
/// </summary>
internal static class DenialsCommand
{
    public static Command Create(CliConsole console)
    {
        var practice = new Option<string>("--practice") { Description = "the practice's code", Required = true };
        var month = new Option<string>("--month") { Description = "the month, YYYY-MM", Required = true };
        var asUser = new Option<string?>("--as") { Description = "the practice's admin, or a vendor admin or coding lead under a BAA in force with it" };
        var json = CommonOptions.Json();
        var command = new Command("denials", "The month's denials: claim and dollar denial rates, by root cause (coding, billing/front end, credentialing, payer, other), top CARCs and RARCs, CARC 18 duplicates apart, clean-claim and first-pass rates, days to payment, AR aging.");
        foreach (var option in new Option[] { practice, month, asUser, json })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var text = parse.GetValue(month)!;
            if (!SlaMonth.TryParse(text, out var m))
            {
                throw new CliException($"--month '{text}' is not YYYY-MM");
            }

            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var principal = await Accounts.CliPrincipal.ResolveAsync(store, parse.GetValue(asUser), AccountRules.ReadRemittances, "reading denial figures", ct);
            var report = await new DenialDesk(store).ReportAsync(parse.GetValue(practice)!, principal, m, null, ct);
            await console.Out.WriteAsync(parse.GetValue(json) ? WorkflowCli.Serialize(report) + "\n" : Text(report));
            return ExitCodes.Success;
        }));
        return command;
    }

    public static string Text(DenialMonthReport r)
    {
        static string Rate(decimal? rate) => rate is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "n/a";
        var w = new StringWriter(CultureInfo.InvariantCulture);
        w.WriteLine($"denials of {r.Practice}, {r.Month} (AR as of {r.AsOf:yyyy-MM-dd})");
        w.WriteLine($"  adjudicated       {r.AdjudicatedClaims} claims, {r.AdjudicatedCharges:0.00} charged");
        w.WriteLine($"  denied            {r.DeniedClaims} claims ({Rate(r.ClaimDenialRate)}), {r.DeniedDollars:0.00} ({Rate(r.DollarDenialRate)} of charges)");
        w.WriteLine($"  duplicates (18)   {r.DuplicateClaims} claims, {r.DuplicateDollars:0.00} (apart: in neither side of the rate)");
        w.WriteLine($"  clean claims      {r.CleanClaims} of {r.SubmittedClaims} first submitted ({Rate(r.CleanClaimRate)})");
        w.WriteLine($"  first pass        {r.FirstPassClaims} of {r.FirstAdjudicatedClaims} first adjudicated ({Rate(r.FirstPassRate)})");
        w.WriteLine($"  days to payment   from service: {r.FromService.Claims} claims, mean {r.FromService.Mean?.ToString("0.0", CultureInfo.InvariantCulture) ?? "n/a"}, median {r.FromService.Median?.ToString("0.0", CultureInfo.InvariantCulture) ?? "n/a"}; from submission: mean {r.FromSubmission.Mean?.ToString("0.0", CultureInfo.InvariantCulture) ?? "n/a"}, median {r.FromSubmission.Median?.ToString("0.0", CultureInfo.InvariantCulture) ?? "n/a"}");
        void Table(string title, IReadOnlyList<DenialCount> counts)
        {
            w.WriteLine($"  {title}");
            foreach (var c in counts.Take(10))
            {
                w.WriteLine($"    {c.Key,-16} {c.Claims,5} claims {c.Dollars,12:0.00}");
            }

            if (counts.Count == 0)
            {
                w.WriteLine("    (none)");
            }
        }

        Table("by root cause", r.ByRootCause);
        Table("top CARCs", r.ByCarc);
        Table("top RARCs", r.ByRarc);
        w.WriteLine("  AR aging by payer      0-30     31-60     61-90    91-120      >120");
        foreach (var a in r.Aging)
        {
            w.WriteLine($"    {a.PayerId,-14} {a.Days0To30,9:0.00} {a.Days31To60,9:0.00} {a.Days61To90,9:0.00} {a.Days91To120,9:0.00} {a.Over120,9:0.00}  ({a.Claims} claims)");
        }

        return w.ToString();
    }
}
