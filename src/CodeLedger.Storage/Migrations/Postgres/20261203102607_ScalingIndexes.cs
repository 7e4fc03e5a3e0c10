using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CodeLedger.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ScalingIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_work_items_coder_id_status",
                table: "work_items");

            migrationBuilder.DropIndex(
                name: "IX_encounters_practice_id_external_id",
                table: "encounters");

            migrationBuilder.DropIndex(
                name: "IX_documentation_queries_encounter_id",
                table: "documentation_queries");

            migrationBuilder.CreateIndex(
                name: "IX_work_items_open_by_coder",
                table: "work_items",
                columns: new[] { "coder_id", "status" },
                filter: "\"status\" <> 'Finalized'");

            migrationBuilder.CreateIndex(
                name: "IX_encounters_external_id_practice_id",
                table: "encounters",
                columns: new[] { "external_id", "practice_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_documentation_queries_encounter_id_status",
                table: "documentation_queries",
                columns: new[] { "encounter_id", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_work_items_open_by_coder",
                table: "work_items");

            migrationBuilder.DropIndex(
                name: "IX_encounters_external_id_practice_id",
                table: "encounters");

            migrationBuilder.DropIndex(
                name: "IX_documentation_queries_encounter_id_status",
                table: "documentation_queries");

            migrationBuilder.CreateIndex(
                name: "IX_work_items_coder_id_status",
                table: "work_items",
                columns: new[] { "coder_id", "status" });

            migrationBuilder.CreateIndex(
                name: "IX_encounters_practice_id_external_id",
                table: "encounters",
                columns: new[] { "practice_id", "external_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_documentation_queries_encounter_id",
                table: "documentation_queries",
                column: "encounter_id");
        }
    }
}
