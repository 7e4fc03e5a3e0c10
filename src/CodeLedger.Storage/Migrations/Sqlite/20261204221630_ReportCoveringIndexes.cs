using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CodeLedger.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_work_items_practice_id_vendor_id_finalized_at_clock_start_encounter_id",
                table: "work_items");

            migrationBuilder.CreateIndex(
                name: "IX_work_items_finalized_work",
                table: "work_items",
                columns: new[] { "practice_id", "vendor_id", "finalized_at", "clock_start", "encounter_id", "coder_id", "final_coding_version" });

            migrationBuilder.CreateIndex(
                name: "IX_coding_results_final_codes",
                table: "coding_results",
                columns: new[] { "encounter_id", "version", "coder_id", "diagnoses", "service_lines" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_work_items_finalized_work",
                table: "work_items");

            migrationBuilder.DropIndex(
                name: "IX_coding_results_final_codes",
                table: "coding_results");

            migrationBuilder.CreateIndex(
                name: "IX_work_items_practice_id_vendor_id_finalized_at_clock_start_encounter_id",
                table: "work_items",
                columns: new[] { "practice_id", "vendor_id", "finalized_at", "clock_start", "encounter_id" });
        }
    }
}
