using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CodeLedger.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Billing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "billing_profiles",
                columns: table => new
                {
                    practice_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    npi = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ein = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    address_line1 = table.Column<string>(type: "TEXT", maxLength: 55, nullable: false),
                    address_line2 = table.Column<string>(type: "TEXT", maxLength: 55, nullable: true),
                    city = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    postal_code = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    submitter_etin = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    submitter_name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    contact_name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    contact_phone = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    production = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_billing_profiles", x => x.practice_id);
                    table.ForeignKey(
                        name: "FK_billing_profiles_organizations_practice_id",
                        column: x => x.practice_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

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
                    group_control_number = table.Column<int>(type: "INTEGER", nullable: true),
                    transaction_control_number = table.Column<int>(type: "INTEGER", nullable: true),
                    acknowledged_at = table.Column<long>(type: "INTEGER", nullable: true),
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

            migrationBuilder.CreateTable(
                name: "encounter_coverages",
                columns: table => new
                {
                    encounter_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    payer_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    policy = table.Column<string>(type: "TEXT", nullable: false),
                    patient_address = table.Column<string>(type: "TEXT", nullable: true),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_encounter_coverages", x => new { x.encounter_id, x.version });
                    table.ForeignKey(
                        name: "FK_encounter_coverages_encounters_encounter_id",
                        column: x => x.encounter_id,
                        principalTable: "encounters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "payers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    practice_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    payer_id = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    claim_filing_indicator = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    interchange_qualifier = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    interchange_id = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    group_receiver_code = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payers", x => x.id);
                    table.ForeignKey(
                        name: "FK_payers_organizations_practice_id",
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

            migrationBuilder.CreateIndex(
                name: "IX_payers_practice_id_code",
                table: "payers",
                columns: new[] { "practice_id", "code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "billing_profiles");

            migrationBuilder.DropTable(
                name: "claims");

            migrationBuilder.DropTable(
                name: "encounter_coverages");

            migrationBuilder.DropTable(
                name: "payers");
        }
    }
}
