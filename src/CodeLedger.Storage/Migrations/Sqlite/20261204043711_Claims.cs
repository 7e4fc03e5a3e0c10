using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CodeLedger.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Claims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "claims",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    practice_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    encounter_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    claim_id = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    submission = table.Column<int>(type: "INTEGER", nullable: false),
                    frequency = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    replaces_claim_id = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    payer_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    payer_id = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    payer_claim_control_number = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    total_charge = table.Column<long>(type: "INTEGER", nullable: true),
                    lines = table.Column<string>(type: "TEXT", nullable: false),
                    findings = table.Column<string>(type: "TEXT", nullable: false),
                    built_at = table.Column<long>(type: "INTEGER", nullable: false),
                    built_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    submitted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    interchange_control_number = table.Column<int>(type: "INTEGER", nullable: true),
                    receiver_id = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_claims", x => x.id);
                    table.ForeignKey(
                        name: "FK_claims_encounters_encounter_id",
                        column: x => x.encounter_id,
                        principalTable: "encounters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_claims_organizations_practice_id",
                        column: x => x.practice_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_claims_encounter_id_submission",
                table: "claims",
                columns: new[] { "encounter_id", "submission" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_claims_practice_id_claim_id",
                table: "claims",
                columns: new[] { "practice_id", "claim_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_claims_practice_id_status",
                table: "claims",
                columns: new[] { "practice_id", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "claims");
        }
    }
}
