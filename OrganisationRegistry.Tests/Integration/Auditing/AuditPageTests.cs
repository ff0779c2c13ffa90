using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Rights;
using OrganisationRegistry.Tests.Components;
using OrganisationRegistry.Tests.Infrastructure;
using AuditPage = OrganisationRegistry.Admin.Components.Pages.Audit.Index;

namespace OrganisationRegistry.Tests.Integration.Auditing;

/// <summary>The review page (<c>/audit</c>), rendered over a real database as central staff and as a reader.</summary>
[Collection(SqliteCollection.Name)]
public sealed class AuditPageTests(SqliteDatabaseFixture database) : BunitTestBase(database)
{
    private static readonly RegistryUser Central = RegistryUser.Create("jan.peeters@vlaanderen.be", "Jan Peeters", [RegistryRoles.CentralAdministrator]);

    [Fact]
    public async Task CentralStaff_SeeTheChangesNewestFirst_AndReadOldAndNewValues()
    {
        SignIn(Central);
        await HistoryAsync();

        var page = Render<AuditPage>();

        page.WaitForAssertion(() => Assert.Equal(2, Rows(page).Count), LoadTimeout);
        Assert.Contains("2 wijzigingen gevonden", page.Markup, StringComparison.Ordinal);
        Assert.Equal(["Gewijzigd", "Toegevoegd"], Rows(page).Select(r => r.Children[3].TextContent.Trim()));
        Assert.Equal("Jan Peeters", Rows(page)[0].Children[1].TextContent.Trim());
        Assert.Equal("OVO000001", Rows(page)[0].Children[5].TextContent.Trim());
        Assert.Equal("/audit/export.csv", page.Find("a[href^='/audit/export.csv']").GetAttribute("href"));

        page.FindAll("tbody tr button")[0].Click();

        page.WaitForAssertion(() => Assert.Contains("Korte naam", page.Find("tbody table").TextContent, StringComparison.Ordinal));
        Assert.Equal(["Korte naam", "DV", "Digitaal Vlaanderen"], page.Find("tbody table tbody tr").Children.Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public async Task TheFiltersComeFromTheAddress_AndTheExportTakesThemOver()
    {
        SignIn(Central);
        await HistoryAsync();
        NavigateTo("/audit?handeling=insert&organisatie=OVO000001");

        var page = Render<AuditPage>();

        page.WaitForAssertion(() => Assert.Single(Rows(page)), LoadTimeout);
        Assert.Equal("Toegevoegd", Rows(page)[0].Children[3].TextContent.Trim());
        Assert.Equal("/audit/export.csv?organisatie=OVO000001&handeling=insert", page.Find("a[href^='/audit/export.csv']").GetAttribute("href"));
    }

    [Fact]
    public async Task AReader_IsToldTheReviewIsNotForThem_AndSeesNoEntries()
    {
        SignIn(RegistryUser.Create("lezer@vlaanderen.be", "Lezer", [RegistryRoles.Reader]));
        await HistoryAsync();

        var page = Render<AuditPage>();

        page.WaitForAssertion(() => Assert.Contains("Alleen centrale beheerders", page.Find("[role=alert]").TextContent, StringComparison.Ordinal), LoadTimeout);
        Assert.Empty(page.FindAll("table"));
    }

    private static List<IElement> Rows(IRenderedComponent<AuditPage> page) =>
        [.. page.FindAll("table > tbody > tr").Where(r => r.Children.Length == 9)];

    /// <summary>Signs in before anything resolves a service (bunit allows no registrations after that).</summary>
    private void SignIn(RegistryUser user) => AddAuthorization().SetAuthorized(user.DisplayName).SetClaims([.. user.ToClaims()]);

    /// <summary>Jan Peeters creates Digitaal Vlaanderen and gives it a short name.</summary>
    private async Task HistoryAsync()
    {
        var organisations = Services.GetRequiredService<OrganisationService>();
        var created = await organisations.CreateAsync(Central, new CreateOrganisation("Agentschap Digitaal Vlaanderen", "DV"), CancellationToken);
        await organisations.UpdateAsync(Central, new UpdateOrganisation(created.OvoCode, created.Version, "Agentschap Digitaal Vlaanderen", "Digitaal Vlaanderen"), CancellationToken);
    }
}
