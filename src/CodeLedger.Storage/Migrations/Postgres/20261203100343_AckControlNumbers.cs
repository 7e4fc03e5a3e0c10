using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CodeLedger.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AckControlNumbers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "x12_control_numbers",
                columns: table => new
                {
                    sender_qualifier = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    sender_id = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    receiver_qualifier = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    receiver_id = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    last_control_number = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_x12_control_numbers", x => new { x.sender_qualifier, x.sender_id, x.receiver_qualifier, x.receiver_id });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "x12_control_numbers");
        }
    }
}
