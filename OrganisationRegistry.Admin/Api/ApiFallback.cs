using Microsoft.AspNetCore.Routing.Template;

namespace OrganisationRegistry.Admin.Api;

/// <summary>
/// What the API answers when no endpoint took a request: 405 (with <c>Allow</c>) when the address exists for other
/// methods, 415 when it exists for this method but the body's content type is not JSON, else 404.
/// </summary>
internal static class ApiFallback
{
    public static IResult Answer(HttpContext context, EndpointDataSource endpoints)
    {
        var path = context.Request.Path;
        var methods = endpoints.Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith(ApiEndpoints.Prefix, StringComparison.Ordinal) && !raw.Contains("{**", StringComparison.Ordinal))
            .Where(e => new TemplateMatcher(TemplateParser.Parse(e.RoutePattern.RawText!), []).TryMatch(path, []))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (methods.Count == 0)
        {
            return new ProblemResult(ApiProblems.ForStatus(StatusCodes.Status404NotFound));
        }

        if (!methods.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase))
        {
            context.Response.Headers.Allow = string.Join(", ", methods.Order(StringComparer.Ordinal));
            return new ProblemResult(ApiProblems.ForStatus(StatusCodes.Status405MethodNotAllowed));
        }

        return new ProblemResult(ApiProblems.ForStatus(StatusCodes.Status415UnsupportedMediaType));
    }
}
