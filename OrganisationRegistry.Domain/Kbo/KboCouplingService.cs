using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Persistence;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Domain.Kbo;

/// <summary>
/// Couples organisations to the KBO, uncouples them and creates organisations from a KBO number, for the pages and the
/// API alike. Only a central administrator may (<see cref="RegistryRight.CoupleKbo"/>); the enterprise must be in the
/// register's KBO copy, and a KBO number belongs to at most one organisation that is valid today. Every call is one
/// audited write, with optimistic concurrency on the organisation the user saw.
/// </summary>
public sealed class KboCouplingService(RegistryWriter writer, RegistryAuthorization authorization, TimeProvider time)
{
    public Task<Saved> CoupleAsync(RegistryUser user, CoupleOrganisationToKbo command, CancellationToken cancellationToken = default) =>
        writer.WriteAsync(user, command, async write =>
        {
            RegistryAuthorization.EnsureMayCoupleKbo(user);
            var db = write.Db;
            var number = KboNumber.Parse(command.KboNumber);
            await write.LockAsync(RegistryLock.Organisation(command.OvoCode), KboLock(number));
            var organisation = await db.Organisations.OrganisationAsync(command.OvoCode, cancellationToken);
            write.ExpectVersion(organisation, command.ExpectedVersion);
            var kbo = await KboQueries.RequireAsync(db, number, cancellationToken);
            await EnsureKboNumberFreeAsync(db, organisation.Id, number, organisation.Validity, time, cancellationToken);

            organisation.CoupleToKbo(kbo);
            await db.SaveChangesAsync(cancellationToken);
            return new Saved(organisation.Id, organisation.Version);
        }, cancellationToken);

    public Task<Saved> UncoupleAsync(RegistryUser user, UncoupleOrganisationFromKbo command, CancellationToken cancellationToken = default) =>
        writer.WriteAsync(user, command, async write =>
        {
            RegistryAuthorization.EnsureMayCoupleKbo(user);
            var db = write.Db;
            await write.LockAsync(RegistryLock.Organisation(command.OvoCode));
            var organisation = await db.Organisations.OrganisationAsync(command.OvoCode, cancellationToken);
            write.ExpectVersion(organisation, command.ExpectedVersion);

            organisation.UncoupleFromKbo();
            await db.SaveChangesAsync(cancellationToken);
            return new Saved(organisation.Id, organisation.Version);
        }, cancellationToken);

    public Task<CreatedOrganisation> CreateFromKboAsync(RegistryUser user, CreateOrganisationFromKbo command, CancellationToken cancellationToken = default) =>
        writer.WriteAsync(user, command, async write =>
        {
            RegistryAuthorization.EnsureMayCoupleKbo(user);
            var db = write.Db;
            var number = KboNumber.Parse(command.KboNumber);
            await write.LockAsync(RegistryLock.Structure(shared: true), KboLock(number));
            var parent = string.IsNullOrWhiteSpace(command.ParentOvoCode) ? null : await db.Organisations.OrganisationAsync(command.ParentOvoCode, cancellationToken);
            await authorization.EnsureMayCreateOrganisationAsync(db, user, parent, cancellationToken);
            var kbo = await KboQueries.RequireAsync(db, number, cancellationToken);
            var validity = new Validity(command.ValidFrom, command.ValidTo);
            await EnsureKboNumberFreeAsync(db, null, number, validity, time, cancellationToken);

            var details = new OrganisationDetails(
                kbo.Name!,
                kbo.ShortName,
                command.Article,
                command.Description,
                number,
                validity,
                await db.PolicyDomains.PolicyDomainIdAsync(command.PolicyDomainCode, cancellationToken));
            return await OrganisationService.AddAsync(db, parent, ovoCode => Organisation.CreateFromKbo(ovoCode, kbo, details), cancellationToken);
        }, cancellationToken);

    /// <summary>The lock on a KBO number: one writer at a time decides who carries it.</summary>
    internal static RegistryLock KboLock(KboNumber number) => RegistryLock.Value("kbo", number.Digits);

    /// <summary>
    /// A KBO number belongs to at most one organisation that is valid today (an ended one may share it with its
    /// successor): checked when <paramref name="validity"/> holds today.
    /// </summary>
    internal static async Task EnsureKboNumberFreeAsync(
        RegistryDbContext db, Guid? organisationId, KboNumber number, Validity validity, TimeProvider time, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        if (!validity.Contains(today))
        {
            return;
        }

        var others = await db.Organisations.AsNoTracking()
            .Where(o => o.KboNumber == number && o.Id != organisationId)
            .Select(o => new { o.OvoCode, o.Name, o.ValidFrom, o.ValidTo })
            .ToListAsync(cancellationToken);
        var current = others.FirstOrDefault(o => new Validity(o.ValidFrom, o.ValidTo).Contains(today));
        if (current is not null)
        {
            throw new DomainRuleException(
                RuleCodes.Duplicate,
                $"Het KBO-nummer {number} is al gekoppeld aan {current.OvoCode} ({current.Name}), die vandaag geldig is.");
        }
    }
}
