using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrganisationRegistry.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AuditHeadOnCounter : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "LastHash",
                table: "Sequences",
                type: "binary(32)",
                fixedLength: true,
                maxLength: 32,
                nullable: true);

            migrationBuilder.UpdateData(
                table: "Sequences",
                keyColumn: "Name",
                keyValue: "audit-position",
                column: "LastHash",
                value: null);

            migrationBuilder.UpdateData(
                table: "Sequences",
                keyColumn: "Name",
                keyValue: "ovo-code",
                column: "LastHash",
                value: null);

            // The head of a trail written before this column: the hash of its last entry (none for an empty trail).
            migrationBuilder.Sql("UPDATE [Sequences] SET [LastHash] = (SELECT [Hash] FROM [AuditEntries] WHERE [Position] = (SELECT MAX([Position]) FROM [AuditEntries])) WHERE [Name] = 'audit-position'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LastHash",
                table: "Sequences");
        }
    }
}
