using System.CommandLine;
using System.Globalization;
using CodeLedger.Cli.Coding;
using CodeLedger.Cli.Database;
using CodeLedger.Core.Common;
using CodeLedger.Storage.Encounters;

namespace CodeLedger.Cli.Encounters;

/// <summary>
/// <c>codeledger encounters show ENCOUNTER [--as CODER] [--json]</c>: the patient and the current
/// note, for the coder assigned to the encounter or a lead. Every read, and every refusal, is a
/// ledger event (phi.read / phi.read-refused) that names the reader but holds no PHI.
/// </summary>
internal static class EncounterCommands
{
    public static Command Create(CliConsole console)
    {
        var encounter = new Argument<string>("ENCOUNTER") { Description = "the encounter's id, or the practice's external id" };
        var asUser = new Option<string?>("--as") { Description = "the user who is reading (default $CODELEDGER_USER or the login name); the read, or its refusal, is ledgered under this name" };
        var json = CommonOptions.Json();
        var show = new Command("show", "Show an encounter's patient and current documentation to its assigned coder or a lead; the read is written to the ledger.");
        show.Arguments.Add(encounter);
        show.Options.Add(asUser);
        show.Options.Add(json);
        show.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            // Any enabled user may ask: the viewer decides through the tenant boundary, and ledgers a refusal as well as a read.
            var reader = await Accounts.CliPrincipal.ResolveAsync(store, parse.GetValue(asUser), null, "reading an encounter", ct);
            var view = await new EncounterViewer(store).ShowAsync(parse.GetValue(encounter)!, reader, ct);
            await console.Out.WriteAsync(parse.GetValue(json) ? WorkflowCli.Serialize(view) + "\n" : Text(view));
            return ExitCodes.Success;
        }));

        var encounters = new Command("encounters", "Read encounters (PHI: every read is ledgered).");
        encounters.Subcommands.Add(show);
        return encounters;
    }

    private static string Text(EncounterView v)
    {
        var inv = CultureInfo.InvariantCulture;
        var p = v.Patient;
        return string.Create(inv, $"""
            encounter {v.ExternalId} ({v.Id})  date of service {v.DateOfService:yyyy-MM-dd}  place {v.PlaceOfService}  {v.Specialty}
            patient {p.FamilyName}, {p.GivenName}  born {p.BirthDate:yyyy-MM-dd}  sex {p.Sex.ToString().ToLowerInvariant()}  member {p.MemberId}
            documentation version {v.DocumentationVersion}, complete {Instants.Format(v.DocumentationCompletedAt)}

            {v.Documentation}

            """);
    }
}
