using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrganisationRegistry.Admin.Api;
using OrganisationRegistry.Admin.CommandLine;
using OrganisationRegistry.Domain.ApiClients;
using OrganisationRegistry.Domain.Rights;
using OrganisationRegistry.Domain.Seeding;
using OrganisationRegistry.Tests.Infrastructure;
using OrganisationRegistry.Tests.Integration.Authentication;

namespace OrganisationRegistry.Tests.Integration.Api;

/// <summary>
/// Who may call the API: bearer tokens of registered clients only, with the rights of their scopes and organisation,
/// every refusal a problem. Over real HTTP (Kestrel on 127.0.0.1) through the app's real middleware.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class ApiAuthenticationTests(SqliteDatabaseFixture database) : IAsyncLifetime
{
    private readonly RegistryWebApplicationFactory _app = RegistryWebApplicationFactory.On(database);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await ReferenceData.ResetToAsync(database, Ct);
        _app.StartOnKestrel();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("kiosk", ReferenceCatalogue.CultuurJeugdEnMedia, new[] { RegistryRoles.OrganisationManager, RegistryRoles.Reader })]
    [InlineData("orafin", ReferenceCatalogue.FinancienEnBegroting, new[] { RegistryRoles.DomainExpert, RegistryRoles.Reader })]
    [InlineData("aop-hr", ReferenceCatalogue.Overheidspersoneel, new[] { RegistryRoles.DomainExpert, RegistryRoles.Reader })]
    [InlineData("readonly", ReferenceCatalogue.DigitaalVlaanderen, new[] { RegistryRoles.Reader })]
    public async Task SeededClient_WithAllScopes_HasTheRolesItsRegistrationAllows_ForItsOrganisation(string clientId, string organisation, string[] roles)
    {
        var me = await _app.CreateApiClient(clientId).GetFromJsonAsync<ApiClientInfo>("/api/v1/me", Ct);

        Assert.NotNull(me);
        Assert.Equal(clientId, me.ClientId);
        Assert.Equal(await OvoOfAsync(organisation), me.Organisation);
        Assert.Equal(roles, me.Roles);
    }

    [Fact]
    public async Task Token_AskingForFewerScopes_GetsOnlyThose()
    {
        var me = await _app.CreateApiClient("orafin", [ApiScopes.Read]).GetFromJsonAsync<ApiClientInfo>("/api/v1/me", Ct);

        Assert.Equal([RegistryRoles.Reader], me!.Roles);
    }

    [Fact]
    public async Task Token_WithoutAnyAllowedScope_IsForbidden_WithAProblem()
    {
        using var response = await _app.CreateApiClient("readonly", [ApiScopes.WriteAssignments]).GetAsync("/api/v1/me", Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal("read", problem.GetProperty("right").GetString());
    }

    [Fact]
    public async Task NoToken_IsUnauthorized_WithAProblemAndAChallenge()
    {
        using var response = await _app.CreateClient().GetAsync("/api/v1/me", Ct);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJjbGllbnRfaWQiOiJraW9zayJ9.")]
    public async Task MalformedOrUnsignedToken_IsUnauthorized(string token)
    {
        using var response = await Send(token);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task TokenSignedWithAnotherKey_IsUnauthorized()
    {
        var other = new DevelopmentTokenIssuer(
            Options.Create(new ApiOptions { DevelopmentTokens = new() { Enabled = true, SigningKey = new string('x', 64) } }),
            TimeProvider.System);

        using var response = await Send(other.Issue("kiosk", ApiScopes.All));

        var problem = await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Contains("handtekening", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpiredToken_IsUnauthorized()
    {
        var yesterday = new DevelopmentTokenIssuer(
            _app.Services.GetRequiredService<IOptions<ApiOptions>>(),
            new ShiftedTime(TimeSpan.FromDays(-1)));

        using var response = await Send(yesterday.Issue("kiosk", ApiScopes.All, TimeSpan.FromHours(1)));

        var problem = await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Contains("verlopen", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenOfAnUnregisteredClient_IsUnauthorized_NamingTheClient()
    {
        using var response = await Send(_app.ApiToken("stranger"));

        var problem = await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Contains("'stranger' is niet (meer) geregistreerd", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenOfADeactivatedClient_IsUnauthorized()
    {
        await using (var db = await database.Contexts.CreateDbContextAsync(Ct))
        {
            var kiosk = await db.ApiClients.SingleAsync(c => c.ClientId == "kiosk", Ct);
            kiosk.Update(kiosk.Name, kiosk.OrganisationId, kiosk.AllowedScopes, isActive: false);
            await db.SaveChangesAsync(Ct);
        }

        using var response = await Send(_app.ApiToken("kiosk"));

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task ClientIdDiffersInCase_IsUnauthorized()
    {
        using var response = await Send(_app.ApiToken("KIOSK"));

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task SessionCookieOfASignedInPerson_DoesNotOpenTheApi()
    {
        var admin = RegistryUser.Create("admin", "Centrale beheerder", [RegistryRoles.CentralAdministrator]);
        var browser = _app.CreateClientWithSession(admin.ToPrincipal(Admin.Authentication.RegistryClaimsTransformation.AuthenticationType));
        using var page = await browser.GetAsync("/toepassingsgebieden", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        using var response = await browser.GetAsync("/api/v1/me", Ct);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task UnknownAddressUnderTheApi_IsAProblem_NotThePagesNotFound()
    {
        using var response = await _app.CreateApiClient("readonly").GetAsync("/api/v1/does-not-exist", Ct);

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task KnownAddress_WithAnotherMethod_Is405_NamingTheAllowedMethods()
    {
        using var response = await _app.CreateApiClient("readonly").DeleteAsync("/api/v1/application-domains", Ct);

        await AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed, "method-not-allowed");
        Assert.Equal(["GET"], response.Content.Headers.Allow);
    }

    [Fact]
    public async Task KnownAddress_WithABodyThatIsNotJson_Is415()
    {
        using var body = new StringContent("domain=vco", System.Text.Encoding.UTF8, "text/plain");

        using var response = await _app.CreateApiClient("orafin").PostAsync("/api/v1/organisations/OVO000001/assignments", body, Ct);

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Fact]
    public async Task DevTokenCommand_PrintsATokenTheApiAccepts()
    {
        var output = new StringWriter();
        var command = new DevTokenCommand("orafin", [], TimeSpan.FromHours(1), output, TextWriter.Null);

        Assert.Equal(0, await command.RunAsync(_app.Services, Ct));

        using var response = await Send(output.ToString().Trim());
        var me = await response.Content.ReadFromJsonAsync<ApiClientInfo>(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("orafin", me!.ClientId);
    }

    [Theory]
    [InlineData("stranger", new string[0])]
    [InlineData("kiosk", new[] { "everything.write" })]
    public async Task DevTokenCommand_ForAnUnknownClientOrScope_Refuses(string clientId, string[] scopes)
    {
        var output = new StringWriter();
        var command = new DevTokenCommand(clientId, scopes, TimeSpan.FromHours(1), output, TextWriter.Null);

        Assert.Equal(2, await command.RunAsync(_app.Services, Ct));
        Assert.Empty(output.ToString());
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task DevTokenCommand_OutsideDevelopment_Refuses(string environment)
    {
        var services = new ServiceCollection()
            .AddSingleton<IHostEnvironment>(new HostingEnvironmentStub(environment))
            .AddSingleton(Options.Create(new ApiOptions { DevelopmentTokens = new() { Enabled = true, SigningKey = new string('k', 64) } }))
            .BuildServiceProvider();
        var output = new StringWriter();

        Assert.Equal(2, await new DevTokenCommand("kiosk", [], TimeSpan.FromHours(1), output, TextWriter.Null).RunAsync(services, Ct));
        Assert.Empty(output.ToString());
    }

    [Fact]
    public void DevTokenCommand_IsParsedFromTheCommandLine()
    {
        var command = Assert.IsType<DevTokenCommand>(RegistryCommandLine.Parse(["dev-token", "--client", "kiosk", "--scope", "registry.read", "--hours", "2"]));

        Assert.Equal("kiosk", command.ClientId);
        Assert.Equal(["registry.read"], command.Scopes);
        Assert.Equal(TimeSpan.FromHours(2), command.Lifetime);
    }

    private async Task<HttpResponseMessage> Send(string token)
    {
        var client = _app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request, Ct);
    }

    private async Task<string> OvoOfAsync(string organisationName)
    {
        await using var db = await database.Contexts.CreateDbContextAsync(Ct);
        return (await db.Organisations.Where(o => o.Name == organisationName).Select(o => o.OvoCode).SingleAsync(Ct)).Value;
    }

    /// <summary>Asserts an RFC 9457 problem with <paramref name="status"/> and type code <paramref name="code"/>; returns its JSON.</summary>
    internal static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal(ApiProblems.ContentType, response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(ApiProblems.TypePrefix + code, problem.GetProperty("type").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        return problem;
    }

    private sealed class ShiftedTime(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + shift;
    }

    private sealed class HostingEnvironmentStub(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "OrganisationRegistry.Admin";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
