using System.CommandLine;
using CodeLedger.Storage;

namespace CodeLedger.Cli.Database;

/// <summary>Opens the database a command names (--db, CODELEDGER_DB, or ./codeledger.db), migrating it on first use.</summary>
internal static class CliStore
{
    public static async Task<CodeLedgerStore> OpenAsync(ParseResult parse, TimeProvider time, CancellationToken ct)
    {
        var spec = CommonOptions.ResolveDb(parse);
        try
        {
            return await CodeLedgerStore.OpenAsync(spec, time, ct);
        }
        catch (StorageException e)
        {
            throw new CliException(e.Message, ExitCodes.UsageOrUnreadable);
        }
    }
}
