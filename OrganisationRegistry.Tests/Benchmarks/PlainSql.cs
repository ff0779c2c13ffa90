using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using OrganisationRegistry.Domain.Persistence;

namespace OrganisationRegistry.Tests.Benchmarks;

/// <summary>
/// The benchmark's lower bounds: the questions the app's services answer, written by hand as plain SQL and read with
/// ADO.NET (no EF Core, no mapping to records), one pooled connection per question as the services open one context
/// per call. Where the app asks count + page, so does the bound. The same SQL on PostgreSQL and SQLite.
/// </summary>
public sealed class PlainSql(DatabaseProvider provider, string connectionString)
{
    private const string OrganisationColumns = "o.\"OvoCode\", o.\"Name\", o.\"ShortName\", o.\"KboNumber\", o.\"ValidFrom\", o.\"ValidTo\"";

    private const string MemberFrom = """
        FROM "DomainAssignments" a
        JOIN "ApplicationDomains" d ON d."Id" = a."ApplicationDomainId"
        """;

    private const string MemberWhere = """
        WHERE d."Code" = @code
          AND (a."ValidFrom" IS NULL OR a."ValidFrom" <= @on) AND (a."ValidTo" IS NULL OR a."ValidTo" >= @on)
        """;

    public DbConnection Connect() => provider == DatabaseProvider.PostgreSql
        ? new NpgsqlConnection(connectionString)
        : new SqliteConnection(connectionString);

