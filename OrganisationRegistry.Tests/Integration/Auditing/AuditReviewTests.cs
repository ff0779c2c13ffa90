using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using OrganisationRegistry.Admin.Auditing;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Auditing;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Rights;
using OrganisationRegistry.Tests.Infrastructure;
using OrganisationRegistry.Tests.Integration.Rights;
using static OrganisationRegistry.Tests.Domain.TestData.Dates;

namespace OrganisationRegistry.Tests.Integration.Auditing;

/// <summary>
/// The review (<see cref="AuditQueries"/> and the CSV export), per persona: central staff see everything, a domain's
/// steward sees that domain's history with other people shown as their organisation, everyone else nothing.
/// </summary>
public abstract class AuditReviewTests(DatabaseFixture database) : AuditTests(database), IAsyncLifetime
{
    private const string Bestuursdecreet = RegistryWorld.BestuursdecreetCode;
    private const string Vco = RegistryWorld.VcoCode;

    private AuditQueries Queries => new(Database.Contexts, World.Authorization);

    // Re-implements IAsyncLifetime.InitializeAsync: the world, then changes by several people in both domains.
    public new async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await World.Assignments.ChangeAsync(
            World.CentralAdmin, new ChangeAssignment(World.DepartmentAssignment(Bestuursdecreet).Id, 1, "departement", Day("01/01/2019"), null, Remark: "door centraal"), Ct);
        await World.Assignments.AssignAsync(
            World.AopExpert, new AssignToDomain(World.Granddaughter.OvoCode.Value, Bestuursdecreet, "iva-zonder-rp", Day("01/01/2020"), null, World.Department.OvoCode.Value), Ct);
        await World.Assignments.AssignAsync(
            World.DfbExpert, new AssignToDomain(World.Granddaughter.OvoCode.Value, Vco, "dab", Day("01/01/2020"), null), Ct);
        await World.Organisations.UpdateAsync(World.OrgManager, new UpdateOrganisation(World.Daughter.OvoCode.Value, 1, "Vlaamse Milieumaatschappij", "VMM-nieuw"), Ct);
    }

    public static TheoryData<string> NoAccess => [DevelopmentPersonas.OrganisationManager.Key, DevelopmentPersonas.Reader.Key, "anonymous"];

    [Fact]
    public async Task CentralStaff_SeeEveryEntry_WithEveryActorsName()
    {
        var access = await Queries.AccessAsync(World.CentralAdmin, Ct);
        var page = await Queries.SearchAsync(World.CentralAdmin, new AuditFilter(), 1, 200, cancellationToken: Ct);

        Assert.True(access.All);
        Assert.Equal((int)await LastPositionAsync(), page.TotalCount);
        Assert.Equal(await LastPositionAsync(), page.Items[0].Position);
        Assert.Contains(page.Items, i => i.Actor == "Domeinexpert Bestuursdecreet (AOP)" && i.ActorId == "dev:aop-expert");
        Assert.Contains(page.Items, i => i.Actor == "Beheerder Departement Omgeving");
    }

    [Fact]
    public async Task AStewardSeesTheHistoryOfItsDomainOnly_AndOtherPeopleAsTheirOrganisation()
    {
        var access = await Queries.AccessAsync(World.AopExpert, Ct);
        var page = await Queries.SearchAsync(World.AopExpert, new AuditFilter(), 1, 200, cancellationToken: Ct);

        Assert.Equal([Bestuursdecreet], access.DomainCodes);
        Assert.All(page.Items, i => Assert.Equal(Bestuursdecreet, i.DomainCode));
        Assert.Contains(page.Items, i => i.EntityType == "DomainCategory");
        var own = Assert.Single(page.Items, i => i.ActorId == "dev:aop-expert");
        Assert.Equal("Domeinexpert Bestuursdecreet (AOP)", own.Actor);
        var central = Assert.Single(page.Items, i => i.Changes.Any(c => c.New == "door centraal"));
        Assert.Null(central.ActorId);
        Assert.Equal($"Medewerker van {World.DigitaalVlaanderen.OvoCode} Agentschap Digitaal Vlaanderen", central.Actor);
        Assert.DoesNotContain(page.Items, i => i.Actor.Contains("Centrale beheerder", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AStewardCannotFindAnotherPersonByTheirId_ButFindsItself()
    {
        var other = await Queries.SearchAsync(World.AopExpert, new AuditFilter { Actor = "dev:central-admin" }, 1, 50, cancellationToken: Ct);
        var own = await Queries.SearchAsync(World.AopExpert, new AuditFilter { Actor = "dev:aop-expert" }, 1, 50, cancellationToken: Ct);
        var central = await Queries.SearchAsync(World.CentralAdmin, new AuditFilter { Actor = "dev:central-admin" }, 1, 50, cancellationToken: Ct);

        Assert.Equal(0, other.TotalCount);
        Assert.Equal(1, own.TotalCount);
        Assert.Equal(1, central.TotalCount);
    }

    [Theory]
    [MemberData(nameof(NoAccess))]
    public async Task EveryoneElse_HasNoAccess_AndGetsNothing(string persona)
    {
        var user = persona == "anonymous" ? RegistryUser.Anonymous : World.Personas[persona];

        Assert.False((await Queries.AccessAsync(user, Ct)).Any);
        await Assert.ThrowsAsync<ForbiddenException>(() => Queries.SearchAsync(user, new AuditFilter(), 1, 25, cancellationToken: Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => Queries.WriteCsvAsync(user, new AuditFilter(), Stream.Null, Ct));
        var export = await ExportAsync(user);
        Assert.Equal(StatusCodes.Status403Forbidden, Assert.IsType<ProblemHttpResult>(export.Result.Result).StatusCode);
    }

    [Fact]
    public async Task TheFilters_SelectWhatTheyName()
    {
        var granddaughter = World.Granddaughter.OvoCode.Value;
        Task<AuditPage> Search(AuditFilter filter) => Queries.SearchAsync(World.CentralAdmin, filter, 1, 200, cancellationToken: Ct);
        var correlation = (await Search(new AuditFilter { Actor = "dev:dfb-expert" })).Items.Single().CorrelationId;

        Assert.All((await Search(new AuditFilter { Organisation = granddaughter.ToLowerInvariant() })).Items, i => Assert.Equal(granddaughter, i.OrganisationOvoCode));
        Assert.Equal(2, (await Search(new AuditFilter { Organisation = granddaughter, EntityType = "DomainAssignment" })).TotalCount);
        Assert.Equal(["dev:aop-expert"], (await Search(new AuditFilter { ActorOrganisation = World.Aop.OvoCode.Value })).Items.Select(i => i.ActorId));
        Assert.Single((await Search(new AuditFilter { Domain = Vco, Operation = AuditOperation.Insert, Channel = AuditChannel.Ui })).Items);
        Assert.Single((await Search(new AuditFilter { CorrelationId = correlation })).Items);
        Assert.Equal(["Organisation"], (await Search(new AuditFilter { Text = "VMM-nieuw" })).Items.Select(i => i.EntityType));
        Assert.Equal(4, (await Search(new AuditFilter { Channel = AuditChannel.Ui })).TotalCount);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal((int)await LastPositionAsync(), (await Search(new AuditFilter { From = today.AddDays(-1), To = today.AddDays(1) })).TotalCount);
        Assert.Equal(0, (await Search(new AuditFilter { To = today.AddDays(-2) })).TotalCount);
    }

    [Fact]
    public async Task AnEntry_ReadsAsOldAndNewValues_WithNamesInsteadOfIds()
    {
        var assigned = (await Queries.SearchAsync(World.CentralAdmin, new AuditFilter { Actor = "dev:aop-expert" }, 1, 1, cancellationToken: Ct)).Items.Single();
        var changed = (await Queries.SearchAsync(World.CentralAdmin, new AuditFilter { Organisation = World.Daughter.OvoCode.Value, Operation = AuditOperation.Update }, 1, 1, cancellationToken: Ct)).Items.Single();

        Assert.Contains(new AuditFieldChange("ParentOrganisationId", "Moederorganisatie", null, $"{World.Department.OvoCode} Departement Omgeving"), assigned.Changes);
        Assert.Contains(new AuditFieldChange("ValidFrom", "Geldig vanaf", null, "01/01/2020"), assigned.Changes);
        Assert.Contains(new AuditFieldChange("CategoryId", "Categorie", null, "Vlaamse administratie - IVA zonder rechtspersoonlijkheid"), assigned.Changes);
        Assert.DoesNotContain(assigned.Changes, c => c.Field == "Id");
        Assert.Equal(
            [new AuditFieldChange("ShortName", "Korte naam", "VMM", "VMM-nieuw"), new AuditFieldChange("Version", "Versie", "1", "2")],
            changed.Changes);
    }

    [Fact]
    public async Task TheCsvExport_StreamsTheSelection_OldestFirst_AsTheStewardMaySeeIt()
    {
        var export = await ExportAsync(World.AopExpert, "?gebied=bestuursdecreet&handeling=insert");
        var csv = await RunAsync(Assert.IsType<PushStreamHttpResult>(export.Result.Result));
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("Positie;Tijdstip;Actor;Actor-id;", lines[0], StringComparison.Ordinal);
        var expected = (await Queries.SearchAsync(World.AopExpert, new AuditFilter { Domain = Bestuursdecreet, Operation = AuditOperation.Insert }, 1, 200, oldestFirst: true, cancellationToken: Ct)).Items;
        Assert.Equal(expected.Select(i => i.Position.ToString(System.Globalization.CultureInfo.InvariantCulture)), lines.Skip(1).Select(l => l.Split(';')[0]));
        Assert.Contains(lines, l => l.Contains("Domeinexpert Bestuursdecreet (AOP);dev:aop-expert;Persoon", StringComparison.Ordinal));
        Assert.DoesNotContain("dev:central-admin", csv, StringComparison.Ordinal);
    }

    private async Task<(Results<PushStreamHttpResult, ProblemHttpResult> Result, HttpContext Http)> ExportAsync(RegistryUser user, string query = "")
    {
        var http = new DefaultHttpContext { User = user.ToPrincipal("test"), RequestServices = Database.Services };
        http.Request.QueryString = new QueryString(query);
        var result = await AuditExportEndpoints.ExportAsync(http, Queries, TimeProvider.System, Ct);
        return (result, http);
    }

    private async Task<string> RunAsync(PushStreamHttpResult result)
    {
        using var scope = Database.Services.CreateScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        using var body = new MemoryStream();
        http.Response.Body = body;
        await result.ExecuteAsync(http);
        Assert.Equal("text/csv; charset=utf-8", http.Response.ContentType);
        return Encoding.UTF8.GetString(body.ToArray()).TrimStart('\uFEFF');
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AuditReviewTestsOnSqlite(SqliteDatabaseFixture database) : AuditReviewTests(database);

[Collection(PostgreSqlCollection.Name)]
public sealed class AuditReviewTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : AuditReviewTests(database);
