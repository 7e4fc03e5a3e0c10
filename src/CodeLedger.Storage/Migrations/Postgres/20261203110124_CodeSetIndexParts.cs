using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CodeLedger.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CodeSetIndexParts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "code_set_index_parts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    release_id = table.Column<long>(type: "bigint", nullable: false),
                    format = table.Column<int>(type: "integer", nullable: false),
                    part = table.Column<int>(type: "integer", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_code_set_index_parts", x => x.id);
                    table.ForeignKey(
                        name: "FK_code_set_index_parts_code_set_releases_release_id",
                        column: x => x.release_id,
                        principalTable: "code_set_releases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_code_set_index_parts_release_id_format_part",
                table: "code_set_index_parts",
                columns: new[] { "release_id", "format", "part" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "code_set_index_parts");
        }
    }
}