    /// <summary>
    /// Organisations whose normalised name or short name contains <paramref name="normalisedTerm"/>: count and the first
    /// page by name, through the trigram index each provider has (decision 0003): PostgreSQL answers <c>LIKE</c> from its
    /// pg_trgm index, SQLite looks the term up in its FTS5 trigram table. The matches are sorted (<c>"Name" || ''</c>),
    /// not found by walking the name index.
    /// </summary>
    public Task<int> SearchTextAsync(string normalisedTerm, CancellationToken cancellationToken) => provider == DatabaseProvider.PostgreSql
        ? CountAndReadAsync(
            "SELECT COUNT(*) FROM \"Organisations\" o WHERE o.\"SearchText\" LIKE @term",
            $"SELECT {OrganisationColumns} FROM \"Organisations\" o WHERE o.\"SearchText\" LIKE @term ORDER BY o.\"Name\" || '', o.\"OvoCode\" LIMIT 25",
            [("term", $"%{normalisedTerm}%")],
            cancellationToken)
        : CountAndReadAsync(
            "SELECT COUNT(*) FROM \"OrganisationSearchIndex\" WHERE \"OrganisationSearchIndex\" MATCH @term",
            $"""
            SELECT {OrganisationColumns} FROM "Organisations" o
            WHERE o."Id" IN (SELECT "OrganisationId" FROM "OrganisationSearchIndex" WHERE "OrganisationSearchIndex" MATCH @term)
            ORDER BY o."Name" || '', o."OvoCode" LIMIT 25
            """,
            [("term", $"\"{normalisedTerm.Replace("\"", "\"\"", StringComparison.Ordinal)}\"")],
            cancellationToken);

    /// <summary>The organisation with a value in a unique or indexed column (<c>OvoCode</c>, <c>KboNumber</c>): count and page.</summary>
    public Task<int> SearchExactAsync(string column, string value, CancellationToken cancellationToken) => CountAndReadAsync(
        $"SELECT COUNT(*) FROM \"Organisations\" o WHERE o.\"{column}\" = @value",
        $"SELECT {OrganisationColumns} FROM \"Organisations\" o WHERE o.\"{column}\" = @value ORDER BY o.\"Name\", o.\"OvoCode\" LIMIT 25",
        [("value", value)],
        cancellationToken);

    /// <summary>A page of a domain's members on a date by organisation name, with the count (as the domain page).</summary>
    public Task<int> DomainMembersAsync(string code, DateOnly on, int page, CancellationToken cancellationToken) => CountAndReadAsync(
        $"SELECT COUNT(*) {MemberFrom} {MemberWhere}",
        $"""
        SELECT o."OvoCode", o."Name", o."ShortName", o."KboNumber", c."Code", c."Name", a."ValidFrom", a."ValidTo", p."OvoCode", p."Name", a."Remark"
        {MemberFrom}
        JOIN "Organisations" o ON o."Id" = a."OrganisationId"
        JOIN "DomainCategories" c ON c."Id" = a."CategoryId"
        LEFT JOIN "Organisations" p ON p."Id" = a."ParentOrganisationId"
        {MemberWhere}
        ORDER BY o."Name" || '', o."OvoCode" LIMIT 25 OFFSET {(page - 1) * 25}
        """,
        [("code", code), ("on", on)],
        cancellationToken);

    /// <summary>An organisation's detail as the page shows it: the row, parents, children (count and first 200), keys and assignments.</summary>
    public async Task<int> OrganisationDetailAsync(string ovoCode, CancellationToken cancellationToken)
    {
        await using var connection = Connect();
        await connection.OpenAsync(cancellationToken);
        var rows = 0;
        rows += await ReadAsync(connection, """
            SELECT o."Id", o."Name", o."ShortName", o."Article", o."Description", o."KboNumber", o."ValidFrom", o."ValidTo", pd."Name", o."LegalForm", o."RegisteredSeat"
            FROM "Organisations" o LEFT JOIN "PolicyDomains" pd ON pd."Id" = o."PolicyDomainId" WHERE o."OvoCode" = @ovo
            """, [("ovo", ovoCode)], cancellationToken);
        const string Id = "(SELECT \"Id\" FROM \"Organisations\" WHERE \"OvoCode\" = @ovo)";
        rows += await ReadAsync(connection, $"""
            SELECT p."OvoCode", p."Name", l."ValidFrom", l."ValidTo" FROM "OrganisationParents" l JOIN "Organisations" p ON p."Id" = l."ParentOrganisationId"
            WHERE l."OrganisationId" = {Id}
            """, [("ovo", ovoCode)], cancellationToken);
        rows += await ReadAsync(connection, $"SELECT COUNT(*) FROM \"OrganisationParents\" l WHERE l.\"ParentOrganisationId\" = {Id}", [("ovo", ovoCode)], cancellationToken);
        rows += await ReadAsync(connection, $"""
            SELECT c."OvoCode", c."Name", l."ValidFrom", l."ValidTo" FROM "OrganisationParents" l JOIN "Organisations" c ON c."Id" = l."OrganisationId"
            WHERE l."ParentOrganisationId" = {Id} ORDER BY c."Name", c."OvoCode" LIMIT 200
            """, [("ovo", ovoCode)], cancellationToken);
        rows += await ReadAsync(connection, $"""
            SELECT t."Code", t."Name", k."Value", k."ValidFrom", k."ValidTo" FROM "OrganisationKeys" k JOIN "KeyTypes" t ON t."Id" = k."KeyTypeId"
            WHERE k."OrganisationId" = {Id}
            """, [("ovo", ovoCode)], cancellationToken);
        rows += await ReadAsync(connection, $"""
            SELECT d."Code", d."Name", c."Code", c."Name", a."ValidFrom", a."ValidTo", p."OvoCode", p."Name", a."Remark"
            FROM "DomainAssignments" a JOIN "ApplicationDomains" d ON d."Id" = a."ApplicationDomainId" JOIN "DomainCategories" c ON c."Id" = a."CategoryId"
            LEFT JOIN "Organisations" p ON p."Id" = a."ParentOrganisationId"
            WHERE a."OrganisationId" = {Id}
            """, [("ovo", ovoCode)], cancellationToken);
        return rows;
    }

    /// <summary>The audit review: the count up to 10,001 and the newest page of 25 of the entries matching <paramref name="where"/>.</summary>
    public Task<int> AuditAsync(string where, IReadOnlyList<(string Name, object Value)> parameters, CancellationToken cancellationToken) => CountAndReadAsync(
        $"SELECT COUNT(*) FROM (SELECT 1 FROM \"AuditEntries\" e WHERE {where} LIMIT 10001) x",
        $"SELECT e.* FROM \"AuditEntries\" e WHERE {where} ORDER BY e.\"OccurredAt\" DESC, e.\"Position\" DESC LIMIT 25",
        parameters,
        cancellationToken);

    private async Task<int> CountAndReadAsync(string count, string page, IReadOnlyList<(string Name, object Value)> parameters, CancellationToken cancellationToken)
    {
        await using var connection = Connect();
        await connection.OpenAsync(cancellationToken);
        var rows = await ReadAsync(connection, count, parameters, cancellationToken);
        return rows + await ReadAsync(connection, page, parameters, cancellationToken);
    }

    /// <summary>Runs <paramref name="sql"/> and reads every value of every row; returns the rows read.</summary>
    internal static async Task<int> ReadAsync(DbConnection connection, string sql, IReadOnlyList<(string Name, object Value)> parameters, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = 0;
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync(cancellationToken))
        {
            reader.GetValues(values);
            rows++;
        }

        return rows;
    }
}
