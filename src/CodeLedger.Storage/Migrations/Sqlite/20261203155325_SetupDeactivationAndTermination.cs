using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CodeLedger.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SetupDeactivationAndTermination : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every physician and coder stored before this migration was active: only a setup
            // deactivates one (docs/SETUP.md). Edited by hand: EF writes false, the CLR default.
            migrationBuilder.AddColumn<bool>(
                name: "active",
                table: "physicians",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "active",
                table: "coders",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "terminated_on",
                table: "business_associate_agreements",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "active",
                table: "physicians");

            migrationBuilder.DropColumn(
                name: "active",
                table: "coders");

            migrationBuilder.DropColumn(
                name: "terminated_on",
                table: "business_associate_agreements");
        }
    }
}
