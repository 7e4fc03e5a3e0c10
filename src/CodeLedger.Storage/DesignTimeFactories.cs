using Microsoft.EntityFrameworkCore.Design;

namespace CodeLedger.Storage;

/// <summary>Used only by dotnet-ef to generate migrations (scripts/regenerate-migrations.sh); nothing connects.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCodeLedgerDbContext>
{
    public SqliteCodeLedgerDbContext CreateDbContext(string[] args) =>
        (SqliteCodeLedgerDbContext)DatabaseLocation.Parse("design-time.db").CreateContext();
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCodeLedgerDbContext>
{
    public PostgresCodeLedgerDbContext CreateDbContext(string[] args) =>
        (PostgresCodeLedgerDbContext)DatabaseLocation.Parse("Host=localhost;Database=codeledger_design").CreateContext();
}
