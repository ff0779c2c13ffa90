using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Kbo;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Tests.Infrastructure;
using OrganisationRegistry.Tests.Integration.Services;

namespace OrganisationRegistry.Tests.Integration.Kbo;

/// <summary>
/// Coupling, uncoupling and creating from the KBO through <see cref="KboCouplingService"/>, and the one resolution of
/// the KBO copy's legal data (<see cref="KboQueries"/>), on a real database.
/// </summary>
public abstract class KboCouplingServiceTests(DatabaseFixture database) : ServiceTests(database)
{
    internal static readonly string Vmm = KboNumber.FromBase(20_000_001).Digits;
    internal static readonly string Aquafin = KboNumber.FromBase(20_000_002).Digits;

    private KboTestData Kbo => new(Database);

    private KboCouplingService Coupling => Database.Services.GetRequiredService<KboCouplingService>();

    private async Task<KboRecord?> FindAsync(string number)
    {
        await using var scope = Database.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<KboQueries>().LookupAsync(number, Ct)).Record;
    }

    private Task<Organisation> StoredAsync(Guid id) => ReadAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == id, Ct));

    private async Task SeedAsync()
    {
        await Kbo.ImportAsync(cancellationToken: Ct);
        await Kbo.CodesAsync(Ct);
        await Kbo.EnterprisesAsync(
            new KboSeed(Vmm, "Vlaamse Milieumaatschappij", "VMM", Street: "Dokter De Moorstraat", HouseNumber: "24", Box: "26", Zipcode: "9300", Municipality: "Aalst"),
            new KboSeed(Aquafin, "Aquafin", JuridicalForm: "017"));
    }

    // ---- The one resolution of legal data ------------------------------------------------------------------

    [Fact]
    public async Task LegalData_TakesTheDutchName_AbbreviationLegalFormAndSeatOnOneLine()
    {
        await SeedAsync();

        var record = await FindAsync($"BE {Vmm}");

        Assert.Equal(
            (Vmm, "Vlaamse Milieumaatschappij", "VMM", "Openbare instelling", "Dokter De Moorstraat 24 bus 26, 9300 Aalst", true),
            (record!.Number.Digits, record.Name, record.ShortName, record.LegalForm, record.RegisteredSeat, record.IsActive));
    }

    [Fact]
    public async Task LegalData_FallsBack_NameFrenchThenGerman_LegalFormFrench_SeatFrenchFields_ForeignCountryAppended()
    {
        var number = KboNumber.FromBase(20_000_003).Digits;
        await Kbo.CodesAsync(Ct);
        await Kbo.EnterprisesAsync(new KboSeed(number, "Deutsche Gemeinschaft", NameLanguage: "3", JuridicalForm: "400", Municipality: null));
        await Kbo.AddAsync(
            [
                new KboDenomination { EntityNumber = number, Type = KboDenomination.NameType, Language = "1", Value = "Communauté germanophone" },
                new KboDenomination { EntityNumber = number, Type = KboDenomination.NameType, Language = "4", Value = "German-speaking Community" },
                new KboDenomination { EntityNumber = number, Type = KboDenomination.AbbreviationType, Language = "0", Value = "DG" },
                new KboAddress { EntityNumber = number, StreetFR = "Rue de la Loi", HouseNumber = "16", Zipcode = "75001", MunicipalityFR = "Paris", CountryFR = "France" },
            ],
            Ct);

        var record = await FindAsync(number);

        Assert.Equal(
            ("Communauté germanophone", "DG", "Forme seulement en français", "Rue de la Loi 16, 75001 Paris, France"),
            (record!.Name, record.ShortName, record.LegalForm, record.RegisteredSeat));
    }

    [Fact]
    public async Task Lookup_OfANumberNotInTheCopy_SaysSo_WithTheLatestImport()
    {
        await SeedAsync();
        await using var scope = Database.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<KboQueries>();

        var unknown = await queries.LookupAsync("0123.456.749", Ct);
        var invalid = await queries.LookupAsync("0123.456.789", Ct);

        Assert.Equal("Het KBO-nummer 0123.456.749 komt niet voor in de KBO-gegevens van het register (laatste import: extract 123 van 01/11/2026).", unknown.Problem);
        Assert.Null(unknown.Record);
        Assert.Equal("'0123.456.789' is geen geldig KBO-nummer: het controlegetal klopt niet.", invalid.Problem);
        Assert.False(unknown.CanCouple);
    }

    // ---- Couple and uncouple -------------------------------------------------------------------------------

    [Fact]
    public async Task Couple_TakesTheLegalDataFromTheKbo_KeepsTheNamesFromBefore_AndIsAudited()
    {
        await SeedAsync();
        var target = World.Granddaughter;

        var saved = await Coupling.CoupleAsync(World.CentralAdmin, new CoupleOrganisationToKbo(target.OvoCode.Value, 1, Vmm[..4] + "." + Vmm[4..7] + "." + Vmm[7..]), Ct);

        var stored = await StoredAsync(target.Id);
        Assert.Equal(
            (Vmm, "Vlaamse Milieumaatschappij", "VMM", "Openbare instelling", "Dokter De Moorstraat 24 bus 26, 9300 Aalst", "Dienst Lucht", (string?)null, 2L),
            (stored.KboNumber?.Digits, stored.Name, stored.ShortName, stored.LegalForm, stored.RegisteredSeat, stored.NameBeforeKbo, stored.ShortNameBeforeKbo, saved.Version));
        var entry = await ReadAsync(db => db.AuditEntries.AsNoTracking().OrderBy(e => e.Position).LastAsync(Ct));
        Assert.Equal((target.OvoCode.Value, World.CentralAdmin.SubjectId), (entry.OrganisationOvoCode, entry.ActorId));
        Assert.Equal("Dienst Lucht", JsonDocument.Parse(entry.OldValues!).RootElement.GetProperty("Name").GetString());
        Assert.Equal("Vlaamse Milieumaatschappij", JsonDocument.Parse(entry.NewValues!).RootElement.GetProperty("Name").GetString());
    }

    [Fact]
    public async Task Uncouple_RestoresTheNamesFromBefore_AndClearsTheLegalData()
    {
        await SeedAsync();
        var target = World.Department;
        await Coupling.CoupleAsync(World.CentralAdmin, new CoupleOrganisationToKbo(target.OvoCode.Value, 1, Vmm), Ct);

        await Coupling.UncoupleAsync(World.CentralAdmin, new UncoupleOrganisationFromKbo(target.OvoCode.Value, 2), Ct);

        var stored = await StoredAsync(target.Id);
        Assert.Equal(
            (target.Name, target.ShortName, (KboNumber?)null, (string?)null, (string?)null, (string?)null, 3L),
            (stored.Name, stored.ShortName, stored.KboNumber, stored.LegalForm, stored.RegisteredSeat, stored.NameBeforeKbo, stored.Version));
    }

    [Fact]
    public async Task Couple_ToANumberNotInTheCopy_IsRefused_NamingTheLatestImport_AndNothingChanges()
    {
        await SeedAsync();
        var before = await SnapshotAsync();

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Coupling.CoupleAsync(World.CentralAdmin, new CoupleOrganisationToKbo(World.Granddaughter.OvoCode.Value, 1, "0123456749"), Ct));

        Assert.Equal(RuleCodes.NotFound, refused.Code);
        Assert.Equal("Het KBO-nummer 0123.456.749 komt niet voor in de KBO-gegevens van het register (laatste import: extract 123 van 01/11/2026).", refused.Message);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Couple_WithoutAnyImport_SaysThatNoExtractWasRead()
    {
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Coupling.CoupleAsync(World.CentralAdmin, new CoupleOrganisationToKbo(World.Granddaughter.OvoCode.Value, 1, "0123456749"), Ct));

        Assert.Equal("Het KBO-nummer 0123.456.749 komt niet voor in de KBO-gegevens van het register (er werd nog geen KBO-extract ingelezen).", refused.Message);
    }

    [Fact]
    public async Task Couple_ToTheNumberOfAnotherCurrentOrganisation_IsRefused_NamingIt()
    {
        await SeedAsync();
        await StoreOrganisationAsync(45, "Vlaamse Landmaatschappij", KboNumber.Parse(Vmm));

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Coupling.CoupleAsync(World.CentralAdmin, new CoupleOrganisationToKbo(World.Granddaughter.OvoCode.Value, 1, Vmm), Ct));

        Assert.Equal(RuleCodes.Duplicate, refused.Code);
        Assert.Equal($"Het KBO-nummer {KboNumber.Parse(Vmm)} is al gekoppeld aan OVO000045 (Vlaamse Landmaatschappij), die vandaag geldig is.", refused.Message);
    }

    [Fact]
    public async Task Couple_AlreadyCoupled_IsRefused_PointingToUncouple()
    {
        await SeedAsync();
        await Coupling.CoupleAsync(World.CentralAdmin, new CoupleOrganisationToKbo(World.Granddaughter.OvoCode.Value, 1, Vmm), Ct);

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Coupling.CoupleAsync(World.CentralAdmin, new CoupleOrganisationToKbo(World.Granddaughter.OvoCode.Value, 2, Aquafin), Ct));

        Assert.Contains("ontkoppel eerst", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Couple_WithAStaleVersion_IsAConflict_AndNothingChanges()
    {
        await SeedAsync();
        var target = World.Granddaughter;
        await World.Organisations.UpdateAsync(World.CentralAdmin, new UpdateOrganisation(target.OvoCode.Value, 1, "Dienst Luchtkwaliteit"), Ct);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Coupling.CoupleAsync(World.CentralAdmin, new CoupleOrganisationToKbo(target.OvoCode.Value, 1, Vmm), Ct));

        Assert.Equal("Dienst Luchtkwaliteit", conflict.CurrentValues["Name"]);
        Assert.Null((await StoredAsync(target.Id)).KboNumber);
    }

    [Fact]
    public async Task Update_OfACoupledOrganisation_RefusesAnotherName_ButAcceptsTheRest()
    {
        await SeedAsync();
        var target = World.Granddaughter.OvoCode.Value;
        await Coupling.CoupleAsync(World.CentralAdmin, new CoupleOrganisationToKbo(target, 1, Vmm), Ct);

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            World.Organisations.UpdateAsync(World.OrgManager, new UpdateOrganisation(target, 2, "Dienst Lucht", "VMM"), Ct));
        var saved = await World.Organisations.UpdateAsync(
            World.OrgManager, new UpdateOrganisation(target, 2, "Vlaamse Milieumaatschappij", "VMM", Article.De, "Meet de luchtkwaliteit."), Ct);

        Assert.StartsWith($"De naam en de korte naam van {target} komen uit de KBO", refused.Message, StringComparison.Ordinal);
        Assert.EndsWith("Ontkoppel de organisatie van de KBO om ze zelf te beheren.", refused.Message, StringComparison.Ordinal);
        var stored = await StoredAsync(saved.Id);
        Assert.Equal(("Meet de luchtkwaliteit.", Vmm), (stored.Description, stored.KboNumber?.Digits));
    }

    // ---- Create from the KBO -------------------------------------------------------------------------------

    [Fact]
    public async Task CreateFromKbo_TakesNamesAndLegalDataFromTheKbo_UnderTheParent()
    {
        await SeedAsync();

        var created = await Coupling.CreateFromKboAsync(
            World.CentralAdmin, new CreateOrganisationFromKbo($"BE{Aquafin}", Article.De, "Zuivert afvalwater.", new DateOnly(2020, 1, 1), ParentOvoCode: World.Department.OvoCode.Value), Ct);

        var stored = await ReadAsync(db => db.Organisations.Include(o => o.Parents).AsNoTracking().SingleAsync(o => o.Id == created.Id, Ct));
        Assert.Equal(
            ("OVO000009", "Aquafin", (string?)null, "Vereniging zonder winstoogmerk", "Havenlaan 88, 1000 Brussel", (string?)null, "Zuivert afvalwater."),
            (created.OvoCode, stored.Name, stored.ShortName, stored.LegalForm, stored.RegisteredSeat, stored.NameBeforeKbo, stored.Description));
        Assert.Equal(World.Department.Id, Assert.Single(stored.Parents).ParentOrganisationId);
    }

    [Fact]
    public async Task CreateFromKbo_WithTheNumberOfACurrentOrganisation_IsRefused_ButOfAnEndedOneIsAccepted()
    {
        await SeedAsync();
        await StoreOrganisationAsync(45, "Vlaamse Milieumaatschappij (opgeheven)", KboNumber.Parse(Vmm), validTo: new DateOnly(2020, 12, 31));
        await StoreOrganisationAsync(46, "Aquafin", KboNumber.Parse(Aquafin));

        var created = await Coupling.CreateFromKboAsync(World.CentralAdmin, new CreateOrganisationFromKbo(Vmm), Ct);
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => Coupling.CreateFromKboAsync(World.CentralAdmin, new CreateOrganisationFromKbo(Aquafin), Ct));

        Assert.Equal(Vmm, (await StoredAsync(created.Id)).KboNumber?.Digits);
        Assert.Equal($"Het KBO-nummer {KboNumber.Parse(Aquafin)} is al gekoppeld aan OVO000046 (Aquafin), die vandaag geldig is.", refused.Message);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class KboCouplingServiceTestsOnSqlite(SqliteDatabaseFixture database) : KboCouplingServiceTests(database);

[Collection(PostgreSqlCollection.Name)]
public sealed class KboCouplingServiceTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : KboCouplingServiceTests(database);
