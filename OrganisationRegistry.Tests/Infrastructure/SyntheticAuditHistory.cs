using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Persistence;

namespace OrganisationRegistry.Tests.Infrastructure;

/// <summary>
/// Years of audit history at scale, for measuring the review: appends synthetic entries after the real trail, a
/// million rows per statement (300 people, 10 clients and the system over three years, spread over
/// <c>organisations</c> OVO codes), then moves the trail's counter and head past them so the app's own writes can follow.
/// The synthetic entries carry no valid hashes: run verify-audit on a real trail, not on this one.
/// </summary>
public static class SyntheticAuditHistory
{
    /// <summary>How many people (<c>persoon{n}@vlaanderen.be</c>, n from 0) the history's actors are.</summary>
    public const int People = 300;

    public static readonly DateTime HistoryStart = new(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime HistoryEnd = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Fills the trail up to <paramref name="target"/> entries (nothing when it holds that many already).</summary>
    public static async Task FillAsync(
        IDbContextFactory<RegistryDbContext> contexts, long target, int organisations, CancellationToken cancellationToken, Action<string>? progress = null)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var last = await db.AuditEntries.MaxAsync(e => (long?)e.Position, cancellationToken) ?? 0;
        var step = (HistoryEnd - HistoryStart).TotalSeconds / Math.Max(1, target - last);
        var first = last + 1;
        var postgres = db.Database.IsNpgsql();
        for (var start = first; start <= target; start += 1_000_000)
        {
            var end = Math.Min(target, start + 999_999);
            await ExecuteAsync(db, postgres ? PostgreSql(first, start, end, step, organisations) : Sqlite(first, start, end, step, organisations), cancellationToken);
            progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"  audit trail filled to {end:N0} entries"));
        }

        if (target >= first)
        {
            await ExecuteAsync(
                db,
                $"UPDATE \"Sequences\" SET \"NextValue\" = {target + 1}, \"LastHash\" = (SELECT \"Hash\" FROM \"AuditEntries\" WHERE \"Position\" = {target}) " +
                $"WHERE \"Name\" = '{RegistrySequence.AuditPosition}'",
                cancellationToken);
        }

        // The whole database as autovacuum leaves a live one: statistics, hint bits and the visibility map set (index-only
        // scans then skip the heap), instead of the first reader of each freshly written page paying for that.
        await ExecuteAsync(db, postgres ? "VACUUM (ANALYZE)" : "ANALYZE", cancellationToken);
    }

    // Straight on the connection: the statements hold JSON braces that EF Core's raw SQL would read as placeholders.
    private static async Task ExecuteAsync(RegistryDbContext db, string sql, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken);
        }

        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 3600;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // One expression per column, the same on both providers but for the functions each has.
    private const string Columns =
        "\"Position\", \"OccurredAt\", \"ActorId\", \"ActorName\", \"ActorKind\", \"ActorOrganisation\", \"Channel\", \"Operation\", \"EntityType\", " +
        "\"EntityKey\", \"OrganisationOvoCode\", \"DomainCode\", \"OldValues\", \"NewValues\", \"CorrelationId\", \"Reason\", \"Hash\"";

    // Every entry names a category by id, as real entries of assignments do, so the review looks names up as it must.
    private static string Values(string time, string ovo, string ovoOfPerson, string hex, string hash, string id) => $$"""
        i, {{time}},
        CASE WHEN i % 20 = 0 THEN 'system' WHEN i % 20 = 1 THEN 'client:' || (i % 10) ELSE 'persoon' || ((i * 7919) % {{People}}) || '@vlaanderen.be' END,
        CASE WHEN i % 20 = 0 THEN 'Organisatieregister (systeem)' WHEN i % 20 = 1 THEN 'Client ' || (i % 10) ELSE 'Persoon ' || ((i * 7919) % {{People}}) END,
        CASE WHEN i % 20 = 0 THEN 'System' WHEN i % 20 = 1 THEN 'MachineClient' ELSE 'Person' END,
        CASE WHEN i % 20 = 0 THEN NULL ELSE {{ovoOfPerson}} END,
        CASE WHEN i % 20 = 0 THEN 'System' WHEN i % 20 = 1 THEN 'Api' ELSE 'Ui' END,
        CASE i % 10 WHEN 0 THEN 'Delete' WHEN 1 THEN 'Insert' WHEN 2 THEN 'Insert' ELSE 'Update' END,
        CASE i % 4 WHEN 0 THEN 'Organisation' WHEN 1 THEN 'DomainAssignment' WHEN 2 THEN 'OrganisationKey' ELSE 'OrganisationParent' END,
        {{hex}},
        {{ovo}},
        CASE WHEN i % 4 = 1 THEN CASE WHEN i % 8 = 1 THEN 'bestuursdecreet' ELSE 'vco' END END,
        '{"Name":"Organisatie ' || i || '","Remark":null,"Version":' || (i % 7) || '}',
        '{"Name":"Organisatie ' || i || ' (gewijzigd)","CategoryId":"' || {{id}} || '","Remark":"bijgewerkt","Version":' || (i % 7 + 1) || '}',
        'synthetisch-' || (i / 3),
        NULL,
        {{hash}}
        """;

    private static string Sqlite(long first, long start, long end, double step, int organisations) => $"""
        WITH RECURSIVE seq(i) AS (SELECT {start} UNION ALL SELECT i + 1 FROM seq WHERE i < {end})
        INSERT INTO "AuditEntries" ({Columns})
        SELECT {Values(
            $"strftime('%Y-%m-%d %H:%M:%f', {new DateTimeOffset(HistoryStart).ToUnixTimeSeconds()} + (i - {first}) * {step.ToString(CultureInfo.InvariantCulture)}, 'unixepoch')",
            $"'OVO' || printf('%06d', (i * 104729) % {organisations} + 1)",
            $"'OVO' || printf('%06d', ((i * 7919) % {People}) * 1663 % {organisations} + 1)",
            "printf('%032x', i)",
            "zeroblob(32)",
            "printf('%08x-0000-4000-8000-%012x', i % 1000, i % 1000)")}
        FROM seq
        """;

    private static string PostgreSql(long first, long start, long end, double step, int organisations) => $"""
        INSERT INTO "AuditEntries" ({Columns})
        SELECT {Values(
            $"timestamptz '{HistoryStart:yyyy-MM-dd} 00:00:00+00' + (i - {first}) * interval '1 second' * {step.ToString(CultureInfo.InvariantCulture)}",
            $"'OVO' || lpad(((i * 104729) % {organisations} + 1)::text, 6, '0')",
            $"'OVO' || lpad((((i * 7919) % {People}) * 1663 % {organisations} + 1)::text, 6, '0')",
            "lpad(to_hex(i), 32, '0')",
            "decode(repeat('00', 32), 'hex')",
            "lpad(to_hex(i % 1000), 8, '0') || '-0000-4000-8000-' || lpad(to_hex(i % 1000), 12, '0')")}
        FROM generate_series({start}::bigint, {end}::bigint) AS i
        """;
}
