using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrganisationRegistry.Domain.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// An FTS5 table with the trigram tokenizer over the normalised search text, kept in step with
    /// <c>Organisations</c> by triggers, so that a contains-search of 3 or more characters reads the index instead of
    /// every row (decision 0003). Its rowid is the number of the OVO code (permanent and unique; the table's own rowid
    /// may change with VACUUM). Not part of the model: FTS5 is SQLite's own. A later migration that rebuilds the
    /// Organisations table drops these triggers and must create them again (a test checks that they exist).
    /// </summary>
    public partial class OrganisationSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            var newNumber = Number("new");
            var oldNumber = Number("old");

            // case_sensitive 1: the text and the term are already lower case; no folding of its own, so a match is
            // exactly a substring (as instr() says).
            migrationBuilder.Sql(
                "CREATE VIRTUAL TABLE \"OrganisationSearchIndex\" USING fts5(\"SearchText\", \"OrganisationId\" UNINDEXED, tokenize = 'trigram case_sensitive 1');");
            migrationBuilder.Sql(
                $"INSERT INTO \"OrganisationSearchIndex\" (rowid, \"SearchText\", \"OrganisationId\") SELECT {Number("\"Organisations\"")}, \"SearchText\", \"Id\" FROM \"Organisations\";");
            migrationBuilder.Sql(
                $"""
                CREATE TRIGGER "TR_Organisations_SearchIndex_Insert" AFTER INSERT ON "Organisations" BEGIN
                    INSERT INTO "OrganisationSearchIndex" (rowid, "SearchText", "OrganisationId") VALUES ({newNumber}, new."SearchText", new."Id");
                END;
                """);
            migrationBuilder.Sql(
                $"""
                CREATE TRIGGER "TR_Organisations_SearchIndex_Update" AFTER UPDATE OF "SearchText", "OvoCode", "Id" ON "Organisations" BEGIN
                    DELETE FROM "OrganisationSearchIndex" WHERE rowid = {oldNumber};
                    INSERT INTO "OrganisationSearchIndex" (rowid, "SearchText", "OrganisationId") VALUES ({newNumber}, new."SearchText", new."Id");
                END;
                """);
            migrationBuilder.Sql(
                $"""
                CREATE TRIGGER "TR_Organisations_SearchIndex_Delete" AFTER DELETE ON "Organisations" BEGIN
                    DELETE FROM "OrganisationSearchIndex" WHERE rowid = {oldNumber};
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_Organisations_SearchIndex_Insert\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_Organisations_SearchIndex_Update\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_Organisations_SearchIndex_Delete\";");
            migrationBuilder.Sql("DROP TABLE IF EXISTS \"OrganisationSearchIndex\";");
        }

        /// <summary>The number of the row's OVO code (OVO000123 is 123): the search index's rowid.</summary>
        private static string Number(string row) => $"CAST(substr({row}.\"OvoCode\", 4) AS INTEGER)";
    }
}
