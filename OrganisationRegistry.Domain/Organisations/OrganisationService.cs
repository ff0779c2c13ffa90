using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Kbo;
using OrganisationRegistry.Domain.Persistence;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Domain.Organisations;

/// <summary>
/// Writes organisations: creation (with a new OVO code), general data, structure and keys, for the pages and the API
/// alike. Every call validates the command, checks the right (central; an organisation manager within its subtree),
/// loads the aggregate, lets it apply its rules, adds the rules that span the register (a KBO number belongs to one
/// current organisation, a key value to one organisation at a time) and saves in one transaction.
/// </summary>
public sealed class OrganisationService(RegistryWriter writer, RegistryAuthorization authorization, TimeProvider time)
{
    public Task<CreatedOrganisation> CreateAsync(RegistryUser user, CreateOrganisation command, CancellationToken cancellationToken = default) =>
        writer.WriteAsync(user, command, async write =>
        {
            var db = write.Db;
            await write.LockAsync(RegistryLock.Structure(shared: true));
            var parent = string.IsNullOrWhiteSpace(command.ParentOvoCode) ? null : await db.Organisations.OrganisationAsync(command.ParentOvoCode, cancellationToken);
            await authorization.EnsureMayCreateOrganisationAsync(db, user, parent, cancellationToken);
            var details = command.ToDetails(await db.PolicyDomains.PolicyDomainIdAsync(command.PolicyDomainCode, cancellationToken));
            return await AddAsync(db, parent, ovoCode => Organisation.Create(ovoCode, details), cancellationToken);
        }, cancellationToken);

    /// <summary>Adds the organisation that <paramref name="create"/> makes with the next OVO code, under <paramref name="parent"/> for its own period.</summary>
    internal static async Task<CreatedOrganisation> AddAsync(
        RegistryDbContext db, Organisation? parent, Func<OvoCode, Organisation> create, CancellationToken cancellationToken)
    {
        var organisation = create(await OvoCodeIssuer.NextAsync(db, cancellationToken));
        if (parent is not null)
        {
            // A new organisation has no descendants, so linking it cannot close a cycle.
            organisation.AddParent(parent, organisation.Validity, _ => []);
        }

        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedOrganisation(organisation.Id, organisation.OvoCode.Value, organisation.Version);
    }

    public Task<Saved> UpdateAsync(RegistryUser user, UpdateOrganisation command, CancellationToken cancellationToken = default) =>
        writer.WriteAsync(user, command, async write =>
        {
            var db = write.Db;
            await write.LockAsync(RegistryLock.Structure(shared: true), RegistryLock.Organisation(command.OvoCode));
            var organisation = await db.Organisations.OrganisationAsync(command.OvoCode, cancellationToken);
            await authorization.EnsureMayEditOrganisationAsync(db, user, organisation, cancellationToken);
            write.ExpectVersion(organisation, command.ExpectedVersion);
            var details = command.ToDetails(await db.PolicyDomains.PolicyDomainIdAsync(command.PolicyDomainCode, cancellationToken), organisation.KboNumber);

            // A coupled organisation that becomes valid today again must not share its number with another current one.
            if (organisation.KboNumber is { } kboNumber)
            {
                await write.LockAsync(KboCouplingService.KboLock(kboNumber));
                await KboCouplingService.EnsureKboNumberFreeAsync(db, organisation.Id, kboNumber, details.Validity, time, cancellationToken);
            }

            organisation.Update(details);
            await db.SaveChangesAsync(cancellationToken);
            return new Saved(organisation.Id, organisation.Version);
        }, cancellationToken);

    // ---- Structure ------------------------------------------------------------------------------------------

    public Task<Saved> AddParentAsync(RegistryUser user, AddOrganisationParent command, CancellationToken cancellationToken = default) =>
        writer.WriteAsync(user, command, async write =>
        {
            var db = write.Db;
            await write.LockAsync(RegistryLock.Structure(shared: false), RegistryLock.Organisation(command.OvoCode));
            var organisation = await db.Organisations.Include(o => o.Parents).OrganisationAsync(command.OvoCode, cancellationToken);
            var parent = await db.Organisations.OrganisationAsync(command.ParentOvoCode, cancellationToken);
            await authorization.EnsureMayEditStructureAsync(db, user, organisation, parent, cancellationToken);

            var above = await ParentLinks.StructureAboveAsync(db, parent.Id, on: null, cancellationToken);
            var link = organisation.AddParent(parent, new Validity(command.ValidFrom, command.ValidTo), above.Of);
            await db.SaveChangesAsync(cancellationToken);
            return new Saved(link.Id, link.Version);
        }, cancellationToken);

