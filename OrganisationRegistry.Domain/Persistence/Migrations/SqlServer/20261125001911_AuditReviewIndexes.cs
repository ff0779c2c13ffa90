using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrganisationRegistry.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AuditReviewIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ActorId_OccurredAt_Position",
                table: "AuditEntries",
                columns: new[] { "ActorId", "OccurredAt", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_CorrelationId_OccurredAt_Position",
                table: "AuditEntries",
                columns: new[] { "CorrelationId", "OccurredAt", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_DomainCode_OccurredAt_Position",
                table: "AuditEntries",
                columns: new[] { "DomainCode", "OccurredAt", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_OccurredAt_Position",
                table: "AuditEntries",
                columns: new[] { "OccurredAt", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_OrganisationOvoCode_OccurredAt_Position",
                table: "AuditEntries",
                columns: new[] { "OrganisationOvoCode", "OccurredAt", "Position" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_ActorId_OccurredAt_Position",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_CorrelationId_OccurredAt_Position",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_DomainCode_OccurredAt_Position",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_OccurredAt_Position",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_OrganisationOvoCode_OccurredAt_Position",
                table: "AuditEntries");
        }
    }
}
