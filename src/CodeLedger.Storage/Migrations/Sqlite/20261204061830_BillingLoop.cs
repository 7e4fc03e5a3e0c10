using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CodeLedger.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BillingLoop : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "coding_version",
                table: "claims",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "acknowledgments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    practice_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    sender = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    imported_at = table.Column<long>(type: "INTEGER", nullable: false),
                    imported_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    claims = table.Column<string>(type: "TEXT", nullable: false),
                    unmatched = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_acknowledgments", x => x.id);
                    table.ForeignKey(
                        name: "FK_acknowledgments_organizations_practice_id",
                        column: x => x.practice_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "remittance_payments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    practice_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    payer_id = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    trace_number = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    total_payment = table.Column<long>(type: "INTEGER", nullable: false),
                    payment_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    file_sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    transaction_set = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    unbalanced = table.Column<bool>(type: "INTEGER", nullable: false),
                    posted_at = table.Column<long>(type: "INTEGER", nullable: false),
                    posted_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_remittance_payments", x => x.id);
                    table.ForeignKey(
                        name: "FK_remittance_payments_organizations_practice_id",
                        column: x => x.practice_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "claim_postings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    payment_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    practice_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    claim_row_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    claim_id = table.Column<string>(type: "TEXT", maxLength: 38, nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    charge = table.Column<long>(type: "INTEGER", nullable: false),
                    paid = table.Column<long>(type: "INTEGER", nullable: false),
                    patient_responsibility = table.Column<long>(type: "INTEGER", nullable: true),
                    payer_claim_control_number = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    reverses_posting_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    matched_by_hand = table.Column<bool>(type: "INTEGER", nullable: false),
                    adjustments = table.Column<string>(type: "TEXT", nullable: false),
                    lines = table.Column<string>(type: "TEXT", nullable: false),
                    posted_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_claim_postings", x => x.id);
                    table.ForeignKey(
                        name: "FK_claim_postings_claims_claim_row_id",
                        column: x => x.claim_row_id,
                        principalTable: "claims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_claim_postings_remittance_payments_payment_id",
                        column: x => x.payment_id,
                        principalTable: "remittance_payments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "provider_adjustments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    payment_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    practice_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    provider_id = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    fiscal_period_end = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    reason = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    reference = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    amount = table.Column<long>(type: "INTEGER", nullable: false),
                    claim_id = table.Column<string>(type: "TEXT", maxLength: 38, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_provider_adjustments", x => x.id);
                    table.ForeignKey(
                        name: "FK_provider_adjustments_remittance_payments_payment_id",
                        column: x => x.payment_id,
                        principalTable: "remittance_payments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "unmatched_claim_payments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    payment_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    practice_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    patient_control_number = table.Column<string>(type: "TEXT", maxLength: 38, nullable: false),
                    payer_claim_control_number = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    charge = table.Column<long>(type: "INTEGER", nullable: false),
                    paid = table.Column<long>(type: "INTEGER", nullable: false),
                    patient_responsibility = table.Column<long>(type: "INTEGER", nullable: true),
                    adjustments = table.Column<string>(type: "TEXT", nullable: false),
                    services = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unmatched_claim_payments", x => x.id);
                    table.ForeignKey(
                        name: "FK_unmatched_claim_payments_remittance_payments_payment_id",
                        column: x => x.payment_id,
                        principalTable: "remittance_payments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "denial_work_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    practice_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    posting_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    claim_id = table.Column<string>(type: "TEXT", maxLength: 38, nullable: false),
                    root_cause = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    amount = table.Column<long>(type: "INTEGER", nullable: false),
                    team = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    coder = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    state = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    opened_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_denial_work_items", x => x.id);
                    table.ForeignKey(
                        name: "FK_denial_work_items_claim_postings_posting_id",
                        column: x => x.posting_id,
                        principalTable: "claim_postings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_acknowledgments_practice_id_sha256",
                table: "acknowledgments",
                columns: new[] { "practice_id", "sha256" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_claim_postings_claim_row_id",
                table: "claim_postings",
                column: "claim_row_id");

            migrationBuilder.CreateIndex(
                name: "IX_claim_postings_payment_id",
                table: "claim_postings",
                column: "payment_id");

            migrationBuilder.CreateIndex(
                name: "IX_claim_postings_practice_id_claim_id",
                table: "claim_postings",
                columns: new[] { "practice_id", "claim_id" });

            migrationBuilder.CreateIndex(
                name: "IX_denial_work_items_posting_id",
                table: "denial_work_items",
                column: "posting_id");

            migrationBuilder.CreateIndex(
                name: "IX_denial_work_items_practice_id_state",
                table: "denial_work_items",
                columns: new[] { "practice_id", "state" });

            migrationBuilder.CreateIndex(
                name: "IX_provider_adjustments_payment_id",
                table: "provider_adjustments",
                column: "payment_id");

            migrationBuilder.CreateIndex(
                name: "IX_remittance_payments_practice_id_payer_id_trace_number",
                table: "remittance_payments",
                columns: new[] { "practice_id", "payer_id", "trace_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_unmatched_claim_payments_payment_id_position",
                table: "unmatched_claim_payments",
                columns: new[] { "payment_id", "position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_unmatched_claim_payments_practice_id",
                table: "unmatched_claim_payments",
                column: "practice_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "acknowledgments");

            migrationBuilder.DropTable(
                name: "denial_work_items");

            migrationBuilder.DropTable(
                name: "provider_adjustments");

            migrationBuilder.DropTable(
                name: "unmatched_claim_payments");

            migrationBuilder.DropTable(
                name: "claim_postings");

            migrationBuilder.DropTable(
                name: "remittance_payments");

            migrationBuilder.DropColumn(
                name: "coding_version",
                table: "claims");
        }
    }
}
