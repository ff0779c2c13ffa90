using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Persistence;

namespace OrganisationRegistry.Domain.Rights;

/// <summary>
/// A user to sign in as during development (<c>/dev/signin/{key}</c>). Its organisation is named, not identified: it
/// is looked up by name or short name when signing in, in whatever database the seeder filled.
/// </summary>
public sealed record DevelopmentPersona(string Key, string DisplayName, string Role, IReadOnlyList<string> OrganisationNames, string Description)
{
    public bool HasOrganisation => OrganisationNames.Count > 0;
}

/// <summary>The five seeded personas of development sign-in.</summary>
public static class DevelopmentPersonas
{
    public static readonly DevelopmentPersona CentralAdmin = new(
        "central-admin",
        "Centrale beheerder (Digitaal Vlaanderen)",
        RegistryRoles.CentralAdministrator,
        ["Agentschap Digitaal Vlaanderen", "Digitaal Vlaanderen"],
        "Mag alles, ook toepassingsgebieden, hun beheerders en de rechten van personen.");

    public static readonly DevelopmentPersona AopExpert = new(
        "aop-expert",
        "Domeinexpert Bestuursdecreet (AOP)",
        RegistryRoles.DomainExpert,
        ["Agentschap Overheidspersoneel", "AOP"],
        "Beheert de toepassingsgebieden die het Agentschap Overheidspersoneel beheert (het Bestuursdecreet).");

    public static readonly DevelopmentPersona DfbExpert = new(
        "dfb-expert",
        "Domeinexpert Vlaamse Codex Overheidsfinanciën (DFB)",
        RegistryRoles.DomainExpert,
        ["Departement Financiën en Begroting", "DFB"],
        "Beheert de toepassingsgebieden die het Departement Financiën en Begroting beheert (de Vlaamse Codex Overheidsfinanciën).");

    public static readonly DevelopmentPersona OrganisationManager = new(
        "org-manager",
        "Beheerder Departement Omgeving",
        RegistryRoles.OrganisationManager,
        ["Departement Omgeving"],
        "Beheert het Departement Omgeving en de organisaties eronder; geen toewijzingen aan toepassingsgebieden.");

    public static readonly DevelopmentPersona Reader = new(
        "reader",
        "Lezer",
        RegistryRoles.Reader,
        [],
        "Ziet alles, wijzigt niets.");

    public static IReadOnlyList<DevelopmentPersona> All { get; } = [CentralAdmin, AopExpert, DfbExpert, OrganisationManager, Reader];

    public static DevelopmentPersona? Find(string? key) =>
        All.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The user of <paramref name="persona"/> in the database at hand: its organisation looked up by name or short name
    /// (an organisation valid today first). When the organisation is missing (the database is not seeded) the user has
    /// no organisation, and so no rights that follow one.
    /// </summary>
    public static async Task<RegistryUser> SignInAsync(DevelopmentPersona persona, RegistryDbContext db, DateOnly today, CancellationToken cancellationToken = default)
    {
        (Guid Id, OvoCode OvoCode)? organisation = null;
        foreach (var name in persona.OrganisationNames)
        {
            var candidates = await db.Organisations.AsNoTracking()
                .Where(o => o.Name == name || o.ShortName == name)
                .Select(o => new { o.Id, o.OvoCode, o.ValidFrom, o.ValidTo })
                .ToListAsync(cancellationToken);
            var best = candidates
                .OrderByDescending(o => (o.ValidFrom == null || o.ValidFrom <= today) && (o.ValidTo == null || o.ValidTo >= today))
                .ThenBy(o => o.OvoCode.Number)
                .FirstOrDefault();
            if (best is not null)
            {
                organisation = (best.Id, best.OvoCode);
                break;
            }
        }

        return RegistryUser.Create(
            $"dev:{persona.Key}",
            persona.DisplayName,
            [persona.Role],
            organisation?.OvoCode,
            organisation?.Id);
    }
}
