using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrganisationRegistry.Admin.Api;
using OrganisationRegistry.Domain.ApiClients;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Rights;
using OrganisationRegistry.Domain.Seeding;
using OrganisationRegistry.Tests.Infrastructure;
using OrganisationRegistry.Tests.Integration.Authentication;
using OrganisationRegistry.Tests.Integration.Rights;
using static OrganisationRegistry.Tests.Integration.Api.ApiAuthenticationTests;

namespace OrganisationRegistry.Tests.Integration.Api;

/// <summary>
/// <c>Idempotency-Key</c> on POST: a retry gets the first answer again and writes nothing; the same key for another
/// request is refused; concurrent duplicates write once; a failed request keeps nothing. Over real HTTP, through the
/// API group's real conventions, on a writing test endpoint (<see cref="TestWriteEndpoint"/>) that creates organisations
/// with the real service.
/// </summary>
public abstract class IdempotencyTests(DatabaseFixture database) : IAsyncLifetime
{
    private readonly RegistryWebApplicationFactory _factory = RegistryWebApplicationFactory.On(database);
    private WebApplicationFactory<Program> _app = null!;
    private string _cultuurOvo = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await ReferenceData.ResetToAsync(database, Ct);
        _app = _factory.WithTestWriteEndpoint();
        _app.StartTestAppOnKestrel();
        await using var db = await database.Contexts.CreateDbContextAsync(Ct);
        _cultuurOvo = (await db.Organisations.Where(o => o.Name == ReferenceCatalogue.CultuurJeugdEnMedia).Select(o => o.OvoCode).SingleAsync(Ct)).Value;
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Post_RetriedWithTheSameKey_ReplaysTheFirstAnswer_AndWritesOnce()
    {
        var kiosk = _app.CreateApiClient("kiosk");
        var before = await CountAsync<Organisation>();

        using var first = await PostAsync(kiosk, Body("Team Erfgoedbeheer"), "retry-1");
        using var second = await PostAsync(kiosk, Body("Team Erfgoedbeheer"), "retry-1");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.False(first.Headers.Contains(Idempotency.ReplayedHeaderName));
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal("true", Assert.Single(second.Headers.GetValues(Idempotency.ReplayedHeaderName)));
        Assert.NotNull(first.Headers.Location);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.NotNull(first.Headers.ETag);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal("application/json", second.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await second.Content.ReadAsStringAsync(Ct));
        Assert.Equal(before + 1, await CountAsync<Organisation>());
        Assert.Equal(1, _app.Services.GetRequiredService<TestWriteEndpoint.Calls>().Count);
    }

