using System.CommandLine;
using CodeLedger.Storage.Protection;

namespace CodeLedger.Cli.Database;

internal static class DatabaseCommands
{
    public static Command Create(CliConsole console)
    {
        var migrate = new Command("migrate", "Create the database or apply pending schema migrations (every command also does this on first use), and append once the ledger facts earlier builds did not record.");
        migrate.SetAction(async (parse, ct) =>
        {
            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            await console.Out.WriteLineAsync($"database {store.Location.Display} is up to date; PHI key {store.Location.Phi.KeyId ?? "not set"}");

            // Opening encrypts query texts left in clear when it applies a migration; a database
            // migrated without a key (PostgreSQL) is converted by the first migrate that has one.
            var encrypted = await PlaintextQueryText.EncryptAsync(store.Location, ct);
            if (encrypted > 0)
            {
                await console.Out.WriteLineAsync($"encrypted the texts of {encrypted} documentation queries stored in clear");
            }

            if (await PlaintextQueryText.CountAsync(store.Location, ct) is > 0 and var left)
            {
                await console.Out.WriteLineAsync($"{left} documentation queries still have texts in clear: run db migrate again with {PhiKeys.Variable} set");
            }

            // Facts replay needs that older builds did not ledger are appended once, never edited into old events (docs/LEDGER.md, "Replay").
            var backfilled = await new Storage.Ledger.LedgerBackfill(store).RunAsync(ct);
            if (backfilled > 0)
            {
                await console.Out.WriteLineAsync($"ledger backfill: {backfilled} event(s) appended with facts earlier builds did not record");
            }

            return ExitCodes.Success;
        });

        var phiKey = new Command("phi-key", $"Print a new random PHI encryption key (base64 of 256 bits) for {PhiKeys.Variable}; a PostgreSQL database needs one, SQLite keeps its own in DB{PhiKeys.FileSuffix}.");
        phiKey.SetAction(async (_, _) =>
        {
            await console.Out.WriteLineAsync(PhiKey.Generate().ToBase64());
            return ExitCodes.Success;
        });

        var db = new Command("db", "Database maintenance.");
        db.Subcommands.Add(migrate);
        db.Subcommands.Add(phiKey);
        return db;
    }
}
