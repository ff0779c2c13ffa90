using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrganisationRegistry.Admin.Api;
using OrganisationRegistry.Domain.ApiClients;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Tests.Infrastructure;
using OrganisationRegistry.Tests.Integration.Authentication;
using OrganisationRegistry.Tests.Integration.Rights;

namespace OrganisationRegistry.Tests.Integration.Api;

/// <summary>
/// Thousands of malformed or hostile requests over real HTTP against every route of the API (the resources' planned
/// routes included, whether or not they are mapped yet): bad and hostile JSON, wrong types, huge strings under and
/// over the size limit, invalid OVO and KBO numbers, odd unicode, injection-like strings, bad dates, wrong content
/// types, odd methods and headers, missing, garbage and expired tokens. The API must never fail (no 5xx), answer
/// every error with a problem, never redirect, and write nothing. Deterministic: one seed, the same requests each run.
/// </summary>
/// <remarks>
/// No request may legitimately write, by construction: a client that could write only ever sends a mutating request
/// with something that must refuse it (an identifier that cannot exist or cannot be parsed, a body that cannot be
/// read as the request, a body over the limit, a content type that is not JSON). Everything else is free.
/// </remarks>
public abstract class ApiFuzzTests(DatabaseFixture database) : IAsyncLifetime
{
    public const int Seed = 20_261_125;
    public const int RequestCount = 5_200;
    private const int Parallelism = 4;

