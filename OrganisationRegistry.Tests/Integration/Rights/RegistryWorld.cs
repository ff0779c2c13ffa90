using Microsoft.Extensions.DependencyInjection;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Persistence;
using OrganisationRegistry.Domain.Rights;
using OrganisationRegistry.Tests.Domain.TestData;
using OrganisationRegistry.Tests.Infrastructure;
using static OrganisationRegistry.Tests.Domain.TestData.Dates;

namespace OrganisationRegistry.Tests.Integration.Rights;

/// <summary>
/// A small register to test rights and services against, stored straight through EF Core (not through the services
/// under test):
/// <code>
/// Agentschap Digitaal Vlaanderen        Agentschap Overheidspersoneel (steward of the Bestuursdecreet)
/// Departement Financiën en Begroting (steward of the VCO)
/// Departement Omgeving                  the org-manager's organisation; in both domains since 01/01/2019; key ORA-OMG
///   └ Vlaamse Milieumaatschappij        daughter since 01/01/2010
///       └ Dienst Lucht                  granddaughter since 01/01/2010; key ORA-LUCHT
/// Departement Mobiliteit en Openbare Werken      outside the org-manager's subtree
///   └ De Vlaamse Waterweg               since 01/01/2010; key ORA-DVW
/// </code>
/// The personas are signed in the way development sign-in does it (<see cref="DevelopmentPersonas.SignInAsync"/>).
/// </summary>
internal sealed class RegistryWorld
{
    public const string BestuursdecreetCode = "bestuursdecreet";
    public const string VcoCode = "vco";

    private RegistryWorld(DatabaseFixture database) => Database = database;

    public DatabaseFixture Database { get; }

    public Organisation DigitaalVlaanderen { get; private set; } = null!;

    public Organisation Aop { get; private set; } = null!;

    public Organisation Dfb { get; private set; } = null!;

    public Organisation Department { get; private set; } = null!;

    public Organisation Daughter { get; private set; } = null!;

    public Organisation Granddaughter { get; private set; } = null!;

    public Organisation Outside { get; private set; } = null!;

    public Organisation OutsideDaughter { get; private set; } = null!;

    public ApplicationDomain Bestuursdecreet { get; private set; } = null!;

    public ApplicationDomain Vco { get; private set; } = null!;

    public KeyType Orafin { get; private set; } = null!;

    /// <summary>A role granted in the register: lies.peeters@vlaanderen.be is domain expert for AOP (version 1).</summary>
    public UserGrant Grant { get; private set; } = null!;

    public IReadOnlyDictionary<string, RegistryUser> Personas { get; private set; } = null!;

    public AssignmentService Assignments => Database.Services.GetRequiredService<AssignmentService>();

    public OrganisationService Organisations => Database.Services.GetRequiredService<OrganisationService>();

    public ApplicationDomainService Domains => Database.Services.GetRequiredService<ApplicationDomainService>();

    public UserGrantService Grants => Database.Services.GetRequiredService<UserGrantService>();

    public RegistryAuthorization Authorization => Database.Services.GetRequiredService<RegistryAuthorization>();

    public RegistryUser CentralAdmin => Personas[DevelopmentPersonas.CentralAdmin.Key];

    public RegistryUser AopExpert => Personas[DevelopmentPersonas.AopExpert.Key];

    public RegistryUser DfbExpert => Personas[DevelopmentPersonas.DfbExpert.Key];

    public RegistryUser OrgManager => Personas[DevelopmentPersonas.OrganisationManager.Key];

    public RegistryUser Reader => Personas[DevelopmentPersonas.Reader.Key];

    public ApplicationDomain Domain(string code) => code == BestuursdecreetCode ? Bestuursdecreet : Vco;

    /// <summary>The assignment of the department to a domain (since 01/01/2019, version 1).</summary>
    public DomainAssignment DepartmentAssignment(string domainCode) => Department.Assignments.Single(a => a.ApplicationDomainId == Domain(domainCode).Id);

    /// <summary>The one active category the world's existing assignment in a domain uses, and one for new assignments.</summary>
    public static (string Existing, string New) Categories(string domainCode) =>
        domainCode == BestuursdecreetCode ? ("departement", "iva-zonder-rp") : ("diensten-vlaamse-regering", "dab");

    /// <summary>Empties the database and stores the world.</summary>
    public static async Task<RegistryWorld> CreateAsync(DatabaseFixture database, CancellationToken cancellationToken)
    {
        await database.ResetAsync();
        var world = new RegistryWorld(database);
        await using var db = await database.Contexts.CreateDbContextAsync(cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await world.StoreAsync(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var personas = new Dictionary<string, RegistryUser>();
        foreach (var persona in DevelopmentPersonas.All)
        {
            personas[persona.Key] = await DevelopmentPersonas.SignInAsync(persona, db, DateOnly.FromDateTime(DateTime.Today), cancellationToken);
        }

        world.Personas = personas;
        return world;
    }

    private async Task StoreAsync(RegistryDbContext db, CancellationToken cancellationToken)
    {
        async Task<Organisation> Add(string name, string? shortName = null)
        {
            var organisation = Organisation.Create(await OvoCodeIssuer.NextAsync(db, cancellationToken), new OrganisationDetails(name, shortName));
            db.Organisations.Add(organisation);
            return organisation;
        }

        DigitaalVlaanderen = await Add("Agentschap Digitaal Vlaanderen", "Digitaal Vlaanderen");
        Aop = await Add("Agentschap Overheidspersoneel", "AOP");
        Dfb = await Add("Departement Financiën en Begroting", "DFB");
        Department = await Add("Departement Omgeving", "OMG");
        Daughter = await Add("Vlaamse Milieumaatschappij", "VMM");
        Granddaughter = await Add("Dienst Lucht");
        Outside = await Add("Departement Mobiliteit en Openbare Werken", "MOW");
        OutsideDaughter = await Add("De Vlaamse Waterweg", "DVW");

        Daughter.AddParent(Department, Since("01/01/2010"), _ => []);
        Granddaughter.AddParent(Daughter, Since("01/01/2010"), _ => []);
        OutsideDaughter.AddParent(Outside, Since("01/01/2010"), _ => []);

        Orafin = new KeyType("orafin", "Orafin");
        db.KeyTypes.Add(Orafin);
        Department.AddKey(Orafin, "ORA-OMG", Validity.Always);
        Granddaughter.AddKey(Orafin, "ORA-LUCHT", Validity.Always);
        OutsideDaughter.AddKey(Orafin, "ORA-DVW", Validity.Always);

        Bestuursdecreet = TestDomains.Bestuursdecreet();
        Bestuursdecreet.AddSteward(Aop.Id);
        Vco = TestDomains.Vco();
        Vco.AddSteward(Dfb.Id);
        db.ApplicationDomains.AddRange(Bestuursdecreet, Vco);
        foreach (var domain in new[] { Bestuursdecreet, Vco })
        {
            Department.Assign(domain, domain.Category(Categories(domain.Code).Existing), Since("01/01/2019"), null, null, _ => []);
        }

        Grant = new UserGrant("lies.peeters@vlaanderen.be", RegistryRoles.DomainExpert, Aop.Id);
        db.UserGrants.Add(Grant);
        await db.SaveChangesAsync(cancellationToken);
    }
}
