using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrganisationRegistry.Admin.Api;
using OrganisationRegistry.Admin.Authentication;
using OrganisationRegistry.Domain.ApiClients;
using OrganisationRegistry.Domain.Auditing;
using OrganisationRegistry.Domain.Kbo;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Rights;
using OrganisationRegistry.Domain.Seeding;
using OrganisationRegistry.Tests.Infrastructure;
using OrganisationRegistry.Tests.Integration.Authentication;
using OrganisationRegistry.Tests.Integration.Rights;

namespace OrganisationRegistry.Tests.Integration.Api;

/// <summary>
/// The base of the tests of the organisation resources: per test a database with the reference data only (the real
/// departments and agencies, the seeded API clients) and the real app on Kestrel at 127.0.0.1, called over real HTTP
/// with development tokens. The structure the tests lean on:
/// <code>
/// Departement Cultuur, Jeugd en Media (CJM)    kiosk's organisation (organisations.write)
///   ├ Sport Vlaanderen                         a daughter: kiosk may edit it
///   └ Vlaamse Regulator voor de Media (VRM)    a daughter
/// Vlaamse Radio- en Televisieomroeporganisatie a top-level organisation outside kiosk's subtree
/// </code>
/// </summary>
public abstract class OrganisationApiTests(DatabaseFixture database) : IAsyncLifetime
{
    /// <summary>A client with central rights, which no scope of the API grants today (see <see cref="CentralClientAsync"/>).</summary>
    public const string CentralClientId = "registry-central";

    public const string Cjm = ReferenceCatalogue.CultuurJeugdEnMedia;
    public const string SportVlaanderen = "Sport Vlaanderen";
    public const string Vrm = "Vlaamse Regulator voor de Media";
    public const string Vrt = "Vlaamse Radio- en Televisieomroeporganisatie";

    /// <summary>The clients and their organisations (as seeded).</summary>
    public static readonly IReadOnlyDictionary<string, string> ClientOrganisations = new Dictionary<string, string>
    {
        ["kiosk"] = ReferenceCatalogue.CultuurJeugdEnMedia,
        ["orafin"] = ReferenceCatalogue.FinancienEnBegroting,
        ["aop-hr"] = ReferenceCatalogue.Overheidspersoneel,
        ["readonly"] = ReferenceCatalogue.DigitaalVlaanderen,
    };

    private WebApplicationFactory<Program>? _centralApp;

    protected DatabaseFixture Database { get; } = database;

    protected RegistryWebApplicationFactory App { get; } = RegistryWebApplicationFactory.On(database);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    public virtual async ValueTask InitializeAsync()
    {
        await ReferenceData.ResetToAsync(Database, Ct);
        App.StartOnKestrel();
    }

