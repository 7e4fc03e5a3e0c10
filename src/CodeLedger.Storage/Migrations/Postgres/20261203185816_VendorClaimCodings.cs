using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CodeLedger.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class VendorClaimCodings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "vendor_claim_codings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    encounter_id = table.Column<Guid>(type: "uuid", nullable: false),
                    vendor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    file_sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    interchange_control = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    group_control = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    transaction_control = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    patient_control_number = table.Column<string>(type: "character varying(38)", maxLength: 38, nullable: false),
                    diagnoses = table.Column<string>(type: "text", nullable: false),
                    service_lines = table.Column<string>(type: "text", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vendor_claim_codings", x => x.id);
                    table.ForeignKey(
                        name: "FK_vendor_claim_codings_encounters_encounter_id",
                        column: x => x.encounter_id,
                        principalTable: "encounters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_vendor_claim_codings_organizations_vendor_id",
                        column: x => x.vendor_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_vendor_claim_codings_encounter_id_vendor_id_version",
                table: "vendor_claim_codings",
                columns: new[] { "encounter_id", "vendor_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_vendor_claim_codings_vendor_id",
                table: "vendor_claim_codings",
                column: "vendor_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "vendor_claim_codings");
        }
    }
}