    public Task<Saved> ChangeParentAsync(RegistryUser user, ChangeOrganisationParent command, CancellationToken cancellationToken = default) =>
        writer.WriteAsync(user, command, async write =>
        {
            var db = write.Db;
            var (organisation, link) = await LoadParentLinkAsync(write, user, command.ParentLinkId, command.ExpectedVersion, cancellationToken);
            var parent = await db.Organisations.OrganisationAsync(command.ParentOvoCode, cancellationToken);
            await authorization.EnsureMayEditStructureAsync(db, user, organisation, parent, cancellationToken);

            var above = await ParentLinks.StructureAboveAsync(db, parent.Id, on: null, cancellationToken);
            organisation.ChangeParent(link.Id, parent, new Validity(command.ValidFrom, command.ValidTo), above.Of);
            await db.SaveChangesAsync(cancellationToken);
            return new Saved(link.Id, link.Version);
        }, cancellationToken);

    public Task RemoveParentAsync(RegistryUser user, RemoveOrganisationParent command, CancellationToken cancellationToken = default) =>
        writer.WriteAsync(user, command, async write =>
        {
            var (organisation, link) = await LoadParentLinkAsync(write, user, command.ParentLinkId, command.ExpectedVersion, cancellationToken);
            organisation.RemoveParent(link.Id);
            return await write.Db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);

    // ---- Keys -----------------------------------------------------------------------------------------------

    public Task<Saved> AddKeyAsync(RegistryUser user, AddOrganisationKey command, CancellationToken cancellationToken = default) =>
        writer.WriteAsync(user, command, async write =>
        {
            var db = write.Db;
            await write.LockAsync(RegistryLock.Structure(shared: true), RegistryLock.Organisation(command.OvoCode), KeyLock(command.KeyTypeCode, command.Value));
            var organisation = await db.Organisations.Include(o => o.Keys).OrganisationAsync(command.OvoCode, cancellationToken);
            await authorization.EnsureMayEditOrganisationAsync(db, user, organisation, cancellationToken);
            var keyType = await db.KeyTypes.KeyTypeAsync(command.KeyTypeCode, cancellationToken);

            var key = organisation.AddKey(keyType, command.Value, new Validity(command.ValidFrom, command.ValidTo));
            await EnsureKeyFreeAsync(db, keyType, key, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return new Saved(key.Id, key.Version);
        }, cancellationToken);

    public Task<Saved> ChangeKeyAsync(RegistryUser user, ChangeOrganisationKey command, CancellationToken cancellationToken = default) =>
        writer.WriteAsync(user, command, async write =>
        {
            var db = write.Db;
            var (organisation, key) = await LoadKeyAsync(write, user, command.KeyId, command.ExpectedVersion, cancellationToken, command.Value);
            var keyType = await db.KeyTypes.SingleAsync(k => k.Id == key.KeyTypeId, cancellationToken);

            organisation.ChangeKey(key.Id, keyType, command.Value, new Validity(command.ValidFrom, command.ValidTo));
            await EnsureKeyFreeAsync(db, keyType, key, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return new Saved(key.Id, key.Version);
        }, cancellationToken);

    public Task RemoveKeyAsync(RegistryUser user, RemoveOrganisationKey command, CancellationToken cancellationToken = default) =>
        writer.WriteAsync(user, command, async write =>
        {
            var (organisation, key) = await LoadKeyAsync(write, user, command.KeyId, command.ExpectedVersion, cancellationToken);
            organisation.RemoveKey(key.Id);
            return await write.Db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);

    // ---- Rules across the register ---------------------------------------------------------------------------

    /// <summary>A value of a key type belongs to at most one organisation at any moment (the aggregate checks its own keys).</summary>
    private static async Task EnsureKeyFreeAsync(RegistryDbContext db, KeyType keyType, OrganisationKey key, CancellationToken cancellationToken)
    {
        var candidates = await db.OrganisationKeys.AsNoTracking()
            .Where(k => k.KeyTypeId == keyType.Id && k.Value == key.Value && k.OrganisationId != key.OrganisationId)
            .Join(db.Organisations, k => k.OrganisationId, o => o.Id, (k, o) => new { o.OvoCode, o.Name, k.Value, k.ValidFrom, k.ValidTo })
            .ToListAsync(cancellationToken);

        // Compared again here so that a case-insensitive database collation (SQL Server) does not widen the rule.
        var clash = candidates.FirstOrDefault(c => string.Equals(c.Value, key.Value, StringComparison.Ordinal) && new Validity(c.ValidFrom, c.ValidTo).Overlaps(key.Validity));
        if (clash is not null)
        {
            throw new DomainRuleException(
                RuleCodes.Duplicate,
                $"De sleutel {keyType.Name} '{key.Value}' is al in gebruik bij {clash.OvoCode} ({clash.Name}) {new Validity(clash.ValidFrom, clash.ValidTo)}.");
        }
    }

    // ---- Locks of values that must be unique across the register -----------------------------------------------

    private static RegistryLock KeyLock(string keyTypeCode, string value) => RegistryLock.Value($"key:{keyTypeCode.Trim()}", value.Trim());

    // ---- Loading what a command names ------------------------------------------------------------------------

    /// <summary>The structure link and its organisation, after checking the right on the link as it is now.</summary>
    private async Task<(Organisation Organisation, OrganisationParent Link)> LoadParentLinkAsync(
        RegistryWrite write, RegistryUser user, Guid linkId, long expectedVersion, CancellationToken cancellationToken)
    {
        var db = write.Db;
        var target = await db.OrganisationParents.AsNoTracking()
            .Where(p => p.Id == linkId)
            .Join(db.Organisations, p => p.OrganisationId, o => o.Id, (p, o) => new { p.OrganisationId, p.ParentOrganisationId, o.OvoCode })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw RegistryWrite.Removed("Deze periode onder een moederorganisatie", expectedVersion);
        await write.LockAsync(RegistryLock.Structure(shared: false), RegistryLock.Organisation(target.OvoCode));
        var organisation = await db.Organisations.Include(o => o.Parents).SingleAsync(o => o.Id == target.OrganisationId, cancellationToken);
        var currentParent = await db.Organisations.SingleAsync(o => o.Id == target.ParentOrganisationId, cancellationToken);
        await authorization.EnsureMayEditStructureAsync(db, user, organisation, currentParent, cancellationToken);

        var link = organisation.Parents.SingleOrDefault(p => p.Id == linkId)
            ?? throw RegistryWrite.Removed("Deze periode onder een moederorganisatie", expectedVersion);
        write.ExpectVersion(link, expectedVersion);
        return (organisation, link);
    }

    private async Task<(Organisation Organisation, OrganisationKey Key)> LoadKeyAsync(
        RegistryWrite write, RegistryUser user, Guid keyId, long expectedVersion, CancellationToken cancellationToken, string? newValue = null)
    {
        var db = write.Db;
        var target = await db.OrganisationKeys.AsNoTracking()
            .Where(k => k.Id == keyId)
            .Join(db.Organisations, k => k.OrganisationId, o => o.Id, (k, o) => new { k.OrganisationId, o.OvoCode, KeyTypeCode = k.KeyType!.Code })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw RegistryWrite.Removed("Deze sleutel", expectedVersion);
        await write.LockAsync(
        [
            RegistryLock.Structure(shared: true),
            RegistryLock.Organisation(target.OvoCode),
            .. newValue is null ? Array.Empty<RegistryLock>() : [KeyLock(target.KeyTypeCode, newValue)],
        ]);
        var organisation = await db.Organisations.Include(o => o.Keys).SingleAsync(o => o.Id == target.OrganisationId, cancellationToken);
        await authorization.EnsureMayEditOrganisationAsync(db, user, organisation, cancellationToken);

        var key = organisation.Keys.SingleOrDefault(k => k.Id == keyId) ?? throw RegistryWrite.Removed("Deze sleutel", expectedVersion);
        write.ExpectVersion(key, expectedVersion);
        return (organisation, key);
    }
}
