using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CodeLedger.Storage.Migrations.Postgres
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    encounter_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_id = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    submission = table.Column<int>(type: "integer", nullable: false),
                    frequency = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    replaces_claim_id = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    payer_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    payer_id = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    payer_claim_control_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    total_charge = table.Column<long>(type: "bigint", nullable: true),
                    lines = table.Column<string>(type: "text", nullable: false),
                    findings = table.Column<string>(type: "text", nullable: false),
                    built_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    built_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    interchange_control_number = table.Column<int>(type: "integer", nullable: true),
                    receiver_id = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    file_name = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
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
