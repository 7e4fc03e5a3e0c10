using System.CommandLine;
using CodeLedger.Core.EvaluationAndManagement;

namespace CodeLedger.Cli.EvaluationAndManagement;

/// <summary><c>codeledger em level [FILE|-] [--json]</c>: the office visit level the documented MDM and time support.</summary>
internal static class EmCommands
{
    public static Command Build(CliConsole console)
    {
        var em = new Command("em", "evaluation and management (office and outpatient visits)");
        var level = new Command("level", "level an office/outpatient visit from its MDM elements and total time (AMA 2021 MDM, CPT 2024 times)");
        var file = new Argument<string?>("FILE") { Description = "JSON input file, or - (default) for standard input", Arity = ArgumentArity.ZeroOrOne };
        var json = CommonOptions.Json();
        level.Arguments.Add(file);
        level.Options.Add(json);
        level.SetAction(parse =>
        {
            var path = parse.GetValue(file);
            string text;
            try
            {
                text = path is null or "-" ? Console.In.ReadToEnd() : File.ReadAllText(path);
            }
            catch (IOException e)
            {
                throw new CliException($"cannot read {path}: {e.Message}");
            }
            catch (UnauthorizedAccessException e)
            {
                throw new CliException($"cannot read {path}: {e.Message}");
            }

            EmResult result;
            try
            {
                result = EmLeveler.Level(EmInputJson.Parse(text));
            }
            catch (EmInputException e)
            {
                throw new CliException($"{e.Error.Value}: E/M input: {e.Message}", e.Error.ExitStatus);
            }

            if (parse.GetValue(json))
            {
                console.Out.WriteLine(EmInputJson.Write(result));
            }
            else
            {
                console.Out.WriteLine($"{result.Code} (by {(result.Basis == EmBasis.Time ? "time" : "MDM")}; MDM {result.Mdm.ToString().ToLowerInvariant()} gives {result.ByMdm}, time gives {result.ByTime ?? "no level"})");
                if (result.ProlongedCode is { } prolonged)
                {
                    console.Out.WriteLine($"+ {prolonged} x {result.ProlongedUnits.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
                }
            }

            return ExitCodes.Success;
        });
        em.Subcommands.Add(level);
        return em;
    }
}
