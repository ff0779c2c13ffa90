using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using OrganisationRegistry.Admin.Authentication;
using OrganisationRegistry.Domain.ApiClients;
using Scalar.AspNetCore;

namespace OrganisationRegistry.Admin.Api;

/// <summary>
/// The OpenAPI document of the API (<see cref="DocumentPath"/>, the endpoints under <see cref="ApiEndpoints.Prefix"/>
/// only) and its reference (<see cref="ReferencePath"/>, Scalar, served from the package itself: no CDN). Both are
/// public: they describe the API, they open nothing. What the endpoints declare (names, summaries, typed results,
/// <c>ProducesProblem</c>, XML comments of the DTOs) is completed here with what all of them share: how to
/// authenticate, the problem shape, <c>Idempotency-Key</c>, <c>If-Match</c>, and examples of the common fields.
/// </summary>
public static class ApiDocumentation
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/v1.json";
    public const string ReferencePath = "/scalar";

    /// <summary>The security scheme for any bearer JWT the API accepts (Entra ID or development token).</summary>
    public const string BearerScheme = "Bearer";

    /// <summary>The OAuth2 client credentials flow of Microsoft Entra ID that yields those tokens in production.</summary>
    public const string EntraIdScheme = "EntraId";

    public const string ProblemSchema = "ProblemDetails";

    public static IServiceCollection AddApiDocumentation(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = description =>
                description.RelativePath is { } path && path.StartsWith(ApiEndpoints.Prefix.TrimStart('/') + "/", StringComparison.OrdinalIgnoreCase);
            options.AddSchemaTransformer(DescribeSchemaAsync);
            options.AddDocumentTransformer(DescribeDocumentAsync);
        });

    public static IEndpointRouteBuilder MapApiDocumentation(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous().ExcludeFromDescription();
        endpoints.MapScalarApiReference(ReferencePath, options => options
                .WithTitle("Organisatieregister – EDIT API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .AddDocument(DocumentName, "EDIT API v1")
                .AddPreferredSecuritySchemes(BearerScheme)
                // Nothing from outside: fonts of the page, telemetry and the AI assistant would call Scalar's servers.
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp())
            .AllowAnonymous();
        return endpoints;
    }

    private static async Task DescribeDocumentAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var configuration = context.ApplicationServices.GetRequiredService<IConfiguration>();
        document.Info = new OpenApiInfo
        {
            Title = "Organisatieregister – EDIT API",
            Version = DocumentName,
            Description = Description,
        };

        if (document.Servers is not { Count: > 0 })
        {
            document.Servers = [new OpenApiServer { Url = "/" }];
        }

        foreach (var server in document.Servers)
        {
            server.Description ??= "Het Organisatieregister (paden beginnen met " + ApiEndpoints.Prefix + ")";
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "Een toegangstoken (JWT) van een geregistreerde API-client: `Authorization: Bearer <token>`. " +
                "In productie uitgereikt door Microsoft Entra ID (client credentials), in ontwikkeling door `dev-token`.",
        };
        document.Components.SecuritySchemes[EntraIdScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = "Microsoft Entra ID, OAuth2 client credentials flow: de partner vraagt met zijn client-id en " +
                "secret (of certificaat) een token voor de scope `<Application ID URI>/.default`; de app-rollen in het token zijn de scopes van de API.",
            Flows = new OpenApiOAuthFlows
            {
                ClientCredentials = new OpenApiOAuthFlow
                {
                    TokenUrl = TokenUrl(configuration),
                    Scopes = new Dictionary<string, string>
                    {
                        [ApplicationIdUri(configuration) + "/.default"] = "Alle app-rollen die aan de client zijn toegekend: " + string.Join(", ", ApiScopes.All),
                    },
                },
            },
        };

        // One problem schema for every error (what ApiProblems writes), referenced, never inlined.
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(ProblemSchema))
        {
            document.AddComponent(ProblemSchema, await context.GetOrCreateSchemaAsync(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), cancellationToken: cancellationToken));
        }

        var requirements = new List<OpenApiSecurityRequirement>
        {
            new() { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] },
            new() { [new OpenApiSecuritySchemeReference(EntraIdScheme, document)] = [] },
        };
        foreach (var (method, operation) in document.Paths.Values.SelectMany(path => path.Operations ?? []))
        {
            DescribeOperation(operation, method.Method);
            operation.Security = [.. requirements];
            foreach (var (status, response) in operation.Responses ?? [])
            {
                if (!int.TryParse(status, out var code) || response is not OpenApiResponse plain)
                {
                    continue;
                }

                if (string.IsNullOrEmpty(plain.Description) || plain.Description == ReasonPhrases.GetReasonPhrase(code))
                {
                    plain.Description = DescriptionOf(code) ?? plain.Description;
                }

                if (code >= 400)
                {
                    plain.Content = new Dictionary<string, OpenApiMediaType>
                    {
                        [ApiProblems.ContentType] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
                    };
                }

                if (code == StatusCodes.Status429TooManyRequests)
                {
                    plain.Headers ??= new Dictionary<string, IOpenApiHeader>();
                    plain.Headers[HeaderNames.RetryAfter] = new OpenApiHeader
                    {
                        Description = "Na hoeveel seconden de client opnieuw mag.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                    };
                }
            }
        }
    }

    /// <summary>What a status means in this API, for responses that only carry the reason phrase.</summary>
    private static string? DescriptionOf(int status) => status switch
    {
        StatusCodes.Status200OK => "Gelukt.",
        StatusCodes.Status201Created => "Aangemaakt: `Location` wijst naar de nieuwe resource, `ETag` geeft haar versie.",
        StatusCodes.Status204NoContent => "Gelukt, zonder inhoud.",
        StatusCodes.Status400BadRequest => "Ongeldige aanvraag: de meldingen per veld staan in `errors`.",
        StatusCodes.Status401Unauthorized => "Geen of geen geldig toegangstoken, of een client die niet (meer) geregistreerd is.",
        StatusCodes.Status403Forbidden => "De client mist een recht; `right` noemt het.",
        StatusCodes.Status404NotFound => "Niet gevonden.",
        StatusCodes.Status409Conflict => "In strijd met een regel van het register (overlap, cyclus, dubbel, ...).",
        StatusCodes.Status412PreconditionFailed => "Intussen gewijzigd: de `If-Match` is verouderd; `currentVersion` geeft de huidige versie.",
        StatusCodes.Status428PreconditionRequired => "`If-Match` ontbreekt.",
        StatusCodes.Status429TooManyRequests => "Te veel aanvragen van deze client: probeer opnieuw na `Retry-After` seconden.",
        StatusCodes.Status500InternalServerError => "Interne fout van het register; er werd niets opgeslagen.",
        _ => null,
    };

    /// <summary>
    /// What an operation shares with the others of its kind, whether or not its endpoint declared it. Run on the whole
    /// document, after the endpoints' own transformers (some describe their request body themselves).
    /// </summary>
    private static void DescribeOperation(OpenApiOperation operation, string method)
    {
        operation.Responses ??= new OpenApiResponses();
        if (operation.RequestBody is not null)
        {
            AddProblem(operation, StatusCodes.Status400BadRequest, "De body is geen geldige JSON of bevat ongeldige gegevens (`errors` per veld).");
            AddProblem(operation, StatusCodes.Status413PayloadTooLarge, $"De body is groter dan {ApiRequestLimits.MaxBodyBytes / 1024} KiB.");
            AddProblem(operation, StatusCodes.Status415UnsupportedMediaType, "De body is geen `application/json`.");
        }

        operation.Parameters ??= [];
        if (HttpMethods.IsPost(method) && !operation.Parameters.Any(p => p.Name == Idempotency.HeaderName))
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = Idempotency.HeaderName,
                In = ParameterLocation.Header,
                Required = false,
                Description = "Optioneel, aangeraden: een unieke sleutel per bedoelde aanvraag (bv. een UUID, 1 tot " +
                    $"{IdempotencyRecord.KeyMaxLength} zichtbare ASCII-tekens, geen komma). Een herhaling met dezelfde sleutel en dezelfde aanvraag krijgt " +
                    $"het eerste (geslaagde) antwoord opnieuw, met `{Idempotency.ReplayedHeaderName}: true`, zonder tweede schrijfactie " +
                    $"({IdempotencyRecord.Retention.TotalHours:0} uur lang).",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyRecord.KeyMaxLength },
                Example = JsonValue.Create("7f1d5c2e-3b4a-4f7e-9d1c-2a6b8e0f4c3d"),
            });
            foreach (var (status, response) in operation.Responses)
            {
                if (status.StartsWith('2') && response is OpenApiResponse success)
                {
                    success.Headers ??= new Dictionary<string, IOpenApiHeader>();
                    success.Headers[Idempotency.ReplayedHeaderName] = new OpenApiHeader
                    {
                        Description = "`true` wanneer dit het bewaarde antwoord is van een eerdere aanvraag met dezelfde `Idempotency-Key`.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.Boolean },
                    };
                }
            }

            AddProblem(operation, StatusCodes.Status409Conflict, "In strijd met een regel, of een aanvraag met dezelfde `Idempotency-Key` is nog in behandeling.");
            AddProblem(operation, StatusCodes.Status422UnprocessableEntity, "De `Idempotency-Key` werd al gebruikt voor een andere aanvraag.");
        }

        // Writes that change a versioned resource say which version they change.
        if (operation.Responses.ContainsKey("428") || operation.Responses.ContainsKey("412"))
        {
            if (!operation.Parameters.Any(p => string.Equals(p.Name, "If-Match", StringComparison.OrdinalIgnoreCase) && p.In == ParameterLocation.Header))
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = "If-Match",
                    In = ParameterLocation.Header,
                    Required = operation.Responses.ContainsKey("428"),
                    Description = "De `ETag` van de versie die je wijzigt (bv. `\"7\"`), of `*` voor de huidige versie. Zonder: 428; verouderd: 412.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    Example = JsonValue.Create("\"7\""),
                });
            }
        }
    }

    /// <summary>Adds (or describes) a problem response; its content is set by <see cref="DescribeDocumentAsync"/>.</summary>
    private static void AddProblem(OpenApiOperation operation, int status, string description)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.TryGetValue(key, out var existing))
        {
            if (existing is OpenApiResponse plain && (string.IsNullOrEmpty(plain.Description) || plain.Description == ReasonPhrases.GetReasonPhrase(status)))
            {
                plain.Description = description;
            }

            return;
        }

        operation.Responses[key] = new OpenApiResponse { Description = description };
    }

    private static Task DescribeSchemaAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(Microsoft.AspNetCore.Mvc.ProblemDetails) || type == typeof(HttpValidationProblemDetails))
        {
            DescribeProblem(schema);
        }
        else if (context.JsonPropertyInfo is { } property && schema.Type?.HasFlag(JsonSchemaType.String) == true && ExampleOf(property.Name, schema.Format) is { } example)
        {
            schema.Examples ??= [JsonValue.Create(example)];
        }

        return Task.CompletedTask;
    }

    /// <summary>The problem shape of <see cref="ApiProblems"/>: the RFC 9457 members plus this API's extensions.</summary>
    private static void DescribeProblem(OpenApiSchema schema)
    {
        schema.Description = "Een fout (RFC 9457). `type` is `" + ApiProblems.TypePrefix + "<code>` met een vaste code " +
            "(validation, forbidden, not-found, overlap, cycle, duplicate, bulk-conflict, concurrency-conflict, precondition-required, too-many-requests, ...); " +
            "`title` en `detail` zijn Nederlands en voor mensen bedoeld. Nooit een stack trace.";
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties["errors"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "Bij 400 (validation): de meldingen per veld van de aanvraag (camelCase, zoals in de body of query).",
            AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
        };
        schema.Properties["right"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Bij 403: het ontbrekende recht." };
        schema.Properties["currentVersion"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Description = "Bij 409/412 (concurrency-conflict): de huidige versie; de nieuwe ETag is `\"<currentVersion>\"`." };
        schema.Properties["rows"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Description = "Bij 409 (bulk-conflict): het verslag per organisatie van een toewijzing in bulk (ovo, name, ok, code, message); er werd niets opgeslagen.",
            Items = new OpenApiSchema { Type = JsonSchemaType.Object },
        };
        schema.Properties["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Om de fout in de logs van het register terug te vinden." };
        schema.Examples = [new JsonObject
        {
            ["type"] = ApiProblems.TypePrefix + "validation",
            ["title"] = "De aanvraag bevat ongeldige gegevens",
            ["status"] = 400,
            ["detail"] = "Geef een geldig KBO-nummer van 10 cijfers.",
            ["instance"] = ApiEndpoints.Prefix + "/organisations",
            ["errors"] = new JsonObject { ["kboNumber"] = new JsonArray("Geef een geldig KBO-nummer van 10 cijfers.") },
            ["traceId"] = "4bf92f3577b34da6a3ce929d0e0e4736",
        }];
    }

    /// <summary>Examples for the fields every resource shares, by their name in the JSON.</summary>
    private static string? ExampleOf(string name, string? format) => name switch
    {
        "ovo" or "ovoCode" or "parentOvo" or "parentOvoCode" or "organisation" => "OVO000123",
        "kbo" or "kboNumber" => "0123456789",
        "validFrom" => "2025-01-01",
        "validTo" or "validOn" => "2025-12-31",
        "domain" or "domainCode" => "vco",
        "category" or "categoryCode" => "departement",
        "clientId" => "kiosk",
        _ when format == "date" => "2025-01-01",
        _ => null,
    };

    private static Uri TokenUrl(IConfiguration configuration)
    {
        var section = configuration.GetSection(RegistrySignInOptions.AzureAdSectionName);
        var instance = section["Instance"] is { Length: > 0 } configured ? configured.TrimEnd('/') : "https://login.microsoftonline.com";
        var tenant = section["TenantId"] is { Length: > 0 } tenantId ? tenantId : "TENANT-ID";
        return new Uri($"{instance}/{tenant}/oauth2/v2.0/token");
    }

    private static string ApplicationIdUri(IConfiguration configuration)
    {
        var section = configuration.GetSection(RegistrySignInOptions.AzureAdSectionName);
        return section["Audience"] is { Length: > 0 } audience ? audience.TrimEnd('/')
            : section["ClientId"] is { Length: > 0 } clientId ? "api://" + clientId
            : DevelopmentTokenOptions.Audience;
    }

    private const string Description = """
        Partnersystemen (KIOSK, Orafin, HR-systemen, ...) lezen en schrijven hier organisaties en hun toewijzingen aan
        toepassingsgebieden, machine-to-machine. Een client heeft precies de rechten van zijn organisatie, zoals een
        medewerker ervan; elke schrijfactie staat in de audit trail (kanaal API, met het client-id).
        *Partner systems read and write organisations and their assignments machine-to-machine, with the rights of their
        organisation; every write is audited.*

        ## Aanmelden (authentication)
        Elke aanvraag draagt een OAuth2-toegangstoken (JWT): `Authorization: Bearer <token>`.

        * **Productie – Microsoft Entra ID, client credentials flow.** Vraag een token aan bij
          `https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token` met `grant_type=client_credentials`, je
          `client_id`, je `client_secret` (of een certificaat) en `scope=<Application ID URI van de API>/.default`.
          De app-rollen die de API je toekende staan in het token en zijn de scopes hieronder.
        * **Ontwikkeling.** `dotnet run --project OrganisationRegistry.Admin -- dev-token --client kiosk` drukt een
          token af, getekend met de ontwikkelsleutel (kan niet aan in productie).

        De client moet geregistreerd zijn in het register (client-id → organisatie, toegelaten scopes). Een token
        zonder geldige registratie krijgt 401, een client zonder de nodige scope of zonder recht op de organisatie of
        het toepassingsgebied krijgt 403 met het ontbrekende recht (`right`).

        | scope | mag |
        |---|---|
        | `registry.read` | lezen (alle GET's, `/changes`) |
        | `organisations.write` | organisaties en hun sleutels aanmaken en wijzigen (rol organisatiebeheerder) |
        | `assignments.write` | toewijzingen aan toepassingsgebieden beheren waarvan de organisatie beheerder is (rol domeinexpert) |

        ## Fouten (errors)
        Elke fout is een RFC 9457 *problem* (`application/problem+json`): `type` `urn:organisation-registry:problem:<code>`,
        `title`, `status`, `detail`, `instance`, `traceId`; bij 400 `errors` per veld, bij 403 `right`, bij 409/412
        `currentVersion`. 409 betekent een regel van het register (overlap, cyclus, dubbel, ...), 5xx alleen een echte fout.

        ## Versies (ETag / If-Match)
        Een resource met een versie antwoordt met `ETag: "<versie>"`. Een wijziging stuurt `If-Match` met die ETag
        (of `*` voor de huidige versie): zonder 428, verouderd 412.

        ## Idempotentie
        Stuur bij een POST een `Idempotency-Key` (bv. een UUID). Een herhaling met dezelfde sleutel en dezelfde
        aanvraag geeft het eerste geslaagde antwoord opnieuw (met `Idempotent-Replayed: true`) zonder tweede
        schrijfactie; dezelfde sleutel met een andere aanvraag geeft 422, zolang de eerste nog loopt 409. Sleutels
        worden 24 uur bewaard. Een mislukte aanvraag schreef niets en mag met dezelfde sleutel opnieuw.

        ## Limieten
        Een body is JSON (`Content-Type: application/json`, anders 415) van hoogstens 64 KiB (anders 413). Elke client
        heeft zijn eigen debiet; daarboven 429 met `Retry-After` (seconden). Lijsten hebben `page` (vanaf 1) en
        `pageSize` (standaard 25, hoogstens 100).
        """;
}
