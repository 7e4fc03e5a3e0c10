using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CodeLedger.Storage.Migrations.Postgres
{
    /// <summary>
    /// Ledger payloads over 2 KB are compressed with lz4 instead of PostgreSQL's default pglz. A
    /// 50 MB 835 writes about 180 MB of <c>remittance.posted</c> payload; pglz spent about 2 s of
    /// the server's CPU on it, lz4 a fraction of that for nearly the same size (40 against 38 MB),
    /// docs/PERFORMANCE.md "`import remits` end to end". Values already stored keep their
    /// compression; reading either is transparent. A server built without lz4 (or older than PostgreSQL 14,
    /// which has no per-column compression) keeps pglz: the setting is an optimisation, never a reason to refuse a database. No model change: the
    /// compression is storage only, so the model snapshot is unchanged.
    /// </summary>
    public partial class LedgerPayloadLz4 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DO $$
                BEGIN
                    ALTER TABLE ledger_events ALTER COLUMN payload SET COMPRESSION lz4;
                EXCEPTION WHEN feature_not_supported OR invalid_parameter_value OR syntax_error THEN
                    RAISE NOTICE 'lz4 is not available on this server: ledger payloads keep pglz';
                END
                $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE ledger_events ALTER COLUMN payload SET COMPRESSION default;");
        }
    }
}
