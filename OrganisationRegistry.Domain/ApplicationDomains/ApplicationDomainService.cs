using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Domain.ApplicationDomains;

/// <summary>
/// Writes application domains, their categories and their stewards. Domains and stewardship are central staff's;
/// categories also the domain's steward's (they are the steward's reference data).
/// </summary>
public sealed class ApplicationDomainService(RegistryWriter writer, RegistryAuthorization authorization)
{
    public Task<Saved> CreateAsync(RegistryUser user, CreateApplicationDomain command, CancellationToken cancellationToken = default) =>
        writer.WriteAsync(user, command, async write =>
        {
            RegistryAuthorization.EnsureMayAdministerRegister(user, "toepassingsgebieden aanmaken");
            var db = write.Db;
            await write.LockAsync(RegistryLock.Domain(command.Code, shared: false));
            if (await db.ApplicationDomains.AnyAsync(d => d.Code == command.Code, cancellationToken))
            {
                throw new DomainRuleException(RuleCodes.Duplicate, $"Er bestaat al een toepassingsgebied met code '{command.Code}'.");
            }

            var domain = new ApplicationDomain(command.Code, command.Name.Trim(), command.Article, Trimmed(command.Description), Trimmed(command.LegalReference));
            db.ApplicationDomains.Add(domain);
            await db.SaveChangesAsync(cancellationToken);
            return new Saved(domain.Id, domain.Version);
        }, cancellationToken);

    public Task<Saved> UpdateAsync(RegistryUser user, UpdateApplicationDomain command, CancellationToken cancellationToken = default) =>
        writer.WriteAsync(user, command, async write =>
        {
            RegistryAuthorization.EnsureMayAdministerRegister(user, "toepassingsgebieden wijzigen");
            await write.LockAsync(RegistryLock.Domain(command.Code, shared: false));
            var domain = await write.Db.ApplicationDomains.DomainAsync(command.Code, cancellationToken);
            write.ExpectVersion(domain, command.ExpectedVersion);
            domain.Update(command.Name.Trim(), command.Article, Trimmed(command.Description), Trimmed(command.LegalReference));
            await write.Db.SaveChangesAsync(cancellationToken);
            return new Saved(domain.Id, domain.Version);
        }, cancellationToken);

    public Task<Saved> AddCategoryAsync(RegistryUser user, AddDomainCategory command, CancellationToken cancellationToken = default) =>
        writer.WriteAsync(user, command, async write =>
        {
            var db = write.Db;
            await write.LockAsync(RegistryLock.Domain(command.DomainCode, shared: false));
            var domain = await authorization.StewardedDomainAsync(db, user, command.DomainCode, RegistryRight.ManageCategories, cancellationToken);
            var category = domain.AddCategory(command.Code, command.Name.Trim(), command.SortOrder);
            await db.SaveChangesAsync(cancellationToken);
            return new Saved(category.Id, category.Version);
        }, cancellationToken);

    public Task<Saved> UpdateCategoryAsync(RegistryUser user, UpdateDomainCategory command, CancellationToken cancellationToken = default) =>
        writer.WriteAsync(user, command, async write =>
        {
            var db = write.Db;
            await write.LockAsync(RegistryLock.Domain(command.DomainCode, shared: false));
            var domain = await authorization.StewardedDomainAsync(db, user, command.DomainCode, RegistryRight.ManageCategories, cancellationToken);
            var category = domain.CategoryByCode(command.CategoryCode);
            write.ExpectVersion(category, command.ExpectedVersion);
            category.Update(command.Name.Trim(), command.SortOrder, command.IsActive);
            await db.SaveChangesAsync(cancellationToken);
            return new Saved(category.Id, category.Version);
        }, cancellationToken);

    public Task AddStewardAsync(RegistryUser user, ChangeDomainSteward command, CancellationToken cancellationToken = default) =>
        ChangeStewardAsync(user, command, add: true, cancellationToken);

    public Task RemoveStewardAsync(RegistryUser user, ChangeDomainSteward command, CancellationToken cancellationToken = default) =>
        ChangeStewardAsync(user, command, add: false, cancellationToken);

    private Task ChangeStewardAsync(RegistryUser user, ChangeDomainSteward command, bool add, CancellationToken cancellationToken) =>
        writer.WriteAsync(user, command, async write =>
        {
            RegistryAuthorization.EnsureMayAdministerRegister(user, "de beheerders van toepassingsgebieden aanduiden");
            var db = write.Db;
            await write.LockAsync(RegistryLock.Domain(command.DomainCode, shared: false));
            var domain = await db.ApplicationDomains.Include(d => d.Stewards).DomainAsync(command.DomainCode, cancellationToken);
            var organisation = await db.Organisations.OrganisationAsync(command.OvoCode, cancellationToken);
            if (add)
            {
                domain.AddSteward(organisation.Id);
            }
            else
            {
                domain.RemoveSteward(organisation.Id);
            }

            return await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
