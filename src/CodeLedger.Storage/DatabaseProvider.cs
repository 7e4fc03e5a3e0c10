namespace CodeLedger.Storage;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
