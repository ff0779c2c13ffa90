using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Admin.Api;
using OrganisationRegistry.Domain.Seeding;
using OrganisationRegistry.Tests.Infrastructure;
using OrganisationRegistry.Tests.Integration.Authentication;
using OrganisationRegistry.Tests.Integration.Rights;
using static OrganisationRegistry.Tests.Integration.Api.ApiAuthenticationTests;

namespace OrganisationRegistry.Tests.Integration.Api;

/// <summary>
/// What the API refuses before any work, each as a problem and without a write: bodies over
/// <see cref="ApiRequestLimits.MaxBodyBytes"/> (413), bodies that are not JSON (415), methods an address does not
/// know (405), and clients over their rate (429 with Retry-After). Over real HTTP on Kestrel.
/// </summary>
public abstract class ApiLimitsTests(DatabaseFixture database) : IAsyncLifetime
{
    /// <summary>A client may send 3 requests at once, then 1 per second.</summary>
    private static readonly Dictionary<string, string?> LowRateLimit = new()
    {
        [ApiRateLimiting.SectionName + ":PermitsPerSecond"] = "1",
        [ApiRateLimiting.SectionName + ":Burst"] = "3",
    };

    private readonly List<IAsyncDisposable> _factories = [];
    private string _cultuurOvo = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await ReferenceData.ResetToAsync(database, Ct);
        await using var db = await database.Contexts.CreateDbContextAsync(Ct);
        _cultuurOvo = (await db.Organisations.Where(o => o.Name == ReferenceCatalogue.CultuurJeugdEnMedia).Select(o => o.OvoCode).SingleAsync(Ct)).Value;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var factory in _factories)
        {
            await factory.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task BodyOverTheLimit_IsA413Problem_AndWritesNothing(bool chunked)
    {
        var app = StartApp();
        var snapshot = await DatabaseSnapshot.TakeAsync(database, Ct);

        using var response = await PostJsonAsync(app.CreateApiClient("kiosk"), BodyOfSize(ApiRequestLimits.MaxBodyBytes + 1), chunked, idempotencyKey: "too-large");

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        Assert.Equal(snapshot, await DatabaseSnapshot.TakeAsync(database, Ct));
    }

    [Theory]
    [InlineData("POST", "/api/v1/does-not-exist", true)]
    [InlineData("GET", "/api/v1/me", true)]
    [InlineData("PUT", "/api/v1/me", false)]
    public async Task BodyAnnouncedOverTheLimit_IsRefusedAtOnce_AndClosesTheConnectionCleanly(string method, string path, bool withToken)
    {
        var app = StartApp();
        var client = withToken ? app.CreateApiClient("kiosk") : app.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(BodyOfSize(ApiRequestLimits.MaxBodyBytes + 5_000))),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await client.SendAsync(request, Ct);

        // Before authentication and routing; and the server says it closes the connection (it will not read the body),
        // so the client's next request goes over a new one instead of failing on a dropped one.
        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        Assert.True(response.Headers.ConnectionClose);
        using var next = await app.CreateApiClient("kiosk").GetAsync("/api/v1/me", Ct);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task BodyAtTheLimit_IsRead_AndJudgedOnItsContent()
    {
        var app = StartApp();

        using var response = await PostJsonAsync(app.CreateApiClient("kiosk"), BodyOfSize(ApiRequestLimits.MaxBodyBytes), chunked: false);

        // Read and validated: the name is far too long.
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task BodyThatIsNotJson_IsA415Problem_AndWritesNothing(string contentType)
    {
        var app = StartApp();
        var snapshot = await DatabaseSnapshot.TakeAsync(database, Ct);
        using var content = new StringContent(JsonSerializer.Serialize(new TestWriteEndpoint.Request("Team Tekst", _cultuurOvo)), Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        using var response = await app.CreateApiClient("kiosk").PostAsync(TestWriteEndpoint.Path, content, Ct);

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        Assert.Equal(snapshot, await DatabaseSnapshot.TakeAsync(database, Ct));
    }

    [Fact]
    public async Task BodyWithoutContentType_IsA415Problem()
    {
        var app = StartApp();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"name\":\"Team Zonder Type\"}"));

        using var response = await app.CreateApiClient("kiosk").PostAsync(TestWriteEndpoint.Path, content, Ct);

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Theory]
    [InlineData("DELETE", "/api/v1/me")]
    [InlineData("PATCH", "/api/v1/me")]
    [InlineData("POST", "/api/v1/me")]
    [InlineData("GET", TestWriteEndpoint.Path)]
    [InlineData("PUT", TestWriteEndpoint.Path)]
    public async Task MethodTheAddressDoesNotKnow_IsA405Problem_NamingTheAllowedOnes(string method, string path)
    {
        var app = StartApp();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        using var response = await app.CreateApiClient("kiosk").SendAsync(request, Ct);

        await AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed, "method-not-allowed");
        Assert.NotEmpty(response.Content.Headers.Allow);
    }

    [Fact]
    public async Task UnknownAddress_IsStillA404Problem()
    {
        var app = StartApp();

        using var response = await app.CreateApiClient("kiosk").DeleteAsync("/api/v1/nothing-here", Ct);

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task ClientOverItsRate_GetsA429Problem_WithRetryAfter_OtherClientsDoNot()
    {
        var app = StartApp(LowRateLimit);
        var kiosk = app.CreateApiClient("kiosk");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 6 && refused is null; i++)
        {
            var response = await kiosk.GetAsync("/api/v1/me", Ct);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.NotNull(refused);
        using (refused)
        {
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses.Take(3));
            await AssertProblemAsync(refused, HttpStatusCode.TooManyRequests, "too-many-requests");
            var retryAfter = refused.Headers.RetryAfter?.Delta;
            Assert.NotNull(retryAfter);
            Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        }

        using var other = await app.CreateApiClient("orafin").GetAsync("/api/v1/me", Ct);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task WriteOverTheRate_IsRefused_WithoutAWrite()
    {
        var app = StartApp(LowRateLimit);
        var kiosk = app.CreateApiClient("kiosk");
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await kiosk.GetAsync("/api/v1/me", Ct);
        }

        var snapshot = await DatabaseSnapshot.TakeAsync(database, Ct);

        using var response = await PostJsonAsync(kiosk, JsonSerializer.Serialize(new TestWriteEndpoint.Request("Team Te Snel", _cultuurOvo), ApiJson.Options), chunked: false);

        await AssertProblemAsync(response, HttpStatusCode.TooManyRequests, "too-many-requests");
        Assert.Equal(snapshot, await DatabaseSnapshot.TakeAsync(database, Ct));
    }

    private WebApplicationFactory<Program> StartApp(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var factory = RegistryWebApplicationFactory.On(database, extraSettings: settings);
        _factories.Add(factory);
        var app = factory.WithTestWriteEndpoint();
        app.StartTestAppOnKestrel();
        return app;
    }

    /// <summary>A JSON body of exactly <paramref name="size"/> bytes (a very long name).</summary>
    private string BodyOfSize(long size)
    {
        var empty = JsonSerializer.Serialize(new TestWriteEndpoint.Request(string.Empty, _cultuurOvo), ApiJson.Options);
        return JsonSerializer.Serialize(new TestWriteEndpoint.Request(new string('a', (int)size - Encoding.UTF8.GetByteCount(empty)), _cultuurOvo), ApiJson.Options);
    }

    private static async Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string json, bool chunked, string? idempotencyKey = null)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        HttpContent content = chunked ? new StreamContent(new UnknownLengthStream(bytes)) : new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, TestWriteEndpoint.Path) { Content = content };
        if (idempotencyKey is not null)
        {
            request.Headers.Add(Idempotency.HeaderName, idempotencyKey);
        }

        return await client.SendAsync(request, Ct);
    }

    /// <summary>A stream that does not say its length, so that the client sends the body chunked.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ApiLimitsTestsOnSqlite(SqliteDatabaseFixture database) : ApiLimitsTests(database);

[Collection(PostgreSqlCollection.Name)]
public sealed class ApiLimitsTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : ApiLimitsTests(database);
