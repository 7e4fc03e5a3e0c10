using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CodeLedger.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CodingEditVerdict : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "documentation_version",
                table: "coding_results",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "edit_errors",
                table: "coding_results",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "override_reason",
                table: "coding_results",
                type: "TEXT",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "documentation_version",
                table: "coding_results");

            migrationBuilder.DropColumn(
                name: "edit_errors",
                table: "coding_results");

            migrationBuilder.DropColumn(
                name: "override_reason",
                table: "coding_results");
        }
    }
}
