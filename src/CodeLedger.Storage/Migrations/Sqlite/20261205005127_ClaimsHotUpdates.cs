using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CodeLedger.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClaimsHotUpdates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_claims_practice_id_status",
                table: "claims");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_claims_practice_id_status",
                table: "claims",
                columns: new[] { "practice_id", "status" });
        }
    }
}
