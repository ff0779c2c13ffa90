using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Domain.Kbo;

/// <summary>
/// Applies the synchronisation view (<see cref="KboSyncQueries"/>): one organisation as the user saw it, or every listed
/// difference at once, all or nothing, as one audited batch with the reason "KBO-synchronisatie (extract N van d)".
/// Only a central administrator may. A stopped enterprise sets <see cref="Organisation.KboStoppedOn"/> to the snapshot
/// date of the latest import and ends the organisation's validity on that date unless it ended earlier.
/// </summary>
/// <remarks>
/// Locks: the named lock <c>kbo-sync</c> (shared for one organisation, exclusive for all) keeps two synchronisations
/// apart; one organisation also takes its organisation lock. "Alles toepassen" takes organisation locks only up to
/// <see cref="MaxOrganisationLocks"/> organisations (PostgreSQL keeps advisory locks in a bounded shared table);
/// beyond that it relies on the version check of every UPDATE: an organisation changed by someone else meanwhile makes
/// the whole batch a conflict, and nothing is written.
/// </remarks>
public sealed class KboSyncService(RegistryWriter writer)
{
    /// <summary>Organisations saved per round trip of "alles toepassen" (the transaction stays one).</summary>
    public const int ChunkSize = 500;

    public const int MaxOrganisationLocks = 1000;

    private static readonly RegistryLock SyncLock = RegistryLock.Value("kbo-sync", "register");

    public async Task<Saved> ApplyAsync(RegistryUser user, ApplyKboSync command, CancellationToken cancellationToken = default)
    {
        RegistryAuthorization.EnsureMayCoupleKbo(user);
        var reason = await ReasonAsync(command.ImportId, cancellationToken);
        return await writer.WriteAsync(user, command, async write =>
        {
            var db = write.Db;
            await write.LockAsync(SyncLock with { Shared = true }, RegistryLock.Organisation(command.OvoCode));
            var latest = await EnsureLatestAsync(db, command.ImportId, cancellationToken);
            var organisation = await db.Organisations.OrganisationAsync(command.OvoCode, cancellationToken);
            write.ExpectVersion(organisation, command.ExpectedVersion);
            var id = organisation.Id;
            var row = await (await KboSyncQueries.DifferencesAsync(db, latest, cancellationToken, o => o.Id == id)).SingleOrDefaultAsync(cancellationToken)
                ?? throw new DomainRuleException(RuleCodes.InvalidValue, $"{organisation.OvoCode} verschilt niet (meer) van de KBO-gegevens van het register: er is niets toe te passen.");

            Apply(organisation, row, latest);
            await db.SaveChangesAsync(cancellationToken);
            return new Saved(organisation.Id, organisation.Version);
        }, cancellationToken, reason);
    }

    public async Task<KboSyncResult> ApplyAllAsync(RegistryUser user, ApplyAllKboSync command, CancellationToken cancellationToken = default)
    {
        RegistryAuthorization.EnsureMayCoupleKbo(user);
        var reason = await ReasonAsync(command.ImportId, cancellationToken);
        return await writer.WriteAsync(user, command, async write =>
        {
            var db = write.Db;
            await write.LockAsync(SyncLock);
            var latest = await EnsureLatestAsync(db, command.ImportId, cancellationToken);
            var differences = await KboSyncQueries.DifferencesAsync(db, latest, cancellationToken);
            var codes = await differences.Select(r => r.OvoCode).ToListAsync(cancellationToken);
            if (codes.Count == 0)
            {
                throw new DomainRuleException(RuleCodes.InvalidValue, "Er zijn geen verschillen met de KBO-gegevens van het register: er is niets toe te passen.");
            }

            if (codes.Count <= MaxOrganisationLocks)
            {
                await write.LockAsync([.. codes.Select(RegistryLock.Organisation)]);
            }

            var (updated, stopped) = (0, 0);
            var failures = new List<string>();
            foreach (var chunk in codes.Chunk(ChunkSize))
            {
                var rows = await (await KboSyncQueries.DifferencesAsync(db, latest, cancellationToken, o => chunk.Contains(o.OvoCode))).ToDictionaryAsync(r => r.Id, cancellationToken);
                var ids = rows.Keys.ToList();
                foreach (var organisation in await db.Organisations.Where(o => ids.Contains(o.Id)).ToListAsync(cancellationToken))
                {
                    try
                    {
                        var row = rows[organisation.Id];
                        Apply(organisation, row, latest);
                        (updated, stopped) = (updated + (row.ToItem().Changes.Count > 0 ? 1 : 0), stopped + (row.Stopped ? 1 : 0));
                    }
                    catch (DomainRuleException rule)
                    {
                        failures.Add($"{organisation.OvoCode}: {rule.Message}");
                    }
                }

                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }

            if (failures.Count > 0)
            {
                // All or nothing: the chunks saved so far roll back with the transaction.
                throw new DomainRuleException(
                    RuleCodes.InvalidValue,
                    $"Niets toegepast: {failures.Count} organisatie(s) kunnen de KBO-gegevens niet overnemen. " + string.Join(" ", failures.Take(10)));
            }

            return new KboSyncResult(updated, stopped, reason);
        }, cancellationToken, reason);
    }

    /// <summary>The KBO's data, and a stop when the enterprise stopped.</summary>
    private static void Apply(Organisation organisation, KboSyncRow row, KboSnapshot latest)
    {
        if (row.Record is { } kbo)
        {
            organisation.ApplyKbo(kbo);
        }

        if (row.Stopped)
        {
            organisation.ApplyKboStop(latest.Date);
        }
    }

    private async Task<string> ReasonAsync(Guid importId, CancellationToken cancellationToken)
    {
        await using var db = await writer.Contexts.CreateDbContextAsync(cancellationToken);
        var latest = await KboQueries.LatestImportAsync(db, cancellationToken);
        return Reason(latest?.ImportId == importId ? latest : null);
    }

    /// <summary>The audit reason of a synchronisation: "KBO-synchronisatie (extract 123 van 01/11/2026)".</summary>
    public static string Reason(KboSnapshot? snapshot) =>
        snapshot is null ? "KBO-synchronisatie" : $"KBO-synchronisatie ({snapshot.Description})";

    /// <summary>The user looked at the differences with import <paramref name="importId"/>; a newer one may say otherwise.</summary>
    private static async Task<KboSnapshot> EnsureLatestAsync(Persistence.RegistryDbContext db, Guid importId, CancellationToken cancellationToken)
    {
        var latest = await KboQueries.LatestImportAsync(db, cancellationToken);
        if (latest is null || latest.ImportId != importId)
        {
            throw new ConcurrencyConflictException(
                "Intussen werd een ander KBO-extract ingelezen: de verschillen die u zag, kunnen veranderd zijn. Er werd niets opgeslagen; herlaad de lijst.",
                null,
                null,
                new Dictionary<string, string?>());
        }

        return latest;
    }
}