    private readonly RegistryWebApplicationFactory _app = RegistryWebApplicationFactory.On(database, extraSettings: new Dictionary<string, string?>
    {
        // The fuzzer sends as fast as it can; rate limiting has its own tests (ApiLimitsTests).
        [ApiRateLimiting.SectionName + ":PermitsPerSecond"] = "1000000",
        [ApiRateLimiting.SectionName + ":Burst"] = "1000000",
    });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await ReferenceData.ResetToAsync(database, Ct);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task HostileRequests_NeverFail_AreAlwaysProblems_AndWriteNothing()
    {
        var address = _app.StartOnKestrel();
        List<string> existingOvos;
        await using (var db = await database.Contexts.CreateDbContextAsync(Ct))
        {
            existingOvos = [.. (await db.Organisations.Select(o => o.OvoCode).ToListAsync(Ct)).Select(o => o.Value).Order(StringComparer.Ordinal)];
        }

        var generator = new FuzzRequestGenerator(new Random(Seed), existingOvos, Tokens(), MappedRoutes());
        var requests = Enumerable.Range(0, RequestCount).Select(generator.Next).ToList();
        var before = await DatabaseSnapshot.TakeAsync(database, Ct);

        using var client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            MaxConnectionsPerServer = Parallelism * 2,
            AutomaticDecompression = DecompressionMethods.None,
        })
        { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };

        var statuses = new ConcurrentDictionary<int, int>();
        var failures = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = Ct }, async (fuzz, cancellationToken) =>
        {
            using var request = fuzz.ToHttpRequest();
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException exception)
            {
                statuses.AddOrUpdate(0, 1, (_, count) => count + 1);
                failures.Enqueue($"#{fuzz.Number} {fuzz.Method} {fuzz.PathAndQuery} [{fuzz.Description}] -> no answer: {exception.InnerException?.Message ?? exception.Message}");
                return;
            }

            using var _ = response;
            var status = (int)response.StatusCode;
            statuses.AddOrUpdate(status, 1, (_, count) => count + 1);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (Judge(fuzz, response, body) is { } failure)
            {
                failures.Enqueue($"#{fuzz.Number} {fuzz.Method} {fuzz.PathAndQuery} [{fuzz.Description}] -> {status} {response.Content.Headers.ContentType}: {failure} {Truncate(body, 300)}");
            }
        });
        clock.Stop();

        var after = await DatabaseSnapshot.TakeAsync(database, Ct);
        var distribution = string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"API fuzz on {database.Provider}: {requests.Count} requests (seed {Seed}, {Parallelism} in parallel) on {generator.RouteCount} routes " +
            $"in {clock.Elapsed.TotalSeconds:0.0} s ({requests.Count / clock.Elapsed.TotalSeconds:0} req/s); statuses {distribution} " +
            $"({requests.Count(r => r.KestrelRefuses)} of the 400s are Kestrel's own, for a NUL in the path); {requests.Count(r => r.IsMutating)} mutating; {failures.Count} failures.");

        Assert.True(requests.Count >= 5_000);
        Assert.True(failures.IsEmpty, $"{failures.Count} of {requests.Count} requests were answered wrongly (statuses {distribution}):\n" + string.Join("\n", failures.Take(25)));
        Assert.Equal(before, after);
    }

    /// <summary>What is wrong with the answer, or <c>null</c>.</summary>
    private static string? Judge(FuzzRequest fuzz, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        if (fuzz.KestrelRefuses)
        {
            // Not HTTP the server accepts (a NUL in the path): Kestrel answers itself, before any middleware of the app.
            return status == 400 && body.Length == 0 && response.Headers.ConnectionClose == true ? null : "not Kestrel's own 400 for a NUL in the path";
        }

        if (status >= 500)
        {
            return "a server error";
        }

        if (status is >= 300 and < 400)
        {
            return "a redirect (the API never redirects, e.g. to the pages' sign-in)";
        }

        if (status < 300 && fuzz.IsMutating)
        {
            return "a mutating request succeeded";
        }

        if (response.Headers.Contains("X-Injected") || response.Headers.TryGetValues("Set-Cookie", out _))
        {
            return "an injected or cookie header";
        }

        if (body.Contains("   at ", StringComparison.Ordinal) || body.Contains("Exception", StringComparison.Ordinal))
        {
            return "a stack trace or exception in the body";
        }

        if (status < 400)
        {
            return null;
        }

        if (response.Content.Headers.ContentType?.MediaType != ApiProblems.ContentType)
        {
            return "an error that is not application/problem+json";
        }

        if (fuzz.Method.Equals("HEAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var problem = JsonDocument.Parse(body).RootElement;
            return problem.GetProperty("status").GetInt32() == status
                && problem.GetProperty("type").GetString()?.StartsWith(ApiProblems.TypePrefix, StringComparison.Ordinal) == true
                && !string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString())
                ? null
                : "a problem with the wrong status, type or title";
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return "a problem body that is not a problem";
        }
    }

    /// <summary>The API's routes as mapped now (the planned ones are in the generator anyway), with their methods.</summary>
    private List<(string Template, string[] Methods)> MappedRoutes() =>
    [
        .. _app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(ApiEndpoints.Prefix + "/", StringComparison.OrdinalIgnoreCase) == true
                && e.Metadata.GetMetadata<IHttpMethodMetadata>() is { HttpMethods.Count: > 0 })
            .GroupBy(e => FuzzRequestGenerator.Template(e.RoutePattern.RawText![ApiEndpoints.Prefix.Length..]), StringComparer.Ordinal)
            .Select(g => (g.Key, g.SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods).Distinct(StringComparer.Ordinal).ToArray())),
    ];

    private FuzzTokens Tokens()
    {
        var options = _app.Services.GetRequiredService<IOptions<ApiOptions>>();
        var expired = new DevelopmentTokenIssuer(options, new ShiftedTime(TimeSpan.FromDays(-2)));
        var foreign = new DevelopmentTokenIssuer(
            Options.Create(new ApiOptions { DevelopmentTokens = new() { Enabled = true, SigningKey = new string('f', 64) } }),
            TimeProvider.System);
        var kiosk = _app.ApiToken("kiosk");
        return new FuzzTokens(
            Writers: [kiosk, _app.ApiToken("orafin"), _app.ApiToken("aop-hr")],
            Readers: [_app.ApiToken("readonly"), _app.ApiToken("kiosk", [ApiScopes.Read]), _app.ApiToken("orafin", [ApiScopes.Read])],
            Refused:
            [
                null,
                "Bearer",
                "Bearer ",
                "Bearer garbage",
                "Bearer " + new string('A', 3000),
                "Basic a2lvc2s6c2VjcmV0",
                "bearer " + kiosk[..^1],
                "Bearer " + kiosk + "x",
                "Bearer " + kiosk.Replace('.', '!'),
                "Bearer eyJhbGciOiJub25lIn0.eyJjbGllbnRfaWQiOiJraW9zayIsInNjb3BlIjoicmVnaXN0cnkucmVhZCJ9.",
                "Bearer " + expired.Issue("kiosk", ApiScopes.All, TimeSpan.FromHours(1)),
                "Bearer " + foreign.Issue("kiosk", ApiScopes.All),
                "Bearer " + _app.ApiToken("stranger"),
                "Bearer " + _app.ApiToken("KIOSK"),
                "Bearer " + _app.ApiToken("readonly", [ApiScopes.WriteAssignments]),
            ]);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    private sealed class ShiftedTime(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + shift;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ApiFuzzTestsOnSqlite(SqliteDatabaseFixture database) : ApiFuzzTests(database);

[Collection(PostgreSqlCollection.Name)]
public sealed class ApiFuzzTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : ApiFuzzTests(database);

/// <summary>Authorization headers: clients that may write, clients that may only read, and refused ones (null: none).</summary>
internal sealed record FuzzTokens(IReadOnlyList<string> Writers, IReadOnlyList<string> Readers, IReadOnlyList<string?> Refused);

/// <summary>One generated request.</summary>
internal sealed record FuzzRequest(
    int Number,
    string Method,
    string PathAndQuery,
    string? Authorization,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[]? Body,
    string? ContentType,
    bool IsMutating,
    string Description)
{
    /// <summary>A NUL in the (decoded) path: Kestrel refuses the request itself, with a bare 400.</summary>
    public bool KestrelRefuses => PathAndQuery.Split('?')[0].Contains("%00", StringComparison.Ordinal);

    public HttpRequestMessage ToHttpRequest()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), PathAndQuery);
        if (Authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", Authorization);
        }

        foreach (var (name, value) in Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        return request;
    }
}

