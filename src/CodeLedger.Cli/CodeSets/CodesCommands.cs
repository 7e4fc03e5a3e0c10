using System.CommandLine;
using CodeLedger.Cli.Database;
using CodeLedger.Core.CodeSets;
using CodeLedger.Storage.CodeSets;

namespace CodeLedger.Cli.CodeSets;

/// <summary><c>codeledger codes check CODE --dos YYYY-MM-DD</c>: what the imported releases say of one code on one date.</summary>
internal static class CodesCommands
{
    public static Command Build(CliConsole console)
    {
        var codes = new Command("codes", "look up codes in the imported releases");
        var code = new Argument<string>("CODE") { Description = "an ICD-10-CM code (with or without the dot), CPT or HCPCS code" };
        var dos = new Option<string>("--dos") { Required = true, Description = "date of service (YYYY-MM-DD)" };
        var json = CommonOptions.Json();
        var check = new Command("check", "system, descriptor, billable or header, effective range, and whether the code is valid on the date (exit 1 when not)");
        check.Arguments.Add(code);
        check.Options.Add(dos);
        check.Options.Add(json);
        check.SetAction(async (parse, ct) =>
        {
            var date = CliDates.Parse(parse.GetValue(dos), "--dos");
            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var library = await CodeSetCatalog.LoadLibraryAsync(store, [CodeSetKind.Icd10Cm, CodeSetKind.Hcpcs, CodeSetKind.Rvu, CodeSetKind.Cpt], ct);
            var result = CodeChecker.Check(library, parse.GetValue(code)!, date);
            if (parse.GetValue(json))
            {
                CliJson.Write(console, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("code", result.Code);
                    w.WriteString("system", result.System);
                    w.WriteString("descriptor", result.Descriptor);
                    if (result.Billable is { } billable)
                    {
                        w.WriteBoolean("billable", billable);
                    }
                    else
                    {
                        w.WriteNull("billable");
                    }

                    w.Date("effectiveFrom", result.EffectiveFrom);
                    w.Date("effectiveThrough", result.EffectiveThrough);
                    w.Date("dos", result.DateOfService);
                    w.WriteBoolean("valid", result.Valid);
                    w.WriteString("problem", result.Problem);
                    w.WriteString("message", result.Message);
                    w.WriteEndObject();
                });
            }
            else
            {
                console.Out.WriteLine($"{result.Code} ({result.System}){(result.Descriptor is { } d ? ": " + d : string.Empty)}");
                if (result.Billable is { } b)
                {
                    console.Out.WriteLine(b ? "billable" : "header (not valid on a claim)");
                }

                console.Out.WriteLine($"effective {CliDates.Iso(result.EffectiveFrom)} to {CliDates.Iso(result.EffectiveThrough)}");
                console.Out.WriteLine(result.Valid ? $"valid on {CliDates.Iso(date)}" : $"{result.Problem}: {result.Message}");
            }

            return result.Valid ? ExitCodes.Success : ExitCodes.CheckFailed;
        });
        codes.Subcommands.Add(check);
        return codes;
    }
}
