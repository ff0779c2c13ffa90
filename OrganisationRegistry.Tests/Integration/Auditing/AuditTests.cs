using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Auditing;
using OrganisationRegistry.Domain.Persistence;
using OrganisationRegistry.Tests.Infrastructure;
using OrganisationRegistry.Tests.Integration.Services;

namespace OrganisationRegistry.Tests.Integration.Auditing;

/// <summary>The base of the audit tests: the service tests' fresh world, and ways to read and check the trail.</summary>
public abstract class AuditTests(DatabaseFixture database) : ServiceTests(database)
{
    /// <summary>The whole trail in position order.</summary>
    protected Task<List<AuditEntry>> TrailAsync() =>
        ReadAsync(db => db.AuditEntries.AsNoTracking().OrderBy(e => e.Position).ToListAsync(Ct));

    /// <summary>The entries after <paramref name="position"/> (what an action wrote after the trail was at that point).</summary>
    protected Task<List<AuditEntry>> TrailAfterAsync(long position) =>
        ReadAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Position > position).OrderBy(e => e.Position).ToListAsync(Ct));

    protected Task<long> LastPositionAsync() =>
        ReadAsync(async db => await db.AuditEntries.MaxAsync(e => (long?)e.Position, Ct) ?? 0);

    protected Task<long> AuditCounterAsync() =>
        ReadAsync(db => db.Sequences.Where(s => s.Name == RegistrySequence.AuditPosition).Select(s => s.NextValue).SingleAsync(Ct));

    protected Task<AuditVerification> VerifyAsync() =>
        ReadAsync(db => AuditChainVerifier.VerifyAsync(db, cancellationToken: Ct));

    /// <summary>Runs raw SQL the way someone with database access would (no EF Core, no interceptors).</summary>
    protected async Task ExecuteRawAsync(string sql)
    {
        await using var db = await Database.Contexts.CreateDbContextAsync(Ct);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }
}
