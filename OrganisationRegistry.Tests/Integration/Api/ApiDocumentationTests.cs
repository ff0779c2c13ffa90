using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using OrganisationRegistry.Admin.Api;
using OrganisationRegistry.Tests.Infrastructure;
using OrganisationRegistry.Tests.Integration.Authentication;

namespace OrganisationRegistry.Tests.Integration.Api;

/// <summary>
/// The API's OpenAPI document (<c>/openapi/v1.json</c>) and its Scalar reference (<c>/scalar</c>): public, complete
/// for the endpoints mapped under <c>/api/v1</c> (and nothing else), with the security schemes on every operation,
/// the problem shape on every error, and idempotency on every POST. Uses the app with the writing test endpoint
/// (<see cref="TestWriteEndpoint"/>), so that a POST with a body is there whatever the resources already map.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class ApiDocumentationTests(SqliteDatabaseFixture database) : IAsyncLifetime
{
    private static readonly string[] ProblemMembers = ["type", "title", "status", "detail", "instance", "errors", "right", "currentVersion", "traceId"];

    private readonly RegistryWebApplicationFactory _factory = RegistryWebApplicationFactory.On(database);
    private WebApplicationFactory<Program> _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await ReferenceData.ResetToAsync(database, Ct);
        _app = _factory.WithTestWriteEndpoint();
        _app.StartTestAppOnKestrel();
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Document_IsPublic_AndAValidOpenApiDocument()
    {
        using var response = await _app.CreateClient().GetAsync(ApiDocumentation.DocumentPath, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        var read = OpenApiDocument.Parse(text, "json");
        Assert.Empty(read.Diagnostic?.Errors ?? []);
        Assert.NotNull(read.Document);
        Assert.StartsWith("3.", JsonDocument.Parse(text).RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal("v1", read.Document.Info.Version);
        Assert.Contains("Bearer", read.Document.Info.Description, StringComparison.Ordinal);
        Assert.Contains("client credentials", read.Document.Info.Description, StringComparison.Ordinal);
        Assert.NotEmpty(read.Document.Servers ?? []);
    }

    [Fact]
    public async Task Document_DescribesEveryEndpointOfTheApi_AndNothingElse()
    {
        var document = await DocumentAsync();
        var described = Operations(document).Select(o => $"{o.Method} {o.Path}").ToHashSet(StringComparer.Ordinal);

        var mapped = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(ApiEndpoints.Prefix + "/", StringComparison.Ordinal) == true)
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>()?.ExcludeFromDescription != true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {Normalise(e.RoutePattern.RawText!)}"))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Contains("GET /api/v1/me", mapped);
        Assert.Contains("POST " + TestWriteEndpoint.Path, mapped);
        Assert.Equal(mapped.Order(StringComparer.Ordinal), described.Order(StringComparer.Ordinal));
        Assert.All(document.RootElement.GetProperty("paths").EnumerateObject(), path => Assert.StartsWith(ApiEndpoints.Prefix + "/", path.Name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryOperation_NeedsTheBearerToken_DescribedAsJwtAndEntraIdClientCredentials()
    {
        var document = await DocumentAsync();

        var schemes = document.RootElement.GetProperty("components").GetProperty("securitySchemes");
        var bearer = schemes.GetProperty(ApiDocumentation.BearerScheme);
        Assert.Equal(("http", "bearer", "JWT"), (bearer.GetProperty("type").GetString(), bearer.GetProperty("scheme").GetString(), bearer.GetProperty("bearerFormat").GetString()));
        var entra = schemes.GetProperty(ApiDocumentation.EntraIdScheme);
        Assert.Equal("oauth2", entra.GetProperty("type").GetString());
        var flow = entra.GetProperty("flows").GetProperty("clientCredentials");
        Assert.EndsWith("/oauth2/v2.0/token", flow.GetProperty("tokenUrl").GetString(), StringComparison.Ordinal);
        Assert.Contains(flow.GetProperty("scopes").EnumerateObject(), scope => scope.Name.EndsWith("/.default", StringComparison.Ordinal));

        Assert.All(Operations(document), operation =>
        {
            var requirements = operation.Element.GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)).ToList();
            Assert.Contains(ApiDocumentation.BearerScheme, requirements);
            Assert.Contains(ApiDocumentation.EntraIdScheme, requirements);
        });
    }

    [Fact]
    public async Task EveryErrorResponse_IsTheProblemShape_AndEveryOperationNamesTheCommonErrors()
    {
        var document = await DocumentAsync();

        var problem = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(ApiDocumentation.ProblemSchema);
        Assert.All(ProblemMembers, member => Assert.True(problem.GetProperty("properties").TryGetProperty(member, out _), member));
        var errors = problem.GetProperty("properties").GetProperty("errors").GetProperty("additionalProperties");
        Assert.Equal("array", errors.GetProperty("type").GetString());

        Assert.All(Operations(document), operation =>
        {
            var responses = operation.Element.GetProperty("responses");
            Assert.All(["401", "403", "429", "500"], status => Assert.True(responses.TryGetProperty(status, out _), $"{operation.Method} {operation.Path} lacks {status}"));
            foreach (var response in responses.EnumerateObject().Where(r => int.Parse(r.Name, System.Globalization.CultureInfo.InvariantCulture) >= 400))
            {
                var content = response.Value.GetProperty("content");
                Assert.Equal([ApiProblems.ContentType], content.EnumerateObject().Select(c => c.Name));
                Assert.Equal("#/components/schemas/" + ApiDocumentation.ProblemSchema, content.GetProperty(ApiProblems.ContentType).GetProperty("schema").GetProperty("$ref").GetString());
                Assert.False(string.IsNullOrWhiteSpace(response.Value.GetProperty("description").GetString()));
            }
        });
        Assert.True(Operations(document).Single(o => o.Path == "/api/v1/me").Element.GetProperty("responses").GetProperty("429").GetProperty("headers").TryGetProperty("Retry-After", out _));
    }

    [Fact]
    public async Task EveryPost_TakesAnIdempotencyKey_AndNamesTheRefusalsOfABody()
    {
        var document = await DocumentAsync();

        var posts = Operations(document).Where(o => o.Method == HttpMethods.Post).ToList();
        Assert.NotEmpty(posts);
        Assert.All(posts, post =>
        {
            var key = Assert.Single(post.Element.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == Idempotency.HeaderName);
            Assert.Equal("header", key.GetProperty("in").GetString());
            Assert.False(key.TryGetProperty("required", out var required) && required.GetBoolean());
            var responses = post.Element.GetProperty("responses");
            Assert.All(["400", "409", "413", "415", "422"], status => Assert.True(responses.TryGetProperty(status, out _), $"{post.Path} lacks {status}"));
        });
    }

    [Fact]
    public async Task CommonFields_HaveExamples()
    {
        var document = await DocumentAsync();

        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var request = schemas.EnumerateObject().Single(s => s.Value.TryGetProperty("properties", out var p) && p.TryGetProperty("delayMilliseconds", out _)).Value;
        Assert.Equal("OVO000123", request.GetProperty("properties").GetProperty("parentOvo").GetProperty("examples")[0].GetString());
        Assert.Equal("kiosk", schemas.GetProperty("ApiClientInfo").GetProperty("properties").GetProperty("clientId").GetProperty("examples")[0].GetString());
        Assert.Equal(ApiProblems.TypePrefix + "validation", schemas.GetProperty(ApiDocumentation.ProblemSchema).GetProperty("examples")[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task Reference_IsPublic_AndServedFromTheApp_WithoutACdn()
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, BaseAddress = _app.ClientOptions.BaseAddress });

        using var page = await client.GetAsync(ApiDocumentation.ReferencePath, Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);
        using var script = await client.GetAsync(ApiDocumentation.ReferencePath + "/scalar.js", Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<script src=\"scalar.js\">", html, StringComparison.Ordinal);
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("javascript", script.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.True((await script.Content.ReadAsByteArrayAsync(Ct)).Length > 100_000);
    }

    private async Task<JsonDocument> DocumentAsync() =>
        JsonDocument.Parse(await _app.CreateClient().GetStringAsync(ApiDocumentation.DocumentPath, Ct));

    private static IEnumerable<(string Method, string Path, JsonElement Element)> Operations(JsonDocument document) =>
        document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(operation => operation.Name is "get" or "post" or "put" or "patch" or "delete")
                .Select(operation => (operation.Name.ToUpperInvariant(), path.Name, operation.Value)));

    /// <summary>A route pattern as OpenAPI writes its path: parameters without constraints or catch-all stars, no trailing slash.</summary>
    private static string Normalise(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{\**([^}:?=]+)[^}]*\}", "{$1}").TrimEnd('/');
}
