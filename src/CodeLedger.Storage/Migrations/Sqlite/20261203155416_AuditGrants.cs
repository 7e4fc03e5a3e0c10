using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CodeLedger.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditGrants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_grants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    auditor_organization_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    practice_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    encounter_ids = table.Column<string>(type: "TEXT", nullable: false),
                    from = table.Column<long>(type: "INTEGER", nullable: false),
                    to = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_grants", x => x.id);
                    table.ForeignKey(
                        name: "FK_audit_grants_organizations_auditor_organization_id",
                        column: x => x.auditor_organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_audit_grants_organizations_practice_id",
                        column: x => x.practice_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_grants_auditor_organization_id",
                table: "audit_grants",
                column: "auditor_organization_id");

            migrationBuilder.CreateIndex(
                name: "IX_audit_grants_practice_id",
                table: "audit_grants",
                column: "practice_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_grants");
        }
    }
}
