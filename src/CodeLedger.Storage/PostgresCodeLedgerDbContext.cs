using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage;

public sealed class PostgresCodeLedgerDbContext(DbContextOptions<PostgresCodeLedgerDbContext> options) : CodeLedgerDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
