using System.CommandLine;
using System.Globalization;
using CodeLedger.Cli.Coding;
using CodeLedger.Cli.Database;
using CodeLedger.Core.Turnaround;
using CodeLedger.Storage.Workflow;

namespace CodeLedger.Cli.Sla;

/// <summary>
/// <c>codeledger sla --practice P [--vendor V] --month YYYY-MM [--json]</c>: a month's turnaround
/// against the practice's contract with a vendor. The vendor is required when the practice has
/// contracts with several vendors in force that month (SLA-VENDOR-REQUIRED), never guessed.
/// </summary>
internal static class SlaCommand
{
    public static Command Create(CliConsole console)
    {
        var practice = new Option<string>("--practice") { Description = "the practice's code", Required = true };
        var vendor = new Option<string?>("--vendor") { Description = "the coding vendor's code; required when the practice has contracts with more than one vendor in force in the month" };
        var month = new Option<string>("--month") { Description = "the month (YYYY-MM) in which encounters were finalized", Required = true };
        var json = CommonOptions.Json();
        var command = new Command("sla", "Turnaround for a month: count, mean, median, p90, min, max, share within target, breaches, the service credit owed, and whether a remediation plan is due.");
        command.Options.Add(practice);
        command.Options.Add(vendor);
        command.Options.Add(month);
        command.Options.Add(json);
        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            // A malformed option is a usage error (exit 2), found before the database is opened.
            var monthText = parse.GetValue(month)!;
            if (!SlaMonth.TryParse(monthText, out _))
            {
                throw new CliException($"--month '{monthText}' is not YYYY-MM");
            }

            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var report = await new SlaReporter(store).ReportAsync(parse.GetValue(practice)!, parse.GetValue(vendor), monthText, ct);
            await console.Out.WriteAsync(parse.GetValue(json) ? WorkflowCli.Serialize(report) + "\n" : Text(parse.GetValue(practice)!, report));
            return ExitCodes.Success;
        }));
        return command;
    }

    public static string Text(string practice, SlaMonthReport r, int maxBreaches = 20)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new System.Text.StringBuilder();
        var contract = r.Vendor is null ? string.Empty : string.Create(inv, $" with {r.Vendor} (contract effective {r.ContractEffectiveOn:yyyy-MM-dd})");
        sb.Append(inv, $"SLA {practice}{contract} {r.Month}: target {r.TargetHours} {r.Clock}\n");
        if (r.Count == 0)
        {
            sb.Append("  no encounters finalized in the month\n");
            return sb.ToString();
        }

        sb.Append(inv, $"  finalized {r.Count:N0}; hours mean {r.MeanHours:0.00}, median {r.MedianHours:0.00}, p90 {r.P90Hours:0.00}, min {r.MinHours:0.00}, max {r.MaxHours:0.00}\n");
        sb.Append(inv, $"  within target {r.WithinTarget:N0} ({r.CompliancePercent:0.00}%), threshold {r.ComplianceThresholdPercent:0.##}%: {(r.InBreach ? "IN BREACH" : "met")}\n");
        sb.Append(inv, $"  service credit {r.ServiceCredit} ({r.CreditPercentOfFee:0.##}% of the monthly fee {r.MonthlyFee})\n");
        sb.Append(inv, $"  consecutive months in breach {r.ConsecutiveBreachMonths} of {r.RemediationAfterConsecutiveBreachMonths}{(r.RemediationPlanRequired ? ": remediation plan required" : string.Empty)}\n");
        if (r.Breaches.Count > 0)
        {
            sb.Append(inv, $"  breaches ({r.Breaches.Count:N0}, longest first):\n");
            foreach (var b in r.Breaches.Take(maxBreaches))
            {
                sb.Append(inv, $"    {b.EncounterRef} {b.ElapsedHours:0.00} h (+{b.HoursOverTarget:0.00})\n");
            }

            if (r.Breaches.Count > maxBreaches)
            {
                sb.Append(inv, $"    ... {r.Breaches.Count - maxBreaches:N0} more (--json lists all)\n");
            }
        }

        return sb.ToString();
    }
}
