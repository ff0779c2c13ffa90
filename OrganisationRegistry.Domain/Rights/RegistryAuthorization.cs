using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Persistence;

namespace OrganisationRegistry.Domain.Rights;

/// <summary>
/// The one definition of every right of the register. The write services ask it first (the <c>Ensure...</c>
/// methods, which throw <see cref="ForbiddenException"/>, inside their transaction); the policy handler asks it for
/// pages and the API (<see cref="IsAllowedAsync"/>). Rights follow data: stewardship (<see cref="DomainSteward"/>)
/// and the organisation structure valid today.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Central administrator: everything.</item>
/// <item>Domain expert: assignments (incl. corrections) and categories of the domains its organisation stewards.</item>
/// <item>Organisation manager: general data, keys and structure of its organisation and its descendants today, and new
/// daughters there; never assignments (domains are managed horizontally), never a KBO number, never the top level.</item>
/// <item>Reader, anonymous: nothing.</item>
/// </list>
/// </remarks>
public sealed class RegistryAuthorization(IDbContextFactory<RegistryDbContext> contexts, TimeProvider time)
{
    // ---- Questions, each with its own short-lived context (pages, policies) ------------------------------------

    /// <summary>Whether <paramref name="user"/> has <paramref name="right"/> for <paramref name="resource"/>; any other resource (or none) means "for at least one".</summary>
    public async Task<bool> IsAllowedAsync(RegistryUser user, RegistryRight right, object? resource, CancellationToken cancellationToken = default)
    {
        if (!user.HasAccess)
        {
            return false;
        }

        // CS8509 (an error here) still demands every named right; only undefined casts of the enum are left out.
#pragma warning disable CS8524
        return right switch
        {
            RegistryRight.Read => true,
            RegistryRight.CoupleKbo => MayCoupleKbo(user),
            RegistryRight.AdministerRegister => MayAdministerRegister(user),
            RegistryRight.ManageAssignments or RegistryRight.CorrectAssignments or RegistryRight.ManageCategories => await WithContextAsync(db =>
                resource is DomainResource domain
                    ? StewardsAsync(db, user, domain.DomainId, cancellationToken)
                    : StewardsAnyAsync(db, user, cancellationToken)),
            RegistryRight.EditOrganisation => await WithContextAsync(async db =>
                resource is OrganisationResource organisation
                    ? await ManagesAsync(db, user, organisation.OrganisationId, cancellationToken)
                    : user.IsCentralAdministrator || await ManagedRootAsync(db, user, cancellationToken) is not null),
            RegistryRight.CreateOrganisation => await WithContextAsync(async db =>
                resource is NewOrganisationResource target
                    ? await MayCreateUnderAsync(db, user, target.ParentId, cancellationToken)
                    : user.IsCentralAdministrator || await ManagedRootAsync(db, user, cancellationToken) is not null),
        };
#pragma warning restore CS8524

        async Task<bool> WithContextAsync(Func<RegistryDbContext, Task<bool>> question)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            return await question(db);
        }
    }

    public Task<bool> MayManageAssignmentsAsync(RegistryUser user, Guid domainId, CancellationToken cancellationToken = default) =>
        IsAllowedAsync(user, RegistryRight.ManageAssignments, new DomainResource(domainId), cancellationToken);

    /// <summary>Correcting (removing) an assignment is the same right as managing it: central or the domain's steward, never an organisation manager.</summary>
    public Task<bool> MayCorrectAssignmentsAsync(RegistryUser user, Guid domainId, CancellationToken cancellationToken = default) =>
        IsAllowedAsync(user, RegistryRight.CorrectAssignments, new DomainResource(domainId), cancellationToken);

    public Task<bool> MayManageCategoriesAsync(RegistryUser user, Guid domainId, CancellationToken cancellationToken = default) =>
        IsAllowedAsync(user, RegistryRight.ManageCategories, new DomainResource(domainId), cancellationToken);

    public Task<bool> MayEditOrganisationAsync(RegistryUser user, Guid organisationId, CancellationToken cancellationToken = default) =>
        IsAllowedAsync(user, RegistryRight.EditOrganisation, new OrganisationResource(organisationId), cancellationToken);

    /// <summary>Under <paramref name="parentId"/>, or at the top level when <c>null</c> (central only).</summary>
    public Task<bool> MayCreateOrganisationAsync(RegistryUser user, Guid? parentId, CancellationToken cancellationToken = default) =>
        IsAllowedAsync(user, RegistryRight.CreateOrganisation, new NewOrganisationResource(parentId), cancellationToken);

    /// <summary>Domains, stewardship, key types and people's rights: central only.</summary>
    public static bool MayAdministerRegister(RegistryUser user) => user.IsCentralAdministrator;

    public static bool MayCoupleKbo(RegistryUser user) => user.IsCentralAdministrator;

    /// <summary>The ids of the domains whose assignments and categories the user manages (all for central staff).</summary>
    public async Task<IReadOnlySet<Guid>> ManagedDomainsAsync(RegistryUser user, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (user.IsCentralAdministrator)
        {
            return (await db.ApplicationDomains.Select(d => d.Id).ToListAsync(cancellationToken)).ToHashSet();
        }

        var organisationId = user.IsInRole(RegistryRoles.DomainExpert) ? await OrganisationIdOfAsync(db, user, cancellationToken) : null;
        return organisationId is null
            ? new HashSet<Guid>()
            : (await db.DomainStewards.Where(s => s.OrganisationId == organisationId).Select(s => s.ApplicationDomainId).ToListAsync(cancellationToken)).ToHashSet();
    }

    // ---- Checks inside a service's transaction: throw ForbiddenException with the missing right ----------------

    /// <summary>
    /// The domain with code <paramref name="code"/> and its categories, for a write that needs <paramref name="right"/>
    /// (assignments, corrections or categories: central, or the domain's steward) on it, read together with the
    /// stewardship in one query: <see cref="DomainRuleException"/> (not found) when there is no such domain,
    /// <see cref="ForbiddenException"/> when the user may not. The same answers as loading the domain and then asking
    /// <see cref="EnsureStewardsAsync"/>, in one round trip instead of two, inside the
    /// write's transaction, so a steward removed a moment ago no longer passes.
    /// </summary>
    internal Task<ApplicationDomain> StewardedDomainAsync(RegistryDbContext db, RegistryUser user, string code, RegistryRight right, CancellationToken cancellationToken)
    {
        var trimmed = code.Trim();
        return StewardedDomainAsync(db, user, db.ApplicationDomains.Where(d => d.Code == trimmed), right, () => RegistryLookups.DomainNotFound(trimmed), cancellationToken);
    }

    /// <summary>As <see cref="StewardedDomainAsync(RegistryDbContext, RegistryUser, string, RegistryRight, CancellationToken)"/>, for a domain known by id (it exists).</summary>
    internal Task<ApplicationDomain> StewardedDomainAsync(RegistryDbContext db, RegistryUser user, Guid id, RegistryRight right, CancellationToken cancellationToken) =>
        StewardedDomainAsync(db, user, db.ApplicationDomains.Where(d => d.Id == id), right, () => new InvalidOperationException($"Application domain {id} does not exist."), cancellationToken);

    /// <summary>
    /// For a domain already loaded by <see cref="StewardedDomainAsync(RegistryDbContext, RegistryUser, string, RegistryRight, CancellationToken)"/>
    /// for one right, when the same write turns out to need another (a reconciliation that removes assignments also
    /// corrects): <see cref="ForbiddenException"/> when the user may not.
    /// </summary>
    internal async Task EnsureStewardsAsync(RegistryDbContext db, RegistryUser user, ApplicationDomain domain, RegistryRight right, CancellationToken cancellationToken)
    {
        if (!await StewardsAsync(db, user, domain.Id, cancellationToken))
        {
            throw new ForbiddenException(right, $"U mag {Denied(right, domain)}.");
        }
    }

    internal async Task EnsureMayEditOrganisationAsync(RegistryDbContext db, RegistryUser user, Organisation organisation, CancellationToken cancellationToken)
    {
        if (!await ManagesAsync(db, user, organisation.Id, cancellationToken))
        {
            throw new ForbiddenException(RegistryRight.EditOrganisation, $"U mag de gegevens van {Describe(organisation)} niet wijzigen.");
        }
    }

    /// <summary>
    /// A structure link between <paramref name="child"/> and <paramref name="parent"/> (added, changed or removed):
    /// an organisation manager needs both within its subtree, so it can neither pull an organisation in from outside
    /// nor hang its own organisation (or a descendant) under an organisation it does not manage.
    /// </summary>
    internal async Task EnsureMayEditStructureAsync(RegistryDbContext db, RegistryUser user, Organisation child, Organisation parent, CancellationToken cancellationToken)
    {
        await EnsureMayEditOrganisationAsync(db, user, child, cancellationToken);
        if (!await ManagesAsync(db, user, parent.Id, cancellationToken))
        {
            throw new ForbiddenException(
                RegistryRight.EditOrganisation,
                $"U mag de structuur tussen {Describe(child)} en {Describe(parent)} niet wijzigen: u beheert {parent.OvoCode} niet.");
        }
    }

    internal async Task EnsureMayCreateOrganisationAsync(RegistryDbContext db, RegistryUser user, Organisation? parent, CancellationToken cancellationToken)
    {
        if (!await MayCreateUnderAsync(db, user, parent?.Id, cancellationToken))
        {
            throw new ForbiddenException(
                RegistryRight.CreateOrganisation,
                parent is null
                    ? "Alleen een centrale beheerder mag een organisatie zonder moederorganisatie aanmaken."
                    : $"U mag geen organisatie aanmaken onder {Describe(parent)}.");
        }
    }

    internal static void EnsureMayCoupleKbo(RegistryUser user)
    {
        if (!MayCoupleKbo(user))
        {
            throw new ForbiddenException(RegistryRight.CoupleKbo, "Alleen een centrale beheerder mag een KBO-nummer koppelen, wijzigen of ontkoppelen.");
        }
    }

    /// <param name="what">What the user tried, as a Dutch infinitive phrase ("toepassingsgebieden beheren").</param>
    internal static void EnsureMayAdministerRegister(RegistryUser user, string what)
    {
        if (!MayAdministerRegister(user))
        {
            throw new ForbiddenException(RegistryRight.AdministerRegister, $"Alleen een centrale beheerder mag {what}.");
        }
    }

    // ---- The definitions ---------------------------------------------------------------------------------------

    private async Task<ApplicationDomain> StewardedDomainAsync(
        RegistryDbContext db, RegistryUser user, IQueryable<ApplicationDomain> domain, RegistryRight right, Func<Exception> notFound, CancellationToken cancellationToken)
    {
        // As StewardsAsync: central staff steward every domain; a domain expert the domains its organisation stewards.
        var organisationId = !user.IsCentralAdministrator && user.IsInRole(RegistryRoles.DomainExpert) ? await OrganisationIdOfAsync(db, user, cancellationToken) : null;
        var found = await domain
            .Include(d => d.Categories)
            .Select(d => new { Domain = d, Stewards = organisationId != null && d.Stewards.Any(s => s.OrganisationId == organisationId) })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw notFound();
        if (!user.IsCentralAdministrator && !found.Stewards)
        {
            throw new ForbiddenException(right, $"U mag {Denied(right, found.Domain)}.");
        }

        return found.Domain;
    }

    private static string Denied(RegistryRight right, ApplicationDomain domain) => right switch
    {
        RegistryRight.ManageAssignments => $"de toewijzingen van {domain.NameInSentence} niet beheren",
        RegistryRight.CorrectAssignments => $"de toewijzingen van {domain.NameInSentence} niet corrigeren",
        RegistryRight.ManageCategories => $"de categorieën van {domain.NameInSentence} niet beheren",
        _ => throw new ArgumentOutOfRangeException(nameof(right), right, "Not a right that follows stewardship."),
    };

    /// <summary>Central, or a domain expert whose organisation stewards the domain.</summary>
    private async Task<bool> StewardsAsync(RegistryDbContext db, RegistryUser user, Guid domainId, CancellationToken cancellationToken)
    {
        if (user.IsCentralAdministrator)
        {
            return true;
        }

        var organisationId = user.IsInRole(RegistryRoles.DomainExpert) ? await OrganisationIdOfAsync(db, user, cancellationToken) : null;
        return organisationId is not null
            && await db.DomainStewards.AnyAsync(s => s.ApplicationDomainId == domainId && s.OrganisationId == organisationId, cancellationToken);
    }

    private async Task<bool> StewardsAnyAsync(RegistryDbContext db, RegistryUser user, CancellationToken cancellationToken)
    {
        if (user.IsCentralAdministrator)
        {
            return true;
        }

        var organisationId = user.IsInRole(RegistryRoles.DomainExpert) ? await OrganisationIdOfAsync(db, user, cancellationToken) : null;
        return organisationId is not null && await db.DomainStewards.AnyAsync(s => s.OrganisationId == organisationId, cancellationToken);
    }

    /// <summary>Central, or an organisation manager when the organisation is its own or a descendant by the structure valid today.</summary>
    private async Task<bool> ManagesAsync(RegistryDbContext db, RegistryUser user, Guid organisationId, CancellationToken cancellationToken)
    {
        if (user.IsCentralAdministrator)
        {
            return true;
        }

        if (await ManagedRootAsync(db, user, cancellationToken) is not { } root)
        {
            return false;
        }

        if (root == organisationId)
        {
            return true;
        }

        var above = await ParentLinks.StructureAboveAsync(db, organisationId, Today, cancellationToken);
        return above.Organisations.Contains(root);
    }

    private async Task<bool> MayCreateUnderAsync(RegistryDbContext db, RegistryUser user, Guid? parentId, CancellationToken cancellationToken) =>
        parentId is { } id ? await ManagesAsync(db, user, id, cancellationToken) : user.IsCentralAdministrator;

    private async Task<Guid?> ManagedRootAsync(RegistryDbContext db, RegistryUser user, CancellationToken cancellationToken) =>
        user.IsInRole(RegistryRoles.OrganisationManager) ? await OrganisationIdOfAsync(db, user, cancellationToken) : null;

    private static async Task<Guid?> OrganisationIdOfAsync(RegistryDbContext db, RegistryUser user, CancellationToken cancellationToken)
    {
        if (user.OrganisationId is not null || user.OrganisationOvoCode is not { } ovoCode)
        {
            return user.OrganisationId;
        }

        var ids = await db.Organisations.Where(o => o.OvoCode == ovoCode).Select(o => o.Id).Take(1).ToListAsync(cancellationToken);
        return ids.Count == 0 ? null : ids[0];
    }

    private DateOnly Today => DateOnly.FromDateTime(time.GetLocalNow().DateTime);

    private static string Describe(Organisation organisation) => $"{organisation.OvoCode} ({organisation.Name})";
}
