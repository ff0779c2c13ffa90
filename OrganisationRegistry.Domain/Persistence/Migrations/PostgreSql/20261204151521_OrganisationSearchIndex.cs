using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrganisationRegistry.Domain.Persistence.Migrations.PostgreSql
{
    /// <summary>
    /// A trigram index on the normalised search text, so that a contains-search (<c>LIKE '%term%'</c>, as EF Core
    /// translates <c>SearchText.Contains(term)</c>) reads the index instead of every row, for terms of 3 or more
    /// characters (decision 0003). Not part of the model: pg_trgm is PostgreSQL's own.
    /// </summary>
    public partial class OrganisationSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql(
                "CREATE INDEX \"IX_Organisations_SearchText_Trigram\" ON \"Organisations\" USING gin (\"SearchText\" gin_trgm_ops);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The extension stays: other objects may use it.
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Organisations_SearchText_Trigram\";");
        }
    }
}