    [Fact]
    public async Task Post_WithoutAKey_WritesEachTime()
    {
        var kiosk = _app.CreateApiClient("kiosk");
        var before = await CountAsync<Organisation>();

        using var first = await PostAsync(kiosk, Body("Team Zonder Sleutel"), key: null);
        using var second = await PostAsync(kiosk, Body("Team Zonder Sleutel"), key: null);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, second.StatusCode));
        Assert.NotEqual(first.Headers.Location, second.Headers.Location);
        Assert.Equal(before + 2, await CountAsync<Organisation>());
    }

    [Fact]
    public async Task SameKey_WithAnotherBody_Is422_AndWritesNothing()
    {
        var kiosk = _app.CreateApiClient("kiosk");
        using var first = await PostAsync(kiosk, Body("Team Archief"), "reused");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var snapshot = await DatabaseSnapshot.TakeAsync(database, Ct);

        using var other = await PostAsync(kiosk, Body("Team Bibliotheek"), "reused");

        await AssertProblemAsync(other, HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
        Assert.Equal(snapshot, await DatabaseSnapshot.TakeAsync(database, Ct));
        Assert.Equal(1, _app.Services.GetRequiredService<TestWriteEndpoint.Calls>().Count);
    }

    [Fact]
    public async Task SameKey_OnAnotherAddress_Is422()
    {
        var kiosk = _app.CreateApiClient("kiosk");
        using var first = await PostAsync(kiosk, Body("Team Musea"), "address");

        using var other = await PostAsync(kiosk, Body("Team Musea"), "address", TestWriteEndpoint.Path + "?variant=2");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await AssertProblemAsync(other, HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
    }

    [Fact]
    public async Task Keys_ArePerClient_AnotherClientNeverGetsTheStoredAnswer()
    {
        using var kiosk = await PostAsync(_app.CreateApiClient("kiosk"), Body("Team Jeugdwerk"), "shared-key");

        // orafin may not create organisations under Cultuur, Jeugd en Media: its own request runs, and is refused.
        using var orafin = await PostAsync(_app.CreateApiClient("orafin"), Body("Team Jeugdwerk"), "shared-key");

        Assert.Equal(HttpStatusCode.Created, kiosk.StatusCode);
        await AssertProblemAsync(orafin, HttpStatusCode.Forbidden, "forbidden");
        Assert.False(orafin.Headers.Contains(Idempotency.ReplayedHeaderName));
    }

    [Fact]
    public async Task ConcurrentDuplicates_WriteExactlyOnce_TheOthersWaitOrGetTheAnswer()
    {
        var kiosk = _app.CreateApiClient("kiosk");
        var before = await CountAsync<Organisation>();
        var body = Body("Team Gelijktijdig", delayMilliseconds: 400);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostAsync(kiosk, body, "concurrent")));

        try
        {
            var fresh = responses.Where(r => r.StatusCode == HttpStatusCode.Created && !r.Headers.Contains(Idempotency.ReplayedHeaderName)).ToList();
            Assert.Single(fresh);
            foreach (var response in responses.Except(fresh))
            {
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    Assert.Equal(fresh[0].Headers.Location, response.Headers.Location);
                }
                else
                {
                    await AssertProblemAsync(response, HttpStatusCode.Conflict, "idempotency-in-progress");
                }
            }

            Assert.Equal(before + 1, await CountAsync<Organisation>());
            Assert.Equal(1, _app.Services.GetRequiredService<TestWriteEndpoint.Calls>().Count);
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }

        // Once the first is done, a retry gets its answer.
        using var retry = await PostAsync(kiosk, body, "concurrent");
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.True(retry.Headers.Contains(Idempotency.ReplayedHeaderName));
    }

    /// <summary>
    /// Found while writing the reliability run (scripts/reliability.sh): a client that gives up after the write
    /// committed but before the answer (a timeout) must get that answer on its retry, not a second write.
    /// </summary>
    [Fact]
    public async Task ClientGivingUpAfterTheWrite_TheRetryWithTheSameKeyGetsItsAnswer_AndWritesOnce()
    {
        var kiosk = _app.CreateApiClient("kiosk");
        var before = await CountAsync<Organisation>();
        var body = Body("Team Verloren Antwoord", delayAfterWriteMilliseconds: 2_000);
        var calls = _app.Services.GetRequiredService<TestWriteEndpoint.Calls>();

        // The client hangs up while the endpoint is at work on its request (writing, or just after).
        using (var impatient = CancellationTokenSource.CreateLinkedTokenSource(Ct))
        {
            var first = PostAsync(kiosk, body, "lost-answer", cancellationToken: impatient.Token);
            for (var wait = 0; calls.Count == 0 && wait < 400; wait++)
            {
                await Task.Delay(25, Ct);
            }

            await Task.Delay(300, Ct);
            await impatient.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        }

        // While the first request is still busy the retry hears 409 (in progress); then it gets the stored answer.
        var retry = await PostAsync(kiosk, body, "lost-answer");
        for (var attempt = 0; retry.StatusCode == HttpStatusCode.Conflict && attempt < 100; attempt++)
        {
            retry.Dispose();
            await Task.Delay(100, Ct);
            retry = await PostAsync(kiosk, body, "lost-answer");
        }

        using (retry)
        {
            Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
            Assert.True(retry.Headers.Contains(Idempotency.ReplayedHeaderName));
        }

        Assert.Equal(before + 1, await CountAsync<Organisation>());
        Assert.Equal(1, _app.Services.GetRequiredService<TestWriteEndpoint.Calls>().Count);
    }

    [Fact]
    public async Task RefusedRequest_KeepsNothing_SoTheCorrectedRetryWithTheSameKeyWrites()
    {
        var kiosk = _app.CreateApiClient("kiosk");
        var snapshot = await DatabaseSnapshot.TakeAsync(database, Ct);

        using var refused = await PostAsync(kiosk, Body(""), "fix-and-retry");

        var problem = await AssertProblemAsync(refused, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
        Assert.Equal(snapshot, await DatabaseSnapshot.TakeAsync(database, Ct));

        using var corrected = await PostAsync(kiosk, Body("Team Hersteld"), "fix-and-retry");
        using var replay = await PostAsync(kiosk, Body("Team Hersteld"), "fix-and-retry");

        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.True(replay.Headers.Contains(Idempotency.ReplayedHeaderName));
        Assert.Equal(corrected.Headers.Location, replay.Headers.Location);
    }

    [Fact]
    public async Task UnexpectedFault_IsA500Problem_AndReleasesTheKey()
    {
        var kiosk = _app.CreateApiClient("kiosk");
        var snapshot = await DatabaseSnapshot.TakeAsync(database, Ct);

        using var fault = await PostAsync(kiosk, Body(TestWriteEndpoint.FaultName), "fault");

        await AssertProblemAsync(fault, HttpStatusCode.InternalServerError, "server-error");
        Assert.Equal(snapshot, await DatabaseSnapshot.TakeAsync(database, Ct));
        Assert.Equal(0, await CountAsync<IdempotencyRecord>());

        // The key is free again: the retry runs (and fails the same way), it does not get 409 forever.
        using var retry = await PostAsync(kiosk, Body(TestWriteEndpoint.FaultName), "fault");
        await AssertProblemAsync(retry, HttpStatusCode.InternalServerError, "server-error");
        Assert.Equal(2, _app.Services.GetRequiredService<TestWriteEndpoint.Calls>().Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("tab\tinside")]
    [InlineData("201")]
    public async Task InvalidKey_IsA400Problem_NamingTheHeader_AndWritesNothing(string key)
    {
        key = key == "201" ? new string('k', IdempotencyRecord.KeyMaxLength + 1) : key;
        var snapshot = await DatabaseSnapshot.TakeAsync(database, Ct);

        using var response = await PostAsync(_app.CreateApiClient("kiosk"), Body("Team Ongeldig"), key);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty(Idempotency.HeaderName, out _));
        Assert.Equal(snapshot, await DatabaseSnapshot.TakeAsync(database, Ct));
        Assert.Equal(0, _app.Services.GetRequiredService<TestWriteEndpoint.Calls>().Count);
    }

    [Fact]
    public async Task KeyOfTheMaximumLength_IsAccepted()
    {
        using var response = await PostAsync(_app.CreateApiClient("kiosk"), Body("Team Lange Sleutel"), new string('~', IdempotencyRecord.KeyMaxLength));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1, await CountAsync<IdempotencyRecord>());
    }

    [Fact]
    public async Task TwoKeyHeaders_AreA400Problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TestWriteEndpoint.Path) { Content = JsonContent.Create(Body("Team Twee Sleutels")) };
        request.Headers.TryAddWithoutValidation(Idempotency.HeaderName, ["one", "two"]);

        using var response = await _app.CreateApiClient("kiosk").SendAsync(request, Ct);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task ExpiredRecord_IsIgnored_AndReplaced_AndOtherExpiredRecordsAreRemoved()
    {
        var longAgo = DateTime.UtcNow - IdempotencyRecord.Retention - TimeSpan.FromMinutes(5);
        await using (var db = await database.Contexts.CreateDbContextAsync(Ct))
        {
            var stale = new IdempotencyRecord("kiosk", "old-key", new string('0', IdempotencyRecord.RequestHashLength), longAgo);
            stale.Complete(201, "{\"stale\":true}", "/api/v1/organisations/OVO999999", "\"1\"");
            db.IdempotencyRecords.Add(stale);
            db.IdempotencyRecords.Add(new IdempotencyRecord("orafin", "forgotten", new string('0', IdempotencyRecord.RequestHashLength), longAgo));
            await db.SaveChangesAsync(Ct);
        }

        using var response = await PostAsync(_app.CreateApiClient("kiosk"), Body("Team Na Een Dag"), "old-key");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.False(response.Headers.Contains(Idempotency.ReplayedHeaderName));
        Assert.DoesNotContain("stale", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await using var check = await database.Contexts.CreateDbContextAsync(Ct);
        var record = await check.IdempotencyRecords.AsNoTracking().SingleAsync(Ct);
        Assert.Equal(("kiosk", "old-key", 201), (record.ClientId, record.Key, record.StatusCode));
        Assert.True(record.CreatedAt > longAgo + IdempotencyRecord.Retention);
    }

    [Fact]
    public async Task KeyOnAReadOnlyEndpoint_IsIgnored()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.TryAddWithoutValidation(Idempotency.HeaderName, "\t");

        using var response = await _app.CreateApiClient("kiosk").SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await CountAsync<IdempotencyRecord>());
    }

    /// <summary>The same on the real <c>POST /api/v1/organisations</c>: its answer is kept and replayed too.</summary>
    [Fact]
    public async Task RealEndpoint_PostOrganisations_RetriedWithTheSameKey_WritesOnce()
    {
        var kiosk = _app.CreateApiClient("kiosk");
        var before = await CountAsync<Organisation>();
        var body = new { name = "Team Echte Endpoint", parentOvo = _cultuurOvo };

        using var first = await PostAsync(kiosk, body, "real-endpoint", ApiEndpoints.Prefix + "/organisations");
        using var second = await PostAsync(kiosk, body, "real-endpoint", ApiEndpoints.Prefix + "/organisations");

        Assert.True(first.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)first.StatusCode}: {await first.Content.ReadAsStringAsync(Ct)}");
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.True(second.Headers.Contains(Idempotency.ReplayedHeaderName));
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await second.Content.ReadAsStringAsync(Ct));
        Assert.Equal(before + 1, await CountAsync<Organisation>());
    }

    private object Body(string name, int delayMilliseconds = 0, int delayAfterWriteMilliseconds = 0) =>
        new TestWriteEndpoint.Request(name, _cultuurOvo, delayMilliseconds, delayAfterWriteMilliseconds);

    private static async Task<HttpResponseMessage> PostAsync(
        HttpClient client, object body, string? key, string path = TestWriteEndpoint.Path, CancellationToken? cancellationToken = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(JsonSerializer.Serialize(body, ApiJson.Options), Encoding.UTF8, "application/json"),
        };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation(Idempotency.HeaderName, key);
        }

        return await client.SendAsync(request, cancellationToken ?? Ct);
    }

    private async Task<int> CountAsync<TEntity>()
        where TEntity : class
    {
        await using var db = await database.Contexts.CreateDbContextAsync(Ct);
        return await db.Set<TEntity>().CountAsync(Ct);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class IdempotencyTestsOnSqlite(SqliteDatabaseFixture database) : IdempotencyTests(database);

[Collection(PostgreSqlCollection.Name)]
public sealed class IdempotencyTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : IdempotencyTests(database);

/// <summary>
/// A writing endpoint for tests of what the API group does around its endpoints (idempotency, limits, problems):
/// <c>POST /api/v1/test-organisations</c> creates an organisation with the real <see cref="OrganisationService"/>
/// (201 + Location + ETag). It is mapped on a group built by <see cref="ApiEndpoints.MapRegistryApiGroup"/> (the
/// API's own conventions and filters) behind the middleware the app puts in front of the API (problems,
/// authentication, authorization, rate limiting), in a branch that a test-only <see cref="IStartupFilter"/> adds.
/// </summary>
internal static class TestWriteEndpoint
{
    public const string Path = ApiEndpoints.Prefix + "/test-organisations";

    /// <summary>A name that makes the endpoint fail with an unexpected exception (a real fault).</summary>
    public const string FaultName = "!fault!";

    /// <param name="DelayAfterWriteMilliseconds">A pause after the write, with the request's token, as an endpoint that reads back what it wrote.</param>
    public sealed record Request(string Name, string? ParentOvo, int DelayMilliseconds = 0, int DelayAfterWriteMilliseconds = 0);

    /// <summary>How often the endpoint's handler ran.</summary>
    public sealed class Calls
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Add() => Interlocked.Increment(ref _count);
    }

    /// <summary>The app with the test endpoint (start it with <see cref="StartTestAppOnKestrel"/>).</summary>
    public static WebApplicationFactory<Program> WithTestWriteEndpoint(this RegistryWebApplicationFactory factory) =>
        factory.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
        {
            services.AddSingleton<Calls>();
            services.AddTransient<IStartupFilter, Startup>();
        }));

    /// <summary>As <see cref="RegistryWebApplicationFactory.StartOnKestrel"/>, for a factory derived with <c>WithWebHostBuilder</c>.</summary>
    public static Uri StartTestAppOnKestrel(this WebApplicationFactory<Program> app)
    {
        app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses
            .Single(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));
        var baseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        app.ClientOptions.BaseAddress = baseAddress;
        return baseAddress;
    }

    private sealed class Startup : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);

            // After the app's own pipeline: UseEndpoints maps onto the app's own routes (the WebApplication, which its
            // UseRouting registered) and announces them to the app (EndpointDataSource, OpenAPI). The endpoint thus joins
            // the real API's routing and middleware; routes are only built at the first request. The middleware it adds
            // at the very end is never reached: the app's own endpoint middleware runs every matched endpoint.
            app.UseEndpoints(routes => routes.MapRegistryApiGroup().MapPost("/test-organisations", HandleAsync));
        };

        private static async Task<IResult> HandleAsync(Request request, HttpContext context, OrganisationService organisations, Calls calls, CancellationToken cancellationToken)
        {
            calls.Add();
            if (request.DelayMilliseconds > 0)
            {
                await Task.Delay(request.DelayMilliseconds, cancellationToken);
            }

            if (request.Name == FaultName)
            {
                throw new InvalidOperationException("A real fault of the test endpoint.");
            }

            var created = await organisations.CreateAsync(RegistryUser.FromPrincipal(context.User), new CreateOrganisation(request.Name, ParentOvoCode: request.ParentOvo), cancellationToken);
            if (request.DelayAfterWriteMilliseconds > 0)
            {
                await Task.Delay(request.DelayAfterWriteMilliseconds, cancellationToken);
            }

            ApiETags.Set(context.Response, created.Version);
            return TypedResults.Created($"{ApiEndpoints.Prefix}/organisations/{created.OvoCode}", new { ovo = created.OvoCode, name = request.Name, version = created.Version });
        }
    }
}
