using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CodeLedger.Storage.Migrations.Postgres
{
    /// <summary>
    /// Claim updates become HOT (docs/PERFORMANCE.md, "HOT claim updates"): the claims' index on
    /// (practice, status) goes, so no index names a column an update changes, and the table keeps half
    /// of each page free for the new versions. A fill factor applies only to pages written after it is
    /// set, so the table is rewritten once (VACUUM FULL, which keeps the rows' order; it cannot run in
    /// a transaction): without it a database migrated with its claims in place would keep full pages
    /// and the next posting's updates would not be HOT. Hand-added to the generated migration.
    /// </summary>
    public partial class ClaimsHotUpdates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_claims_practice_id_status",
                table: "claims");

            migrationBuilder.AlterTable(
                name: "claims")
                .Annotation("Npgsql:StorageParameter:fillfactor", 50);

            migrationBuilder.Sql("VACUUM FULL claims;", suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterTable(
                name: "claims")
                .OldAnnotation("Npgsql:StorageParameter:fillfactor", 50);

            migrationBuilder.CreateIndex(
                name: "IX_claims_practice_id_status",
                table: "claims",
                columns: new[] { "practice_id", "status" });
        }
    }
}
