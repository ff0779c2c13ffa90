using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrganisationRegistry.Domain.Persistence.Migrations.SqlServer
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
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Name",
                table: "KboEnterprises",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RegisteredSeat",
                table: "KboEnterprises",
                type: "nvarchar(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ShortName",
                table: "KboEnterprises",
                type: "nvarchar(100)",
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
