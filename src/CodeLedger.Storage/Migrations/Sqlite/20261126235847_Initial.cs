using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CodeLedger.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "code_set_releases",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    effective_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    effective_through = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    entry_count = table.Column<int>(type: "INTEGER", nullable: false),
                    imported_at = table.Column<long>(type: "INTEGER", nullable: false),
                    imported_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    gzipped_by_code_ledger = table.Column<bool>(type: "INTEGER", nullable: false),
                    content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_code_set_releases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "credential_map_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    json = table.Column<string>(type: "TEXT", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    set_at = table.Column<long>(type: "INTEGER", nullable: false),
                    set_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_credential_map_versions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ledger_events",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    instant = table.Column<long>(type: "INTEGER", nullable: false),
                    actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    previous_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_events", x => x.sequence);
                });

            migrationBuilder.CreateTable(
                name: "organizations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organizations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "business_associate_agreements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    practice_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    vendor_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    practice_signatory = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    vendor_signatory = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    signed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    effective_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    expires_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    document_sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_business_associate_agreements", x => x.id);
                    table.ForeignKey(
                        name: "FK_business_associate_agreements_organizations_practice_id",
                        column: x => x.practice_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_business_associate_agreements_organizations_vendor_id",
                        column: x => x.vendor_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "coders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    vendor_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    credentials = table.Column<string>(type: "TEXT", nullable: false),
                    specialties = table.Column<string>(type: "TEXT", nullable: false),
                    absences = table.Column<string>(type: "TEXT", nullable: false),
                    is_lead = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_coders", x => x.id);
                    table.ForeignKey(
                        name: "FK_coders_organizations_vendor_id",
                        column: x => x.vendor_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "physicians",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    practice_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    npi = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    taxonomy = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    specialty = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_physicians", x => x.id);
                    table.ForeignKey(
                        name: "FK_physicians_organizations_practice_id",
                        column: x => x.practice_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sla_contracts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    practice_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    vendor_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    effective_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    turnaround_target_hours = table.Column<int>(type: "INTEGER", nullable: false),
                    clock = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    time_zone_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    working_hours = table.Column<string>(type: "TEXT", nullable: false),
                    holidays = table.Column<string>(type: "TEXT", nullable: false),
                    accuracy_floor_percent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    query_response_window_hours = table.Column<int>(type: "INTEGER", nullable: false),
                    open_query_pauses_clock = table.Column<bool>(type: "INTEGER", nullable: false),
                    corrected_documentation_restarts_clock = table.Column<bool>(type: "INTEGER", nullable: false),
                    credit_schedule = table.Column<string>(type: "TEXT", nullable: false),
                    monthly_fee = table.Column<long>(type: "INTEGER", nullable: false),
                    remediation_after_consecutive_breach_months = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sla_contracts", x => x.id);
                    table.ForeignKey(
                        name: "FK_sla_contracts_organizations_practice_id",
                        column: x => x.practice_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_sla_contracts_organizations_vendor_id",
                        column: x => x.vendor_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "training_records",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    coder_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    release = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    release_effective_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    completed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_training_records", x => x.id);
                    table.ForeignKey(
                        name: "FK_training_records_coders_coder_id",
                        column: x => x.coder_id,
                        principalTable: "coders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "encounters",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    practice_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    physician_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    external_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    patient = table.Column<string>(type: "TEXT", nullable: false),
                    date_of_service = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    place_of_service = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    specialty = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    documentation_text = table.Column<string>(type: "TEXT", nullable: false),
                    documentation_completed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_encounters", x => x.id);
                    table.ForeignKey(
                        name: "FK_encounters_organizations_practice_id",
                        column: x => x.practice_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_encounters_physicians_physician_id",
                        column: x => x.physician_id,
                        principalTable: "physicians",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "coding_results",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    encounter_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    coder_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    coded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    diagnoses = table.Column<string>(type: "TEXT", nullable: false),
                    service_lines = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_coding_results", x => x.id);
                    table.ForeignKey(
                        name: "FK_coding_results_coders_coder_id",
                        column: x => x.coder_id,
                        principalTable: "coders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_coding_results_encounters_encounter_id",
                        column: x => x.encounter_id,
                        principalTable: "encounters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "documentation_queries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    encounter_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    physician_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    raised_by_coder_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    question = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    choices = table.Column<string>(type: "TEXT", nullable: false),
                    raised_at = table.Column<long>(type: "INTEGER", nullable: false),
                    due_at = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    answer = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    closed_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_documentation_queries", x => x.id);
                    table.ForeignKey(
                        name: "FK_documentation_queries_coders_raised_by_coder_id",
                        column: x => x.raised_by_coder_id,
                        principalTable: "coders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_documentation_queries_encounters_encounter_id",
                        column: x => x.encounter_id,
                        principalTable: "encounters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_documentation_queries_physicians_physician_id",
                        column: x => x.physician_id,
                        principalTable: "physicians",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "documentation_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    encounter_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    text = table.Column<string>(type: "TEXT", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    completed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_documentation_versions", x => x.id);
                    table.ForeignKey(
                        name: "FK_documentation_versions_encounters_encounter_id",
                        column: x => x.encounter_id,
                        principalTable: "encounters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "work_items",
                columns: table => new
                {
                    encounter_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    practice_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    vendor_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    coder_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    basis = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    assigned_at = table.Column<long>(type: "INTEGER", nullable: false),
                    documentation_version = table.Column<int>(type: "INTEGER", nullable: false),
                    documentation_completed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    clock_start = table.Column<long>(type: "INTEGER", nullable: false),
                    finalized_at = table.Column<long>(type: "INTEGER", nullable: true),
                    final_coding_version = table.Column<int>(type: "INTEGER", nullable: true),
                    coded_without_query_response = table.Column<bool>(type: "INTEGER", nullable: false),
                    override_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    override_by = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_work_items", x => x.encounter_id);
                    table.ForeignKey(
                        name: "FK_work_items_coders_coder_id",
                        column: x => x.coder_id,
                        principalTable: "coders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_work_items_encounters_encounter_id",
                        column: x => x.encounter_id,
                        principalTable: "encounters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_work_items_organizations_practice_id",
                        column: x => x.practice_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_work_items_organizations_vendor_id",
                        column: x => x.vendor_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_business_associate_agreements_practice_id_vendor_id",
                table: "business_associate_agreements",
                columns: new[] { "practice_id", "vendor_id" });

            migrationBuilder.CreateIndex(
                name: "IX_business_associate_agreements_vendor_id",
                table: "business_associate_agreements",
                column: "vendor_id");

            migrationBuilder.CreateIndex(
                name: "IX_code_set_releases_kind_effective_date",
                table: "code_set_releases",
                columns: new[] { "kind", "effective_date" });

            migrationBuilder.CreateIndex(
                name: "IX_code_set_releases_sha256",
                table: "code_set_releases",
                column: "sha256",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_coders_user_name",
                table: "coders",
                column: "user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_coders_vendor_id",
                table: "coders",
                column: "vendor_id");

            migrationBuilder.CreateIndex(
                name: "IX_coding_results_coder_id",
                table: "coding_results",
                column: "coder_id");

            migrationBuilder.CreateIndex(
                name: "IX_coding_results_encounter_id_version",
                table: "coding_results",
                columns: new[] { "encounter_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_credential_map_versions_set_at",
                table: "credential_map_versions",
                column: "set_at");

            migrationBuilder.CreateIndex(
                name: "IX_documentation_queries_encounter_id",
                table: "documentation_queries",
                column: "encounter_id");

            migrationBuilder.CreateIndex(
                name: "IX_documentation_queries_physician_id_status",
                table: "documentation_queries",
                columns: new[] { "physician_id", "status" });

            migrationBuilder.CreateIndex(
                name: "IX_documentation_queries_raised_by_coder_id",
                table: "documentation_queries",
                column: "raised_by_coder_id");

            migrationBuilder.CreateIndex(
                name: "IX_documentation_queries_status_due_at",
                table: "documentation_queries",
                columns: new[] { "status", "due_at" });

            migrationBuilder.CreateIndex(
                name: "IX_documentation_versions_encounter_id_version",
                table: "documentation_versions",
                columns: new[] { "encounter_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_encounters_physician_id",
                table: "encounters",
                column: "physician_id");

            migrationBuilder.CreateIndex(
                name: "IX_encounters_practice_id_date_of_service",
                table: "encounters",
                columns: new[] { "practice_id", "date_of_service" });

            migrationBuilder.CreateIndex(
                name: "IX_encounters_practice_id_external_id",
                table: "encounters",
                columns: new[] { "practice_id", "external_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_events_hash",
                table: "ledger_events",
                column: "hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_events_type_subject",
                table: "ledger_events",
                columns: new[] { "type", "subject" });

            migrationBuilder.CreateIndex(
                name: "IX_organizations_code",
                table: "organizations",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_physicians_npi",
                table: "physicians",
                column: "npi",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_physicians_practice_id",
                table: "physicians",
                column: "practice_id");

            migrationBuilder.CreateIndex(
                name: "IX_sla_contracts_practice_id_vendor_id_effective_on",
                table: "sla_contracts",
                columns: new[] { "practice_id", "vendor_id", "effective_on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sla_contracts_vendor_id",
                table: "sla_contracts",
                column: "vendor_id");

            migrationBuilder.CreateIndex(
                name: "IX_training_records_coder_id_release",
                table: "training_records",
                columns: new[] { "coder_id", "release" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_work_items_coder_id_status",
                table: "work_items",
                columns: new[] { "coder_id", "status" });

            migrationBuilder.CreateIndex(
                name: "IX_work_items_practice_id_vendor_id_finalized_at_clock_start_encounter_id",
                table: "work_items",
                columns: new[] { "practice_id", "vendor_id", "finalized_at", "clock_start", "encounter_id" });

            migrationBuilder.CreateIndex(
                name: "IX_work_items_vendor_id",
                table: "work_items",
                column: "vendor_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "business_associate_agreements");

            migrationBuilder.DropTable(
                name: "code_set_releases");

            migrationBuilder.DropTable(
                name: "coding_results");

            migrationBuilder.DropTable(
                name: "credential_map_versions");

            migrationBuilder.DropTable(
                name: "documentation_queries");

            migrationBuilder.DropTable(
                name: "documentation_versions");

            migrationBuilder.DropTable(
                name: "ledger_events");

            migrationBuilder.DropTable(
                name: "sla_contracts");

            migrationBuilder.DropTable(
                name: "training_records");

            migrationBuilder.DropTable(
                name: "work_items");

            migrationBuilder.DropTable(
                name: "coders");

            migrationBuilder.DropTable(
                name: "encounters");

            migrationBuilder.DropTable(
                name: "physicians");

            migrationBuilder.DropTable(
                name: "organizations");
        }
    }
}
