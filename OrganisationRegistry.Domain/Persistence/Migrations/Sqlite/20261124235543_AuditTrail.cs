using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrganisationRegistry.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditTrail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Position = table.Column<long>(type: "INTEGER", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ActorKind = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: false),
                    ActorOrganisation = table.Column<string>(type: "TEXT", unicode: false, maxLength: 9, nullable: true),
                    Channel = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: false),
                    Operation = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", unicode: false, maxLength: 100, nullable: false),
                    EntityKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OrganisationOvoCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 9, nullable: true),
                    DomainCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    OldValues = table.Column<string>(type: "TEXT", nullable: true),
                    NewValues = table.Column<string>(type: "TEXT", nullable: true),
                    CorrelationId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Hash = table.Column<byte[]>(type: "BLOB", fixedLength: true, maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Position);
                });

            migrationBuilder.InsertData(
                table: "Sequences",
                columns: new[] { "Name", "NextValue" },
                values: new object[] { "audit-position", 1L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DeleteData(
                table: "Sequences",
                keyColumn: "Name",
                keyValue: "audit-position");
        }
    }
}
