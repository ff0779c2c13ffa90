using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Admin.Api;
using OrganisationRegistry.Domain.Auditing;
using OrganisationRegistry.Domain.Seeding;
using OrganisationRegistry.Tests.Infrastructure;
using OrganisationRegistry.Tests.Integration.Authentication;
using OrganisationRegistry.Tests.Integration.Rights;

namespace OrganisationRegistry.Tests.Integration.Api;

/// <summary>
/// The common ground of the tests of the assignment, application-domain and change-feed resources: a database with
/// the reference data only (both domains with their stewards AOP and DFB, the real departments and agencies assigned
/// in both domains, the seeded API clients), and the app on Kestrel at 127.0.0.1, so every call is real HTTP through
/// the app's real middleware.
/// </summary>
public abstract class AssignmentApiHost(DatabaseFixture database) : IAsyncLifetime
{
    public const string Bestuursdecreet = ReferenceCatalogue.Bestuursdecreet;
    public const string Vco = ReferenceCatalogue.Vco;

    /// <summary>An agency under the Departement Cultuur, Jeugd en Media, assigned in both domains, under that department there too.</summary>
    public const string SportVlaanderen = "Sport Vlaanderen";

    protected DatabaseFixture Database { get; } = database;

    protected RegistryWebApplicationFactory App { get; } = RegistryWebApplicationFactory.On(database);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync()
    {
        await ReferenceData.ResetToAsync(Database, Ct);
        App.StartOnKestrel();
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected HttpClient Client(string clientId) => App.CreateApiClient(clientId);

    /// <summary>The OVO code of the organisation the seeded client <paramref name="clientId"/> belongs to.</summary>
    protected Task<string> OvoOfClientAsync(string clientId) =>
        OvoOfAsync(ReferenceCatalogue.ApiClients.Single(c => c.ClientId == clientId).OrganisationName);

    protected async Task<string> OvoOfAsync(string organisationName)
    {
        await using var db = await Database.Contexts.CreateDbContextAsync(Ct);
        return (await db.Organisations.Where(o => o.Name == organisationName).Select(o => o.OvoCode).SingleAsync(Ct)).Value;
    }

    /// <summary>A new organisation without any assignment (stored directly, not through the API under test).</summary>
    protected async Task<string> NewOrganisationAsync(string name = "Agentschap Nieuw Opgericht")
    {
        var organisation = await new TestData(Database).OrganisationAsync(name, cancellationToken: Ct);
        return organisation.OvoCode.Value;
    }

    /// <summary>The assignment of <paramref name="organisationName"/> to <paramref name="domain"/> as the API shows it.</summary>
    protected async Task<ApiAssignment> AssignmentOfAsync(string organisationName, string domain)
    {
        var ovo = await OvoOfAsync(organisationName);
        var all = await Client("readonly").GetFromJsonAsync<List<ApiAssignment>>($"/api/v1/organisations/{ovo}/assignments", ApiJson.Options, Ct);
        return all!.Single(a => a.Domain == domain);
    }

    protected async Task<long> LastAuditPositionAsync()
    {
        await using var db = await Database.Contexts.CreateDbContextAsync(Ct);
        return await db.AuditEntries.MaxAsync(e => (long?)e.Position, Ct) ?? 0;
    }

    protected async Task<List<AuditEntry>> AuditEntriesAfterAsync(long position)
    {
        await using var db = await Database.Contexts.CreateDbContextAsync(Ct);
        return await db.AuditEntries.AsNoTracking().Where(e => e.Position > position).OrderBy(e => e.Position).ToListAsync(Ct);
    }

    protected Task<IReadOnlyList<string>> SnapshotAsync() => DatabaseSnapshot.TakeAsync(Database, Ct);

    protected static JsonContent Json(object body) => JsonContent.Create(body, options: ApiJson.Options);

    protected static HttpRequestMessage Request(HttpMethod method, string uri, object? body = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, uri) { Content = body is null ? null : Json(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return request;
    }

    protected static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, ApiJson.Options)!;
    }

    protected static Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code) =>
        ApiAuthenticationTests.AssertProblemAsync(response, status, code);

    protected static string? ETagOf(HttpResponseMessage response) => response.Headers.ETag?.ToString();

    protected static EntityTagHeaderValue Tag(long version) => new($"\"{version}\"");
}
