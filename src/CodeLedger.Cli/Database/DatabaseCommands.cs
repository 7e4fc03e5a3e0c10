using System.CommandLine;

namespace CodeLedger.Cli.Database;

internal static class DatabaseCommands
{
    public static Command Create(CliConsole console)
    {
        var migrate = new Command("migrate", "Create the database or apply pending schema migrations (every command also does this on first use).");
        migrate.SetAction(async (parse, ct) =>
        {
            var store = await CliStore.OpenAsync(parse, TimeProvider.System, ct);
            await console.Out.WriteLineAsync($"database {store.Location.Display} is up to date");
            return ExitCodes.Success;
        });

        var db = new Command("db", "Database maintenance.");
        db.Subcommands.Add(migrate);
        return db;
    }
}
