using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Tests.Infrastructure;
using static OrganisationRegistry.Tests.Infrastructure.TestData;

namespace OrganisationRegistry.Tests.Integration.ApplicationDomains;

/// <summary>
/// A domain whose members change around the turn of 2024/2025, for the report and the changes between two dates
/// (the domain queries, the API, the pages and the CSV all use it).
/// </summary>
/// <remarks>
/// Categories in order: departement, iva-met-rp, eva-privaat, oud (inactive, still holds one member), leeg (inactive,
/// empty). Inclusive bounds, so on 31/12/2024 (<see cref="LastDay"/>) and on 01/01/2025 (<see cref="FirstDay"/>):
/// <list type="bullet">
/// <item>Departement Omgeving, departement, open on both ends: on both dates.</item>
/// <item>Agentschap Einde, iva-met-rp, 01/01/2020–31/12/2024: on 31/12/2024, not on 01/01/2025 (left).</item>
/// <item>Agentschap Start, iva-met-rp, from 01/01/2025: not on 31/12/2024, on 01/01/2025 (entered).</item>
/// <item>Agentschap Verhuisd, departement until 31/12/2024, then eva-privaat from 01/01/2025 (moved).</item>
/// <item>Agentschap Tussendoor, iva-met-rp, 01/03/2024–30/06/2024: between the dates, on neither.</item>
/// <item>Zonder Begin, departement, no start, until 31/12/2024 (left).</item>
/// <item>Oude Dienst, oud (a category made inactive later), open: on both dates.</item>
/// </list>
/// </remarks>
public static class DomainReportScenario
{
    public const string Code = "testdecreet";
    public const string Name = "Testdecreet";

    public static readonly DateOnly LastDay = new(2024, 12, 31);
    public static readonly DateOnly FirstDay = new(2025, 1, 1);

    public static async Task RegisterAsync(TestData data, DatabaseFixture database, CancellationToken ct)
    {
        var organisations = await data.OrganisationsAsync(
            [
                new OrganisationDetails("Departement Omgeving"),
                new OrganisationDetails("Agentschap Einde", "AE"),
                new OrganisationDetails("Agentschap Start", "AS", KboNumber: KboNumber.Parse("0234567873")),
                new OrganisationDetails("Agentschap Verhuisd"),
                new OrganisationDetails("Agentschap Tussendoor"),
                new OrganisationDetails("Zonder Begin"),
                new OrganisationDetails("=Oude Dienst"),
            ],
            ct);
        var domain = await data.DomainAsync(
            Code,
            Name,
            [
                ("departement", "Departement"), ("iva-met-rp", "IVA met rechtspersoonlijkheid"), ("eva-privaat", "Privaatrechtelijk EVA"),
                ("oud", "Oude categorie"), ("leeg", "Lege oude categorie"),
            ],
            cancellationToken: ct);
        await data.AssignAsync(organisations[0], domain, "departement", cancellationToken: ct);
        await data.AssignAsync(organisations[1], domain, "iva-met-rp", Period("2020-01-01", "2024-12-31"), cancellationToken: ct);
        await data.AssignAsync(organisations[2], domain, "iva-met-rp", Period("2025-01-01"), cancellationToken: ct);
        await data.AssignAsync(organisations[3], domain, "departement", Period("2019-01-01", "2024-12-31"), cancellationToken: ct);
        await data.AssignAsync(organisations[3], domain, "eva-privaat", Period("2025-01-01"), cancellationToken: ct);
        await data.AssignAsync(organisations[4], domain, "iva-met-rp", Period("2024-03-01", "2024-06-30"), cancellationToken: ct);
        await data.AssignAsync(organisations[5], domain, "departement", Period(null, "2024-12-31"), cancellationToken: ct);
        await data.AssignAsync(organisations[6], domain, "oud", cancellationToken: ct);

        await using var db = await database.Contexts.CreateDbContextAsync(ct);
        foreach (var category in await db.DomainCategories.Where(c => c.ApplicationDomainId == domain.Id && (c.Code == "oud" || c.Code == "leeg")).ToListAsync(ct))
        {
            category.Update(category.Name, category.SortOrder, isActive: false);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>The name of the organisation in the inactive category: it starts with '=', to test CSV injection.</summary>
    public const string OldServiceName = "=Oude Dienst";
}

/// <summary>The shared set-up of the query tests on <see cref="DomainReportScenario"/>: an empty database with the scenario, and the queries.</summary>
public abstract class DomainReportScenarioTests(DatabaseFixture database) : IAsyncLifetime
{
    private readonly AsyncServiceScope _scope = database.Services.CreateAsyncScope();

    protected ApplicationDomainQueries Queries => _scope.ServiceProvider.GetRequiredService<ApplicationDomainQueries>();

    protected static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        await DomainReportScenario.RegisterAsync(new TestData(database), database, Ct);
    }

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}
