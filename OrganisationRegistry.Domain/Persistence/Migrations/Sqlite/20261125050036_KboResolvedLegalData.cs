using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrganisationRegistry.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class KboResolvedLegalData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LegalForm",
                table: "KboEnterprises",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Name",
                table: "KboEnterprises",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RegisteredSeat",
                table: "KboEnterprises",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ShortName",
                table: "KboEnterprises",
                type: "TEXT",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LegalForm",
                table: "KboEnterprises");

            migrationBuilder.DropColumn(
                name: "Name",
                table: "KboEnterprises");

            migrationBuilder.DropColumn(
                name: "RegisteredSeat",
                table: "KboEnterprises");

            migrationBuilder.DropColumn(
                name: "ShortName",
                table: "KboEnterprises");
        }
    }
}