    public async ValueTask DisposeAsync()
    {
        if (_centralApp is not null)
        {
            await _centralApp.DisposeAsync();
        }

        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected HttpClient Client(string clientId) => App.CreateApiClient(clientId);

    /// <summary>
    /// A client of a second instance of the app on the same database, in which the registered client
    /// <see cref="CentralClientId"/> (of Digitaal Vlaanderen) also gets the central administrator's role after its token is
    /// mapped: the only way to reach what needs central rights over the API (creating with a KBO number), since no scope
    /// grants them. Everything else (HTTP, middleware, endpoints, services, database) is the real thing.
    /// </summary>
    protected async Task<HttpClient> CentralClientAsync()
    {
        await using (var db = await Database.Contexts.CreateDbContextAsync(Ct))
        {
            if (!await db.ApiClients.AnyAsync(c => c.ClientId == CentralClientId, Ct))
            {
                var organisationId = await db.Organisations.Where(o => o.Name == ReferenceCatalogue.DigitaalVlaanderen).Select(o => o.Id).SingleAsync(Ct);
                db.ApiClients.Add(new ApiClient(CentralClientId, "Centraal beheer (test)", organisationId, [ApiScopes.Read]));
                await db.SaveChangesAsync(Ct);
            }
        }

        if (_centralApp is null)
        {
            var app = RegistryWebApplicationFactory.On(Database).WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
                services.PostConfigure<JwtBearerOptions>(ApiAuthentication.Scheme, options =>
                {
                    var mapClient = options.Events.OnTokenValidated;
                    options.Events.OnTokenValidated = async context =>
                    {
                        await mapClient(context);
                        if (context.Result is null && RegistryUser.FromPrincipal(context.Principal) is { SubjectId: CentralClientId } user)
                        {
                            var central = user with { Roles = new HashSet<string>(user.Roles) { RegistryRoles.CentralAdministrator } };
                            context.Principal = central.ToPrincipal(RegistryClaimsTransformation.AuthenticationType);
                        }
                    };
                })));
            app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            app.StartServer();
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));
            app.ClientOptions.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
            _centralApp = app;
        }

        return _centralApp.CreateApiClient(CentralClientId);
    }

    protected async Task<string> OvoOfAsync(string organisationName)
    {
        await using var db = await Database.Contexts.CreateDbContextAsync(Ct);
        return (await db.Organisations.Where(o => o.Name == organisationName).Select(o => o.OvoCode).SingleAsync(Ct)).Value;
    }

    protected async Task<Organisation> OrganisationAsync(string ovo)
    {
        await using var db = await Database.Contexts.CreateDbContextAsync(Ct);
        var code = OvoCode.Parse(ovo);
        return await db.Organisations.AsNoTracking().SingleAsync(o => o.OvoCode == code, Ct);
    }

    /// <summary>An organisation stored through the service as the system (so it gets the next OVO code and a trail).</summary>
    protected async Task<string> CreateAsSystemAsync(CreateOrganisation command)
    {
        var created = await Database.Services.GetRequiredService<OrganisationService>().CreateAsync(RegistryUser.System, command, Ct);
        return created.OvoCode;
    }

    /// <summary>An organisation created from the KBO copy through the service as the system (the enterprise must be in <see cref="Kbo"/>).</summary>
    protected async Task<string> CreateFromKboAsSystemAsync(CreateOrganisationFromKbo command)
    {
        var created = await Database.Services.GetRequiredService<KboCouplingService>().CreateFromKboAsync(RegistryUser.System, command, Ct);
        return created.OvoCode;
    }

    /// <summary>The register's KBO copy, filled directly.</summary>
    protected KboTestData Kbo => new(Database);

    protected Task<IReadOnlyList<string>> SnapshotAsync() => DatabaseSnapshot.TakeAsync(Database, Ct);

    protected async Task<long> LastAuditPositionAsync()
    {
        await using var db = await Database.Contexts.CreateDbContextAsync(Ct);
        return await db.AuditEntries.MaxAsync(e => (long?)e.Position, Ct) ?? 0;
    }

    protected async Task<IReadOnlyList<AuditEntry>> AuditEntriesAfterAsync(long position)
    {
        await using var db = await Database.Contexts.CreateDbContextAsync(Ct);
        return await db.AuditEntries.AsNoTracking().Where(e => e.Position > position).OrderBy(e => e.Position).ToListAsync(Ct);
    }

    /// <summary>Asserts that the trail got entries since <paramref name="position"/>, each on the API channel by the client as a machine of its organisation.</summary>
    protected async Task AssertAuditedAsync(long position, string clientId, string clientOrganisationName, string? organisationConcerned = null)
    {
        var entries = await AuditEntriesAfterAsync(position);
        Assert.NotEmpty(entries);
        var clientOrganisation = await OvoOfAsync(clientOrganisationName);
        Assert.All(entries, e =>
        {
            Assert.Equal(AuditChannel.Api, e.Channel);
            Assert.Equal(clientId, e.ActorId);
            Assert.Equal(RegistryUserKind.MachineClient, e.ActorKind);
            Assert.Equal(clientOrganisation, e.ActorOrganisation);
        });
        if (organisationConcerned is not null)
        {
            Assert.Contains(entries, e => e.OrganisationOvoCode == organisationConcerned);
        }
    }

    protected static StringContent JsonBody(string json, string mediaType = "application/json") =>
        new(json, Encoding.UTF8, mediaType);

    protected static StringContent JsonBody(object body, string mediaType = "application/json") =>
        JsonBody(JsonSerializer.Serialize(body, ApiJson.Options), mediaType);

    protected static async Task<HttpResponseMessage> PatchAsync(HttpClient client, string ovo, object body, string? ifMatch, string mediaType = "application/merge-patch+json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/organisations/{ovo}")
        {
            Content = body is string json ? JsonBody(json, mediaType) : JsonBody(body, mediaType),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request, Ct);
    }

    /// <summary>Any method with an optional JSON body and an optional If-Match.</summary>
    protected static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object? body, string? ifMatch)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonBody(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request, Ct);
    }

    protected static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonSerializer.Deserialize<T>(text, ApiJson.Options)!;
    }

    protected static string ETagOf(HttpResponseMessage response) =>
        response.Headers.ETag?.ToString() ?? throw new Xunit.Sdk.XunitException("The response has no ETag.");

    protected static Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code) =>
        ApiAuthenticationTests.AssertProblemAsync(response, status, code);

    /// <summary>Asserts a 400 validation problem with errors for exactly <paramref name="fields"/>; returns the errors.</summary>
    protected static async Task<JsonElement> AssertValidationProblemAsync(HttpResponseMessage response, params string[] fields)
    {
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        var errors = problem.GetProperty("errors");
        Assert.Equal(fields.Order(StringComparer.Ordinal), errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.All(errors.EnumerateObject(), e => Assert.False(string.IsNullOrWhiteSpace(e.Value[0].GetString())));
        return errors;
    }

    protected static void AssertETag(HttpResponseMessage response, long version) =>
        Assert.Equal(new EntityTagHeaderValue($"\"{version}\""), response.Headers.ETag);

    protected static Task<HttpResponseMessage> GetAsync(HttpClient client, string path) => client.GetAsync(path, Ct);

    protected static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string path, object body) =>
        client.PostAsync(path, body is string json ? JsonBody(json) : JsonBody(body), Ct);

    protected static Task<HttpResponseMessage> PutJsonAsync(HttpClient client, string path, object body) =>
        client.PutAsync(path, body is string json ? JsonBody(json) : JsonBody(body), Ct);

    protected static Task<T?> GetJsonAsync<T>(HttpClient client, string path) => client.GetFromJsonAsync<T>(path, ApiJson.Options, Ct);
}
