using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CodeLedger.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditEngagements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_engagements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    auditor_organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    adjudicator = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    seed = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    from_date = table.Column<DateOnly>(type: "date", nullable: false),
                    to_date = table.Column<DateOnly>(type: "date", nullable: false),
                    fixed_size = table.Column<int>(type: "integer", nullable: true),
                    size_from_margin = table.Column<bool>(type: "boolean", nullable: false),
                    margin = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: false),
                    expected_accuracy = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: false),
                    stratification = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    per_stratum = table.Column<int>(type: "integer", nullable: true),
                    specialty = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    floor = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: false),
                    definition = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    frame_size = table.Column<int>(type: "integer", nullable: false),
                    required_size = table.Column<int>(type: "integer", nullable: false),
                    strata = table.Column<string>(type: "text", nullable: false),
                    conversion_factors = table.Column<string>(type: "text", nullable: false),
                    grant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_engagements", x => x.id);
                    table.ForeignKey(
                        name: "FK_audit_engagements_organizations_auditor_organization_id",
                        column: x => x.auditor_organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_audit_engagements_organizations_practice_id",
                        column: x => x.practice_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "audit_adjudications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    audit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    finding_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    adjudicated_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    adjudicated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_adjudications", x => x.id);
                    table.ForeignKey(
                        name: "FK_audit_adjudications_audit_engagements_audit_id",
                        column: x => x.audit_id,
                        principalTable: "audit_engagements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "audit_codings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    audit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    encounter_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    diagnoses = table.Column<string>(type: "text", nullable: false),
                    service_lines = table.Column<string>(type: "text", nullable: false),
                    em = table.Column<string>(type: "text", nullable: true),
                    vendor_source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    vendor_version = table.Column<int>(type: "integer", nullable: false),
                    vendor_diagnoses = table.Column<string>(type: "text", nullable: false),
                    vendor_service_lines = table.Column<string>(type: "text", nullable: false),
                    prices = table.Column<string>(type: "text", nullable: false),
                    conversion_factor = table.Column<decimal>(type: "numeric(12,4)", precision: 12, scale: 4, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_codings", x => x.id);
                    table.ForeignKey(
                        name: "FK_audit_codings_audit_engagements_audit_id",
                        column: x => x.audit_id,
                        principalTable: "audit_engagements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_audit_codings_encounters_encounter_id",
                        column: x => x.encounter_id,
                        principalTable: "encounters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "audit_rebuttals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    audit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    finding_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    rebutted_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    rebutted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_rebuttals", x => x.id);
                    table.ForeignKey(
                        name: "FK_audit_rebuttals_audit_engagements_audit_id",
                        column: x => x.audit_id,
                        principalTable: "audit_engagements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "audit_sample_members",
                columns: table => new
                {
                    audit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    encounter_id = table.Column<Guid>(type: "uuid", nullable: false),
                    encounter_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    physician_npi = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    specialty = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    coder_id = table.Column<Guid>(type: "uuid", nullable: true),
                    date_of_service = table.Column<DateOnly>(type: "date", nullable: false),
                    stratum = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    stratum_rank = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_sample_members", x => new { x.audit_id, x.position });
                    table.ForeignKey(
                        name: "FK_audit_sample_members_audit_engagements_audit_id",
                        column: x => x.audit_id,
                        principalTable: "audit_engagements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_audit_sample_members_encounters_encounter_id",
                        column: x => x.encounter_id,
                        principalTable: "encounters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_adjudications_audit_id_finding_id",
                table: "audit_adjudications",
                columns: new[] { "audit_id", "finding_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_audit_codings_audit_id_encounter_id",
                table: "audit_codings",
                columns: new[] { "audit_id", "encounter_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_audit_codings_encounter_id",
                table: "audit_codings",
                column: "encounter_id");

            migrationBuilder.CreateIndex(
                name: "IX_audit_engagements_auditor_organization_id",
                table: "audit_engagements",
                column: "auditor_organization_id");

            migrationBuilder.CreateIndex(
                name: "IX_audit_engagements_practice_id",
                table: "audit_engagements",
                column: "practice_id");

            migrationBuilder.CreateIndex(
                name: "IX_audit_rebuttals_audit_id_finding_id",
                table: "audit_rebuttals",
                columns: new[] { "audit_id", "finding_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_audit_sample_members_audit_id_encounter_id",
                table: "audit_sample_members",
                columns: new[] { "audit_id", "encounter_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_audit_sample_members_encounter_id",
                table: "audit_sample_members",
                column: "encounter_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_adjudications");

            migrationBuilder.DropTable(
                name: "audit_codings");

            migrationBuilder.DropTable(
                name: "audit_rebuttals");

            migrationBuilder.DropTable(
                name: "audit_sample_members");

            migrationBuilder.DropTable(
                name: "audit_engagements");
        }
    }
}