/// <summary>Makes the requests, deterministically from its <see cref="Random"/>.</summary>
internal sealed class FuzzRequestGenerator(Random random, IReadOnlyList<string> existingOvos, FuzzTokens tokens, IEnumerable<(string Template, string[] Methods)> mappedRoutes)
{
    private static readonly string[] ReadMethods = ["GET", "HEAD", "OPTIONS", "TRACE"];
    private static readonly string[] OddMethods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "FOO", "PROPFIND", "MERGE", "get", "Post", "LINK"];

    /// <summary>Every route the API is meant to have, with its methods; <c>{...}</c> are generated.</summary>
    private static readonly (string Template, string[] Methods)[] PlannedRoutes =
    [
        ("/me", ["GET"]),
        ("/organisations", ["GET", "POST"]),
        ("/organisations/{ovo}", ["GET", "PATCH"]),
        ("/organisations/kbo/{kbo}", ["PUT", "GET"]),
        ("/organisations/{ovo}/keys", ["GET", "POST"]),
        ("/organisations/{ovo}/assignments", ["GET", "POST"]),
        ("/organisations/{ovo}/assignments/{id}", ["PUT", "DELETE", "GET"]),
        ("/organisations/{ovo}/assignments/{id}/end", ["POST"]),
        ("/application-domains", ["GET"]),
        ("/application-domains/{code}/assignments", ["GET"]),
        ("/application-domains/{code}/assignments/bulk", ["POST"]),
        ("/changes", ["GET"]),
        ("/{junk}", ["GET", "POST"]),
        ("/organisations/{ovo}/{junk}", ["GET", "POST", "DELETE"]),
    ];

    /// <summary>The planned routes and those mapped now, together.</summary>
    private readonly (string Template, string[] Methods)[] _routes =
    [
        .. PlannedRoutes.Concat(mappedRoutes)
            .GroupBy(route => route.Template, StringComparer.Ordinal)
            .Select(g => (g.Key, g.SelectMany(route => route.Methods).Distinct(StringComparer.Ordinal).ToArray()))
            .OrderBy(route => route.Key, StringComparer.Ordinal),
    ];

    public int RouteCount => _routes.Length;

    /// <summary>A mapped route pattern (below the prefix) in the generator's terms: parameters become {ovo}, {kbo}, {code} or {id}.</summary>
    public static string Template(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{\**([^}:?=]+)[^}]*\}", match => match.Groups[1].Value.ToLowerInvariant() switch
        {
            var name when name.Contains("ovo", StringComparison.Ordinal) => "{ovo}",
            var name when name.Contains("kbo", StringComparison.Ordinal) => "{kbo}",
            var name when name.Contains("code", StringComparison.Ordinal) || name.Contains("domain", StringComparison.Ordinal) => "{code}",
            _ => "{id}",
        });

    /// <summary>Injection-like and odd text: SQL, markup, paths, CRLF, format strings, unicode of every awkward kind.</summary>
    private static readonly string[] Hostile =
    [
        "' OR '1'='1", "'; DROP TABLE \"Organisations\"; --", "1; DELETE FROM IdempotencyRecords", "\" OR \"\"=\"", "admin'--", "%' AND 1=0 UNION SELECT * FROM \"ApiClients\" --",
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "{{7*7}}", "${jndi:ldap://127.0.0.1/a}", "<!--", "]]>",
        "../../../../etc/passwd", "..\\..\\windows\\win.ini", "/dev/null", "C:\\", "file:///etc/hosts", "%2e%2e%2f",
        "line\r\nX-Injected: yes", "\r\n\r\nHTTP/1.1 200 OK", "%0d%0aX-Injected:%20yes",
        "{0}{1}%s%n%x", "\0", "nul\0byte", "\u202Egnp.exe", "\u200B\u200C\u200D\uFEFF", "😀🏛️👩‍👩‍👧", "Ω≈ç√∫˜µ≤≥÷", "ＯＶＯ０００００１",
        "\uD800", "\uDFFF", "a\uD83D", "\u0301\u0301\u0301", "ﷺ", "‮", "\t\v\f", " ", "", "null", "undefined", "NaN", "-0", "1e309", "0x1F",
        "Departement Cultuur, Jeugd en Media", "OVO000001", "ovo000001", "0123.456.749",
    ];

    private static readonly string[] MalformedOvos =
    [
        "OVO", "OVO12345", "OVO1234567", "OVO000000", "OV0000001", "0VO000001", "123456", "OVO00000A", "OVO-00001", "OVO 000001", "OVO０００００１",
        "OVO000001;", "OVO%", "-1", "0", "null", "true", "*", ".", "..", "%2e%2e", "%00", "%0d%0aX-Injected:%20yes", "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "%252e%252e%252f", "%c0%ae%c0%ae", "%ff%fe", "%E2%80%AE", "%F0%9F%98%80", "%ED%A0%80", "OVO000001%20OR%201=1",
    ];

    private static readonly string[] MalformedKbos =
    [
        "", "0", "012345678", "01234567890", "0123456788", "0123.456.748", "BE0123456788", "abcdefghij", "0123-456-749", "０１２３４５６７４９", "%00", "-123456749",
        "0123456749%0d%0a", "9999999999", "0000000000x", "%2e%2e",
    ];

    private static readonly string[] Dates =
        ["2024-02-30", "2024-13-01", "2024-00-10", "31/12/2024", "2024-1-1", "0000-00-00", "9999-12-31", "0001-01-01", "20240101", "2024-01-01T00:00:00Z", "yesterday", "", "2024-02-29", "1e9"];

    private static readonly string[] Numbers = ["-1", "0", "1", "25", "100", "101", "2147483648", "-2147483649", "1e3", "1.5", "abc", "", "１", "0x10", "99999999999999999999", "NaN"];

    private static readonly string[] IfMatches = ["", "*", "\"1\"", "W/\"1\"", "\"abc\"", "abc", "\"1\", \"2\"", "\"-1\"", "\"99999999999999999999\"", "\"\"", "\"1", "*, \"1\"", "\"0\""];

    private static readonly string[] IdempotencyKeys = ["", "k", "a,b", "a\tb", "'; DROP TABLE \"IdempotencyRecords\"; --", "<script>", "../..", "%00"];

    private static readonly string[] Fields =
        ["name", "shortName", "article", "description", "kboNumber", "validFrom", "validTo", "policyDomain", "parentOvo", "domain", "category", "remark", "reason", "keyType", "value", "version", "ovo", "id"];

    private static readonly string[] BrokenJson =
    [
        "{", "}", "{\"name\":", "{\"name\":\"x\"", "{\"name\":\"x\",}", "{'name':'x'}", "{name:\"x\"}", "{\"name\":NaN}", "{\"name\":\"x\"}}", "{\"name\":\"x\"} trailing",
        "{\"name\":\"x\" /* comment */}", "[{\"name\":\"x\"]", "{\"name\":\"\\x41\"}", "{\"name\":\"\\u12\"}", "{\"a\":1,\"a\":", "\"unterminated", "{\"name\":01}", "{\"validFrom\":2024-01-01}",
        "<organisation><name>x</name></organisation>", "name=x&parentOvo=OVO000001", ",", "\u0000", "{\"name\":\"x\"\u0000}",
    ];

    private static readonly string[] TopLevelNonObjects = ["[]", "[{\"name\":\"x\"}]", "\"x\"", "123", "true", "null", "{}{}"];

    private static readonly string[] WrongContentTypes =
        ["text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream", "text/json; q=oops", "image/png", "*/*"];

    private static readonly (string Name, string Value)[] OddHeaders =
    [
        ("X-HTTP-Method-Override", "DELETE"), ("X-Forwarded-For", "127.0.0.1, ' OR 1=1"), ("X-Forwarded-Host", "evil.example"), ("X-Forwarded-Proto", "gopher"),
        ("Accept", "application/xml"), ("Accept", "text/html"), ("Accept-Language", "zz-ZZ"), ("Accept-Encoding", "gzip, br, zstd"), ("Content-Encoding", "gzip"),
        ("Range", "bytes=0-1"), ("Cookie", ".OrganisationRegistry.Session=garbage"), ("Origin", "https://evil.example"), ("If-None-Match", "*"),
        ("If-Modified-Since", "yesterday"), ("Prefer", "return=minimal"), ("X-Original-URL", "/admin"), ("X-Rewrite-URL", "/account/signin"),
    ];

    /// <summary>The next request: one under the API once the server has resolved <c>.</c> and <c>..</c> (<c>%2e</c>) in its path.</summary>
    public FuzzRequest Next(int number)
    {
        while (true)
        {
            var request = Generate(number);
            if (StaysInTheApi(request.PathAndQuery))
            {
                return request;
            }
        }
    }

    /// <summary>Whether the path, with dot segments resolved as Kestrel does (after decoding <c>%2e</c>), is still under the API.</summary>
    internal static bool StaysInTheApi(string pathAndQuery)
    {
        var path = pathAndQuery.Split('?')[0];
        var resolved = new List<string>();
        foreach (var segment in path.Split('/').Skip(1).Select(s => s.Replace("%2e", ".", StringComparison.OrdinalIgnoreCase)))
        {
            switch (segment)
            {
                case ".":
                    break;
                case "..":
                    if (resolved.Count > 0)
                    {
                        resolved.RemoveAt(resolved.Count - 1);
                    }

                    break;
                default:
                    resolved.Add(segment);
                    break;
            }
        }

        return ("/" + string.Join('/', resolved) + "/").StartsWith(ApiEndpoints.Prefix + "/", StringComparison.OrdinalIgnoreCase);
    }

    private FuzzRequest Generate(int number)
    {
        var description = new List<string>();
        var (authorization, isWriter) = PickAuthorization(description);
        var (template, methods) = _routes[random.Next(_routes.Length)];
        var method = random.NextDouble() < 0.7 ? methods[random.Next(methods.Length)] : Pick(OddMethods);
        var isMutating = !ReadMethods.Contains(method.ToUpperInvariant());

        // A client that could write sends a mutating request only with something that must refuse it.
        var mustBeRefused = isWriter && isMutating;
        var path = ApiEndpoints.Prefix + FillIn(template, mustBeRefused, description, out var refusedByPath);
        if (random.NextDouble() < 0.03)
        {
            path = path.ToUpperInvariant();
        }

        var query = random.NextDouble() < 0.5 ? Query(description) : string.Empty;

        var headers = new List<KeyValuePair<string, string>>();
        if (random.NextDouble() < 0.3)
        {
            headers.Add(new("If-Match", Pick(IfMatches)));
        }

        if (random.NextDouble() < 0.3)
        {
            headers.Add(new(Idempotency.HeaderName, IdempotencyKey()));
        }

        if (random.NextDouble() < 0.2)
        {
            var (name, value) = Pick(OddHeaders);
            headers.Add(new(name, value));
        }

        var (body, contentType) = Body(method, mustBeRefused && !refusedByPath, description);
        description.Add($"headers {string.Join(", ", headers.Select(h => h.Key))}; body {body?.Length.ToString(CultureInfo.InvariantCulture) ?? "none"} {contentType}");
        return new FuzzRequest(number, method, path + query, authorization, headers, body, contentType, isMutating, string.Join("; ", description));
    }

    private (string? Authorization, bool IsWriter) PickAuthorization(List<string> description)
    {
        var roll = random.NextDouble();
        if (roll < 0.5)
        {
            description.Add("writer");
            return ("Bearer " + Pick(tokens.Writers), true);
        }

        if (roll < 0.7)
        {
            description.Add("reader");
            return ("Bearer " + Pick(tokens.Readers), false);
        }

        description.Add("refused token");
        return (Pick(tokens.Refused), false);
    }

    /// <summary>The path with its parameters generated; <paramref name="refused"/> when an identifier cannot exist.</summary>
    private string FillIn(string template, bool mustBeRefused, List<string> description, out bool refused)
    {
        refused = false;
        var path = template;
        if (path.Contains("{ovo}", StringComparison.Ordinal))
        {
            var ovo = Ovo(mustBeRefused);
            refused |= !OvoCode.TryParse(Uri.UnescapeDataString(ovo), out var code) || code.Number >= 900_000;
            description.Add("ovo " + ovo);
            path = path.Replace("{ovo}", ovo, StringComparison.Ordinal);
        }

        if (path.Contains("{kbo}", StringComparison.Ordinal))
        {
            var kbo = mustBeRefused || random.NextDouble() < 0.6 ? Segment(Pick(MalformedKbos)) : ValidKbo();
            refused |= !KboNumber.TryParse(Uri.UnescapeDataString(kbo), out _);
            description.Add("kbo " + kbo);
            path = path.Replace("{kbo}", kbo, StringComparison.Ordinal);
        }

        if (path.Contains("{id}", StringComparison.Ordinal))
        {
            // Never an id of something that exists: a new GUID, a huge number or garbage.
            var id = random.Next(4) switch
            {
                0 => RandomGuid().ToString(),
                1 => random.NextInt64(1_000_000_000, long.MaxValue).ToString(CultureInfo.InvariantCulture),
                2 => Segment(Pick(MalformedOvos)),
                _ => Segment(Pick(Hostile)),
            };
            refused = true;
            description.Add("id " + id);
            path = path.Replace("{id}", id, StringComparison.Ordinal);
        }

        if (path.Contains("{code}", StringComparison.Ordinal))
        {
            // Existing application domains only for requests that may not write.
            var existing = !mustBeRefused && random.NextDouble() < 0.4;
            refused |= !existing;
            path = path.Replace("{code}", existing ? Pick(new[] { "vco", "bestuursdecreet", "VCO" }) : Segment(Pick(Hostile)), StringComparison.Ordinal);
        }

        if (path.Contains("{junk}", StringComparison.Ordinal))
        {
            refused = true;
            path = path.Replace("{junk}", random.NextDouble() < 0.5 ? Segment(Pick(Hostile)) : Pick(MalformedOvos), StringComparison.Ordinal);
        }

        return path;
    }

    private string Ovo(bool mustBeRefused)
    {
        var roll = random.NextDouble();
        if (!mustBeRefused && roll < 0.35 && existingOvos.Count > 0)
        {
            var existing = Pick(existingOvos);
            return random.Next(3) switch
            {
                0 => existing,
                1 => existing.ToLowerInvariant(),
                _ => Uri.EscapeDataString(" " + existing + " "),
            };
        }

        return roll < 0.65
            ? "OVO" + random.Next(900_000, 1_000_000).ToString(CultureInfo.InvariantCulture)
            : Pick(MalformedOvos);
    }

    private string ValidKbo()
    {
        var body = random.Next(10_000_000, 99_999_999);
        return body.ToString("D8", CultureInfo.InvariantCulture) + (97 - (body % 97)).ToString("D2", CultureInfo.InvariantCulture);
    }

    private string Query(List<string> description)
    {
        var parameters = new List<string>();
        var count = random.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            var name = Pick(new[] { "page", "pageSize", "q", "domain", "validOn", "after", "limit", "page", Pick(Hostile), "pageSize[]", "$filter" });
            var value = name switch
            {
                "page" or "pageSize" or "after" or "limit" => Pick(Numbers),
                "validOn" => Pick(Dates),
                _ => random.NextDouble() < 0.1 ? new string('q', random.Next(500, 3000)) : Pick(Hostile),
            };
            parameters.Add(Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value));
        }

        description.Add("query");
        return "?" + string.Join("&", parameters);
    }

    private string IdempotencyKey() => random.Next(4) switch
    {
        0 => RandomGuid().ToString(),
        1 => new string('x', random.Next(190, 260)),
        _ => Pick(IdempotencyKeys),
    };

    /// <summary>A body; <paramref name="mustBeUnreadable"/>: one that no endpoint can take as its request.</summary>
    private (byte[]? Body, string? ContentType) Body(string method, bool mustBeUnreadable, List<string> description)
    {
        var upper = method.ToUpperInvariant();
        if (upper == "HEAD" || ((upper is "GET" or "OPTIONS" or "TRACE" or "DELETE") && random.NextDouble() < 0.8 && !mustBeUnreadable))
        {
            return (null, null);
        }

        const string json = "application/json";
        var roll = random.Next(mustBeUnreadable ? 7 : 10);
        (byte[] Body, string? ContentType, string Kind) chosen = roll switch
        {
            0 => (Utf8(Pick(BrokenJson)), json, "broken json"),
            1 => (Utf8(Pick(TopLevelNonObjects)), json, "not an object"),
            2 => ([], json, "empty body"),
            3 => ([0x7B, 0x22, 0x6E, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0xC0, 0xAF, 0x22, 0x7D], json, "invalid utf-8"),
            4 => (Utf8(new string('[', 300) + new string(']', 300)), json, "deep nesting"),
            5 => (Utf8(ObjectOfSize((int)ApiRequestLimits.MaxBodyBytes + random.Next(1, 40_000))), Pick(new[] { json, json, null, "text/plain" }), "over the size limit"),
            6 => (Utf8(HostileObject()), Pick(WrongContentTypes.Append(null).ToArray()), "not json"),
            7 => (Utf8(HostileObject()), json, "hostile object"),
            8 => (Utf8(WrongTypes()), json, "wrong types"),
            _ => (Utf8(ObjectOfSize(random.Next(10_000, (int)ApiRequestLimits.MaxBodyBytes - 1_000))), json, "huge under the limit"),
        };
        description.Add(chosen.Kind);
        return (chosen.Body, chosen.ContentType);
    }

    private string HostileObject()
    {
        var values = new Dictionary<string, object?>();
        foreach (var field in Fields.Where(_ => random.NextDouble() < 0.4))
        {
            values[field] = field switch
            {
                "validFrom" or "validTo" => Pick(Dates),
                "parentOvo" or "ovo" => random.NextDouble() < 0.5 ? Pick(MalformedOvos) : Pick(existingOvos.DefaultIfEmpty("OVO000001").ToArray()),
                "kboNumber" => random.NextDouble() < 0.5 ? Pick(MalformedKbos) : ValidKbo(),
                _ => Pick(Hostile),
            };
        }

        // Serialized by hand where System.Text.Json would refuse (lone surrogates): escaped as JSON allows.
        return "{" + string.Join(",", values.Select(v => $"{Escape(v.Key)}:{(v.Value is null ? "null" : Escape((string)v.Value))}")) + "}";
    }

    private string WrongTypes()
    {
        var values = Fields.Where(_ => random.NextDouble() < 0.4)
            .Select(field => $"{Escape(field)}:{Pick(new[] { "123", "-1.5e300", "true", "[]", "[\"a\",1]", "{}", "{\"nested\":{\"deep\":[null]}}", "null", "\"\"", "99999999999999999999999" })}");
        return "{" + string.Join(",", values) + "}";
    }

    private string ObjectOfSize(int size)
    {
        var field = Pick(new[] { "name", "description", "remark", "reason", "shortName" });
        var filler = Pick(new[] { "a", "é", "😀", "<", "'" });
        var prefix = $"{{\"{field}\":\"";
        var builder = new StringBuilder(prefix);
        while (Encoding.UTF8.GetByteCount(builder.ToString()) + 2 < size)
        {
            builder.Insert(builder.Length, filler, Math.Max(1, (size - 2 - Encoding.UTF8.GetByteCount(builder.ToString())) / Encoding.UTF8.GetByteCount(filler)));
        }

        return builder.Append("\"}").ToString();
    }

    /// <summary>A path segment: escaped, except the values that are already (deliberately odd) percent-encodings.</summary>
    private static string Segment(string value) => value.Contains('%', StringComparison.Ordinal) ? value : Uri.EscapeDataString(value);

    private static string Escape(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' or (>= '\uD800' and <= '\uDFFF') => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private Guid RandomGuid()
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private T Pick<T>(IReadOnlyList<T> values) => values[random.Next(values.Count)];
}
