using System.CommandLine;

namespace CodeLedger.Cli;

internal static class CommonOptions
{
    public const string DbVariable = "CODELEDGER_DB";

    /// <summary>A SQLite file path, or a PostgreSQL connection string starting with Host=.</summary>
    public static readonly Option<string?> Db = new("--db")
    {
        Description = $"database: a SQLite file (default ./codeledger.db, or ${DbVariable}) or a PostgreSQL connection string starting Host=",
        Recursive = true,
    };

    public static Option<bool> Json() => new("--json") { Description = "print JSON instead of text" };

    public static string ResolveDb(ParseResult parse) =>
        parse.GetValue(Db) is { Length: > 0 } db ? db
        : Environment.GetEnvironmentVariable(DbVariable) is { Length: > 0 } env ? env
        : "codeledger.db";
}
