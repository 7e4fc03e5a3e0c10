using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CodeLedger.Core.Reports.Impact;
using CodeLedger.Core.Reports.Package;

namespace CodeLedger.Cli.Reports;

/// <summary>
/// <c>codeledger impact --annual-charges 4000000 --accuracy 0.95 --versus 0.88 [--years 3] [--json]</c>:
/// the dollars between two coding accuracy levels, and integrated billing against split coding and
/// billing vendors, with every assumption printed beside its source (docs/PACKAGE.md, "Revenue impact").
/// Needs no database: it calculates from what it is given.
/// </summary>
internal static class ImpactCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("impact", "the revenue difference between two coding accuracy levels, and of integrated billing against split vendors, with every assumption stated");
        var annualCharges = Required("--annual-charges", "the practice's annual charges in dollars");
        var accuracy = Required("--accuracy", "coding accuracy to compare, a share (0.95)");
        var versus = Required("--versus", "coding accuracy to compare against, a share (0.88)");
        var years = new Option<int>("--years") { Description = "years to add up (1 to 30; default 1)", DefaultValueFactory = _ => 1 };
        var optional = new (string Name, string Description)[]
        {
            ("--revenue-losing-share", $"share of coding errors that lose revenue (default {ImpactCalculator.Defaults.RevenueLosingShare})"),
            ("--loss-per-error", $"average dollars lost per miscoded encounter (default {ImpactCalculator.Defaults.LossPerError}); or --loss-share"),
            ("--loss-share", "loss per miscoded encounter as a share of the average charge, instead of --loss-per-error"),
            ("--encounters", "encounters (claims) a year, instead of --average-charge"),
            ("--average-charge", $"average charge per encounter in dollars (default {ImpactCalculator.Defaults.AverageCharge})"),
            ("--denial-rate", $"initial denial rate, a share (default {ImpactCalculator.Defaults.DenialRate})"),
            ("--unowned-share", $"share of denials with no owner when coding and billing are split (default {ImpactCalculator.Defaults.UnownedShare})"),
            ("--unrecovered-share", $"share of unowned denials never recovered (default {ImpactCalculator.Defaults.UnrecoveredShare})"),
            ("--rework-cost", $"rework cost per denied claim in dollars (default {ImpactCalculator.Defaults.ReworkCost})"),
        }.ToDictionary(o => o.Name, o => new Option<decimal?>(o.Name) { Description = o.Description });
        var json = CommonOptions.Json();
        foreach (var option in new Option[] { annualCharges, accuracy, versus, years }.Concat(optional.Values).Append(json))
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var inputs = new ImpactInputs
            {
                AnnualCharges = parse.GetValue(annualCharges),
                Accuracy = parse.GetValue(accuracy),
                Versus = parse.GetValue(versus),
                Years = parse.GetValue(years),
                RevenueLosingShare = parse.GetValue(optional["--revenue-losing-share"]),
                LossPerError = parse.GetValue(optional["--loss-per-error"]),
                LossShare = parse.GetValue(optional["--loss-share"]),
                Encounters = parse.GetValue(optional["--encounters"]),
                AverageCharge = parse.GetValue(optional["--average-charge"]),
                DenialRate = parse.GetValue(optional["--denial-rate"]),
                UnownedShare = parse.GetValue(optional["--unowned-share"]),
                UnrecoveredShare = parse.GetValue(optional["--unrecovered-share"]),
                ReworkCost = parse.GetValue(optional["--rework-cost"]),
            };
            ImpactResult result;
            try
            {
                result = ImpactCalculator.Calculate(inputs);
            }
            catch (ImpactInputException e)
            {
                throw new CliException($"--{e.Input}: {e.Message} ({e.Error.Value})", e.Error.ExitStatus);
            }

            console.Out.Write(parse.GetValue(json) ? Json(result) : Text(inputs, result));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Option<decimal> Required(string name, string description) => new(name) { Description = description, Required = true };

    private static string Money(decimal amount) => new Cell.MoneyCell(amount).Display;

    private static string Number(decimal value) => new Cell.DecimalCell(value, 0).Display;

    private static string Value(ImpactAssumption a) => a.Unit switch
    {
        "USD" => Money(a.Value),
        "share" => new Cell.PercentageCell(a.Value, 1).Display,
        _ => a.Value.ToString(CultureInfo.InvariantCulture),
    };

    private static string Text(ImpactInputs inputs, ImpactResult r)
    {
        var text = new StringBuilder();
        var span = r.Years == 1 ? "a year" : $"over {r.Years} years";
        text.AppendLine(CultureInfo.InvariantCulture, $"Coding accuracy {new Cell.PercentageCell(inputs.Accuracy, 1).Display} against {new Cell.PercentageCell(inputs.Versus, 1).Display}: {Money(r.AccuracyDifferenceOverYears)} {span} ({Money(r.AccuracyDifferencePerYear)} a year)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  {Number(r.EncountersPerYear)} encounters a year; miscoded: {Number(r.ErrorsPerYearAtAccuracy)} against {Number(r.ErrorsPerYearAtVersus)}; revenue lost: {Money(r.LostPerYearAtAccuracy)} against {Money(r.LostPerYearAtVersus)} a year");
        text.AppendLine(CultureInfo.InvariantCulture, $"Integrated billing against split coding and billing vendors: {Money(r.IntegratedDifferenceOverYears)} {span} ({Money(r.IntegratedDifferencePerYear)} a year)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  {Number(r.UnownedDenialsPerYear)} denials a year with no owner: {Money(r.SplitLostRevenuePerYear)} never recovered, {Money(r.SplitReworkCostPerYear)} rework");
        text.AppendLine("Assumptions (change any with its option):");
        foreach (var a in r.Assumptions)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  --{a.Input} {Value(a)}: {a.Description} ({a.Source})");
        }

        text.AppendLine("Where the practice has its own audits, their error mix and dollar findings should replace the defaults (--revenue-losing-share, --loss-per-error).");
        return text.ToString();
    }

    private static string Json(ImpactResult r)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("years", r.Years);
            json.WriteStartObject("accuracy");
            Money2(json, "differencePerYear", r.AccuracyDifferencePerYear);
            Money2(json, "differenceOverYears", r.AccuracyDifferenceOverYears);
            json.WriteNumber("encountersPerYear", Math.Round(r.EncountersPerYear, 2));
            json.WriteNumber("miscodedPerYearAtAccuracy", Math.Round(r.ErrorsPerYearAtAccuracy, 2));
            json.WriteNumber("miscodedPerYearAtVersus", Math.Round(r.ErrorsPerYearAtVersus, 2));
            Money2(json, "lostPerYearAtAccuracy", r.LostPerYearAtAccuracy);
            Money2(json, "lostPerYearAtVersus", r.LostPerYearAtVersus);
            Money2(json, "lossPerError", r.LossPerError);
            json.WriteEndObject();
            json.WriteStartObject("integratedBilling");
            Money2(json, "differencePerYear", r.IntegratedDifferencePerYear);
            Money2(json, "differenceOverYears", r.IntegratedDifferenceOverYears);
            json.WriteNumber("unownedDenialsPerYear", Math.Round(r.UnownedDenialsPerYear, 2));
            Money2(json, "lostRevenuePerYear", r.SplitLostRevenuePerYear);
            Money2(json, "reworkCostPerYear", r.SplitReworkCostPerYear);
            json.WriteEndObject();
            json.WriteStartArray("assumptions");
            foreach (var a in r.Assumptions)
            {
                json.WriteStartObject();
                json.WriteString("option", "--" + a.Input);
                json.WriteString("description", a.Description);
                json.WriteNumber("value", a.Value);
                json.WriteString("unit", a.Unit);
                json.WriteBoolean("given", a.Given);
                json.WriteString("source", a.Source);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("note", "where the practice has its own audits, their error mix and dollar findings should replace the defaults");
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Money2(Utf8JsonWriter json, string name, decimal amount) => json.WriteNumber(name, Math.Round(amount, 2, MidpointRounding.AwayFromZero));
}
