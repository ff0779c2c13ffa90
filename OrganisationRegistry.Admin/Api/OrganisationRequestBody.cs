using OrganisationRegistry.Domain.Common;
using System.Text.Json;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using OrganisationRegistry.Domain.Organisations;

namespace OrganisationRegistry.Admin.Api;

/// <summary>
/// A JSON body of the organisation resources, read field by field instead of bound, so that every mistake names its
/// field (an unknown field, a number where text belongs, a date that is not yyyy-MM-dd) and so that an absent field
/// differs from <c>null</c>, which a merge patch (RFC 7396) needs. Read with <see cref="ReadAsync"/>, take the fields,
/// then check <see cref="Problem"/> before using them.
/// </summary>
internal sealed class OrganisationRequestBody
{
    public const string Json = "application/json";
    public const string MergePatchJson = "application/merge-patch+json";

    private readonly Dictionary<string, JsonElement> _fields;
    private readonly Dictionary<string, List<string>> _errors;

    private OrganisationRequestBody(Dictionary<string, JsonElement> fields, Dictionary<string, List<string>> errors)
    {
        _fields = fields;
        _errors = errors;
    }

    /// <summary>
    /// Reads the body as a JSON object of one of <paramref name="mediaTypes"/> (415 otherwise) with only
    /// <paramref name="fields"/>; a field of <paramref name="refused"/> gets its own message. Returns the problem when
    /// the body is no JSON object at all; unknown and repeated fields are kept as errors of the body.
    /// </summary>
    public static async Task<(OrganisationRequestBody? Body, ProblemResult? Problem)> ReadAsync(
        HttpRequest request,
        IReadOnlyList<string> mediaTypes,
        IReadOnlyCollection<string> fields,
        IReadOnlyDictionary<string, string>? refused,
        CancellationToken cancellationToken)
    {
        if (!IsOneOf(request.ContentType, mediaTypes))
        {
            return (null, new ProblemResult(ApiProblems.Create(
                StatusCodes.Status415UnsupportedMediaType,
                "unsupported-media-type",
                "Mediatype niet ondersteund",
                $"Stuur de body als JSON in UTF-8 (Content-Type: {string.Join(" of ", mediaTypes)}), niet als '{request.ContentType}'.")));
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = 16 }, cancellationToken);
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line
                ? $" (regel {line + 1}, positie {exception.BytePositionInLine + 1})"
                : string.Empty;
            return (null, BadBody($"De body is geen geldige JSON{where}."));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, BadBody("De body moet een JSON-object zijn ({ ... })."));
            }

            var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!TryGetText(property, out var name))
                {
                    return (null, BadBody("De body bevat een veldnaam met ongeldige tekens."));
                }

                if (values.ContainsKey(name) || errors.ContainsKey(name))
                {
                    Add(errors, name, "Dit veld komt meer dan eens voor.");
                }
                else if (fields.Contains(name))
                {
                    if (property.Value.ValueKind == JsonValueKind.String && !TryGetText(property.Value, out _))
                    {
                        Add(errors, name, "De tekst bevat ongeldige tekens (stuurtekens of een losse surrogaat).");
                    }
                    else
                    {
                        values[name] = property.Value.Clone();
                    }
                }
                else if (refused is not null && refused.TryGetValue(name, out var message))
                {
                    Add(errors, name, message);
                }
                else
                {
                    var meant = fields.FirstOrDefault(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase));
                    Add(errors, Truncate(name), meant is null
                        ? $"Onbekend veld. Toegelaten: {string.Join(", ", fields)}."
                        : $"Onbekend veld: bedoelt u '{meant}'? Velden zijn hoofdlettergevoelig.");
                }
            }

            return (new OrganisationRequestBody(values, errors), null);
        }
    }

    /// <summary>
    /// A request without a body (no content at all), read as an empty object: for the endpoints whose body is optional.
    /// </summary>
    public static bool IsAbsent(HttpRequest request) =>
        request.ContentLength is 0
        || (request.ContentLength is null && request.ContentType is null && !request.Headers.ContainsKey(HeaderNames.TransferEncoding));

    public static OrganisationRequestBody Empty() => new(new(StringComparer.Ordinal), new(StringComparer.Ordinal));

    /// <summary>The problem with the fields taken so far (400, errors per field), or <c>null</c> when they are all right.</summary>
    public ProblemResult? Problem => _errors.Count == 0
        ? null
        : new ProblemResult(ApiProblems.Validation(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal)));

    /// <summary>Whether the body has <paramref name="field"/> (also when it is <c>null</c>).</summary>
    public bool Has(string field) => _fields.ContainsKey(field);

    /// <summary>The text of <paramref name="field"/>; <paramref name="absent"/> when the body does not have it; <c>null</c> for JSON null.</summary>
    public string? Text(string field, string? absent = null)
    {
        if (!_fields.TryGetValue(field, out var value))
        {
            return absent;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                return value.GetString();
            default:
                Add(_errors, field, $"Verwacht tekst (of null), niet {Describe(value)}.");
                return absent;
        }
    }

    /// <summary>The date (<c>yyyy-MM-dd</c>) of <paramref name="field"/>; <paramref name="absent"/> when the body does not have it.</summary>
    public DateOnly? Date(string field, DateOnly? absent = null)
    {
        if (!_fields.TryGetValue(field, out var value))
        {
            return absent;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && ApiQuery.TryParseDate(value.GetString(), out var date))
        {
            return date;
        }

        Add(_errors, field, $"Verwacht een datum als jjjj-mm-dd (bv. 2024-01-31) of null, niet {Describe(value)}.");
        return absent;
    }

    /// <summary>The article (<c>de</c> or <c>het</c>) of <paramref name="field"/>; <paramref name="absent"/> when the body does not have it.</summary>
    public Article? Article(string field, Article? absent = null)
    {
        if (!_fields.TryGetValue(field, out var value))
        {
            return absent;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (string.Equals(text, "de", StringComparison.OrdinalIgnoreCase))
        {
            return Domain.Organisations.Article.De;
        }

        if (string.Equals(text, "het", StringComparison.OrdinalIgnoreCase))
        {
            return Domain.Organisations.Article.Het;
        }

        Add(_errors, field, $"Verwacht 'de', 'het' of null, niet {Describe(value)}.");
        return absent;
    }

    /// <summary>Adds an error of the request (a field the body must have, a value that cannot be).</summary>
    public void Refuse(string field, string message) => Add(_errors, field, message);

    private static bool IsOneOf(string? contentType, IReadOnlyList<string> mediaTypes)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed))
        {
            return false;
        }

        // JSON is UTF-8 (RFC 8259); a charset parameter, if given, must say so.
        var charset = parsed.Charset;
        return mediaTypes.Contains(parsed.MediaType.Value, StringComparer.OrdinalIgnoreCase)
            && (StringSegment.IsNullOrEmpty(charset) || StringSegment.Equals(charset, "utf-8", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The text of a string value or a property name, when it is valid UTF-16 and <see cref="ValidationRules.IsCleanText"/>.</summary>
    private static bool TryGetText(JsonElement value, out string text)
    {
        try
        {
            text = value.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate ("\ud800") cannot become a .NET string.
            text = string.Empty;
            return false;
        }

        return ValidationRules.IsCleanText(text);
    }

    private static bool TryGetText(JsonProperty property, out string name)
    {
        try
        {
            name = property.Name;
        }
        catch (InvalidOperationException)
        {
            name = string.Empty;
            return false;
        }

        return ValidationRules.IsCleanText(name);
    }

    private static ProblemResult BadBody(string detail) =>
        new(ApiProblems.Create(StatusCodes.Status400BadRequest, "bad-request", "Ongeldige aanvraag", detail));

    private static void Add(Dictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
        {
            errors[field] = messages = [];
        }

        messages.Add(message);
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"'{Truncate(value.GetString() ?? string.Empty)}'", // checked by TryGetText when read
        JsonValueKind.Number => "een getal",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        JsonValueKind.Object => "een object",
        JsonValueKind.Array => "een lijst",
        _ => value.ValueKind.ToString(),
    };

    /// <summary>What a message repeats of the request stays short (a field name or value can be 60 KiB).</summary>
    private static string Truncate(string text) => text.Length <= 60 ? text : text[..60] + "…";
}

/// <summary>The query parameters of a list of the API, read as text and checked here so that a mistake names its parameter.</summary>
internal sealed class OrganisationListQuery
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    private OrganisationListQuery()
    {
    }

    public int Page { get; private set; } = 1;

    public int PageSize { get; private set; } = OrganisationSearch.DefaultPageSize;

    public DateOnly? ValidOn { get; private set; }

    /// <summary>400 with the wrong parameters, or <c>null</c>.</summary>
    public ProblemResult? Problem => _errors.Count == 0 ? null : new ProblemResult(ApiProblems.Validation(_errors));

    /// <param name="texts">Free text parameters by name (<c>q</c>, <c>domain</c>): they must be text the register can compare.</param>
    public static OrganisationListQuery Read(string? page, string? pageSize, string? validOn, params (string Name, string? Value)[] texts)
    {
        var query = new OrganisationListQuery();
        foreach (var (name, value) in texts)
        {
            if (value is not null && !ValidationRules.IsCleanText(value))
            {
                query._errors[name] = ["De tekst bevat ongeldige tekens (stuurtekens)."];
            }
        }

        // Page and size with the messages every list of the API gives (ApiQuery); all wrong parameters at once.
        if (ApiQuery.NumberError(page, "page", 1, int.MaxValue, 1, out var number) is { } pageError)
        {
            query._errors["page"] = [pageError];
        }

        if (ApiQuery.NumberError(pageSize, "pageSize", 1, OrganisationSearch.MaxPageSize, OrganisationSearch.DefaultPageSize, out var size) is { } sizeError)
        {
            query._errors["pageSize"] = [sizeError];
        }

        if (ApiQuery.DateError(validOn, out var date) is { } dateError)
        {
            query._errors["validOn"] = [dateError];
        }

        (query.Page, query.PageSize, query.ValidOn) = ((int)number, (int)size, date);

        // Page and size together must stay addressable: (page - 1) * pageSize rows are skipped.
        if (!query._errors.ContainsKey("page") && (long)(query.Page - 1) * query.PageSize > MaxSkipped)
        {
            query._errors["page"] = [$"Verwacht een paginanummer tot {(MaxSkipped / query.PageSize) + 1} bij deze paginagrootte."];
        }

        return query;
    }

    /// <summary>How many rows a page may skip: far beyond any list of the register, and clear of integer overflow.</summary>
    private const int MaxSkipped = 100_000_000;
}

internal static class OrganisationRequestBodyDocumentation
{
    /// <summary>
    /// Documents the JSON body of <typeparamref name="TRequest"/> in the OpenAPI document. Not with <c>Accepts</c>: that
    /// metadata also takes part in routing, and a request with another content type would then be routed to the API's
    /// catch-all (404) instead of reaching the endpoint, which answers 415.
    /// </summary>
    public static RouteHandlerBuilder WithJsonRequestBody<TRequest>(this RouteHandlerBuilder builder, params string[] mediaTypes) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(TRequest), null, cancellationToken);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = mediaTypes.ToDictionary(type => type, _ => new OpenApiMediaType { Schema = schema }),
            };
        });
}
