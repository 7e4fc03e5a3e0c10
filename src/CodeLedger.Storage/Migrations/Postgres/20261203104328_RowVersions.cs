using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CodeLedger.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RowVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "work_items",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "documentation_queries",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "xmin",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "documentation_queries");
        }
    }
}
