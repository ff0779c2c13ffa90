using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Admin.Api;

/// <summary>
/// The errors of the API as RFC 9457 problem details. <c>type</c> is <see cref="TypePrefix"/> plus a stable code
/// (<c>overlap</c>, <c>cycle</c>, <c>duplicate</c>, <c>validation</c>, <c>forbidden</c>, ...); <c>title</c> and
/// <c>detail</c> are Dutch and meant for people; extensions carry what a machine needs (<c>errors</c> per field,
/// the missing <c>right</c>, the <c>currentVersion</c>). Never a stack trace.
/// </summary>
public static class ApiProblems
{
    public const string TypePrefix = "urn:organisation-registry:problem:";
    public const string ContentType = "application/problem+json";

    public static ProblemDetails Create(int status, string code, string title, string? detail = null) => new()
    {
        Status = status,
        Type = TypePrefix + code,
        Title = title,
        Detail = detail,
    };

    public static ProblemDetails Unauthorized(string detail) =>
        Create(StatusCodes.Status401Unauthorized, "unauthorized", "Niet aangemeld", detail);

    /// <param name="right">The missing right, as its policy name (<see cref="RegistryPolicies"/>).</param>
    public static ProblemDetails Forbidden(string right, string detail)
    {
        var problem = Create(StatusCodes.Status403Forbidden, "forbidden", "Geen recht", detail);
        problem.Extensions["right"] = right;
        return problem;
    }

    public static ProblemDetails NotFound(string detail) =>
        Create(StatusCodes.Status404NotFound, RuleCodes.NotFound, "Niet gevonden", detail);

    /// <summary>400 with the messages per field of the request (camelCase, as in the JSON body or query).</summary>
    public static ProblemDetails Validation(IDictionary<string, string[]> errors, string? detail = null)
    {
        var problem = Create(
            StatusCodes.Status400BadRequest,
            "validation",
            "De aanvraag bevat ongeldige gegevens",
            detail ?? string.Join(" ", errors.SelectMany(e => e.Value)));
        problem.Extensions["errors"] = errors;
        return problem;
    }

    public static ProblemDetails Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>A rule of the register: 404 for something that does not exist, 409 for a conflict (overlap, cycle, duplicate, ...).</summary>
    public static ProblemDetails Rule(DomainRuleException rule) => rule.Code == RuleCodes.NotFound
        ? NotFound(rule.Message)
        : Create(StatusCodes.Status409Conflict, rule.Code, "In strijd met een regel van het register", rule.Message);

    /// <summary>412 when the request said which version it changes (If-Match), 409 otherwise.</summary>
    public static ProblemDetails Concurrency(ConcurrencyConflictException conflict, bool preconditionGiven)
    {
        var problem = Create(
            preconditionGiven ? StatusCodes.Status412PreconditionFailed : StatusCodes.Status409Conflict,
            ConcurrencyConflictException.Code,
            "Intussen gewijzigd",
            conflict.Message);
        problem.Extensions["currentVersion"] = conflict.CurrentVersion;
        return problem;
    }

    public static ProblemDetails PreconditionRequired(string detail) =>
        Create(StatusCodes.Status428PreconditionRequired, "precondition-required", "If-Match ontbreekt", detail);

    public static ProblemDetails ServerError() =>
        Create(StatusCodes.Status500InternalServerError, "server-error", "Interne fout", "Er liep iets mis in het register. Er werd niets opgeslagen; probeer later opnieuw.");

    /// <summary>For an answer without a body (404 of an unknown address, 405, 415, ...): a problem with a generic text.</summary>
    public static ProblemDetails ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => Create(status, "bad-request", "Ongeldige aanvraag", "De aanvraag kon niet gelezen worden: controleer de JSON, de types en de parameters."),
        StatusCodes.Status401Unauthorized => Unauthorized("Deze aanvraag heeft een geldig toegangstoken nodig (Authorization: Bearer ...)."),
        StatusCodes.Status404NotFound => NotFound("Dit adres bestaat niet in de API."),
        StatusCodes.Status405MethodNotAllowed => Create(status, "method-not-allowed", "Methode niet toegelaten", "Dit adres kent deze HTTP-methode niet."),
        StatusCodes.Status406NotAcceptable => Create(status, "not-acceptable", "Niet aanvaardbaar", "De API antwoordt in JSON (application/json)."),
        StatusCodes.Status413PayloadTooLarge => Create(status, "payload-too-large", "Aanvraag te groot", "De body van de aanvraag is groter dan de API toelaat."),
        StatusCodes.Status415UnsupportedMediaType => Create(status, "unsupported-media-type", "Mediatype niet ondersteund", "Stuur de body als JSON (Content-Type: application/json)."),
        StatusCodes.Status429TooManyRequests => Create(status, "too-many-requests", "Te veel aanvragen", "Deze client stuurde te veel aanvragen; probeer opnieuw na het aantal seconden in Retry-After."),
        >= 500 => ServerError(),
        _ => Create(status, "error", "Fout", null),
    };

    /// <summary>The problem for an exception of the services (<c>null</c> for anything else: a real fault).</summary>
    public static ProblemDetails? FromException(Exception exception, HttpContext context, IReadOnlyDictionary<string, string>? fieldNames = null) => exception switch
    {
        ValidationException validation => Validation(ErrorsOf(validation, fieldNames)),
        ForbiddenException forbidden => Forbidden(forbidden.Code, forbidden.Message),
        DomainRuleException rule => Rule(rule),
        ConcurrencyConflictException conflict => Concurrency(conflict, context.Request.Headers.IfMatch.Count > 0),
        _ => null,
    };

    public static async Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        problem.Status ??= StatusCodes.Status500InternalServerError;
        problem.Instance ??= context.Request.Path;
        problem.Extensions["traceId"] = System.Diagnostics.Activity.Current?.TraceId.ToHexString() ?? context.TraceIdentifier;
        context.Response.StatusCode = problem.Status.Value;
        await context.Response.WriteAsJsonAsync(problem, ApiJson.Options, ContentType, context.RequestAborted);
    }

    private static Dictionary<string, string[]> ErrorsOf(ValidationException validation, IReadOnlyDictionary<string, string>? fieldNames) =>
        validation.Errors
            .GroupBy(e => FieldName(e.PropertyName, fieldNames))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());

    /// <summary>The field as the request names it: mapped when the endpoint says so, else the command's property in camelCase.</summary>
    private static string FieldName(string property, IReadOnlyDictionary<string, string>? fieldNames) =>
        fieldNames is not null && fieldNames.TryGetValue(property, out var name) ? name
        : string.IsNullOrEmpty(property) ? string.Empty
        : JsonNamingPolicy.CamelCase.ConvertName(property);
}
