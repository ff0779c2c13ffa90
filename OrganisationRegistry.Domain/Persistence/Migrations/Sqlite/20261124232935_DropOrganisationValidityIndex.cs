using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrganisationRegistry.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DropOrganisationValidityIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Organisations_ValidFrom_ValidTo",
                table: "Organisations");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Organisations_ValidFrom_ValidTo",
                table: "Organisations",
                columns: new[] { "ValidFrom", "ValidTo" });
        }
    }
}
