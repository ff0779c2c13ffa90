using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrganisationRegistry.Domain.Persistence.Migrations.PostgreSql
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
                    Position = table.Column<long>(type: "bigint", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ActorKind = table.Column<string>(type: "character varying(20)", unicode: false, maxLength: 20, nullable: false),
                    ActorOrganisation = table.Column<string>(type: "character varying(9)", unicode: false, maxLength: 9, nullable: true),
                    Channel = table.Column<string>(type: "character varying(20)", unicode: false, maxLength: 20, nullable: false),
                    Operation = table.Column<string>(type: "character varying(20)", unicode: false, maxLength: 20, nullable: false),
                    EntityType = table.Column<string>(type: "character varying(100)", unicode: false, maxLength: 100, nullable: false),
                    EntityKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OrganisationOvoCode = table.Column<string>(type: "character varying(9)", unicode: false, maxLength: 9, nullable: true),
                    DomainCode = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    OldValues = table.Column<string>(type: "text", nullable: true),
                    NewValues = table.Column<string>(type: "text", nullable: true),
                    CorrelationId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Hash = table.Column<byte[]>(type: "bytea", fixedLength: true, maxLength: 32, nullable: false)
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
