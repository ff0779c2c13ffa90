using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Net.Http.Headers;

namespace OrganisationRegistry.Admin.Api;

/// <summary>
/// The API's catch-all (<c>/api/v1/{**path}</c>, any method): the problem for a request that no endpoint of the API
/// took. The catch-all keeps such requests away from the pages (their "not found" page, their sign-in redirect), but as
/// a routing candidate for every method and content type it also hides routing's own 405 and 415; so it works them out
/// again from the API's endpoints: 405 (with <c>Allow</c>) when the address exists for other methods, 415 when it
/// exists for this method with another content type, else 404.
/// </summary>
public static class ApiFallback
{
    public const string Pattern = "/{**path}";

    public static RouteHandlerBuilder MapApiFallback(this RouteGroupBuilder api) =>
        api.Map(Pattern, Answer)
            .WithMetadata(new ApiFallbackMetadata())
            .ExcludeFromDescription();

    private static ProblemResult Answer(HttpContext context, EndpointDataSource endpoints, IInlineConstraintResolver constraints)
    {
        var path = context.Request.Path;
        var atThisAddress = endpoints.Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<ApiFallbackMetadata>() is null
                && endpoint.RoutePattern.RawText?.StartsWith(ApiEndpoints.Prefix, StringComparison.OrdinalIgnoreCase) == true
                && Matches(endpoint.RoutePattern, path, context, constraints))
            .ToList();
        if (atThisAddress.Count == 0)
        {
            return new ProblemResult(ApiProblems.ForStatus(StatusCodes.Status404NotFound));
        }

        var method = context.Request.Method;
        var forThisMethod = atThisAddress.Where(endpoint => AllowsMethod(endpoint, method)).ToList();
        if (forThisMethod.Count == 0)
        {
            context.Response.Headers.Allow = string.Join(", ", atThisAddress
                .SelectMany(endpoint => endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Order(StringComparer.Ordinal));
            return new ProblemResult(ApiProblems.ForStatus(StatusCodes.Status405MethodNotAllowed));
        }

        return forThisMethod.Any(endpoint => !AcceptsContentType(endpoint, context.Request.ContentType))
            ? new ProblemResult(ApiProblems.ForStatus(StatusCodes.Status415UnsupportedMediaType))
            : new ProblemResult(ApiProblems.ForStatus(StatusCodes.Status404NotFound));
    }

    /// <summary>Whether the pattern matches the path, its parameters' constraints included (<c>{id:guid}</c>).</summary>
    private static bool Matches(RoutePattern pattern, PathString path, HttpContext context, IInlineConstraintResolver constraints)
    {
        var values = new RouteValueDictionary();
        if (!new TemplateMatcher(new RouteTemplate(pattern), new RouteValueDictionary(pattern.Defaults)).TryMatch(path, values))
        {
            return false;
        }

        foreach (var parameter in pattern.Parameters)
        {
            foreach (var reference in parameter.ParameterPolicies)
            {
                var constraint = reference.ParameterPolicy as IRouteConstraint
                    ?? (reference.Content is { } content ? constraints.ResolveConstraint(content) : null);
                if (constraint is not null && values.ContainsKey(parameter.Name)
                    && !constraint.Match(context, null, parameter.Name, values, RouteDirection.IncomingRequest))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool AllowsMethod(Endpoint endpoint, string method) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods
        || methods.HttpMethods.Count == 0
        || methods.HttpMethods.Contains(method, StringComparer.OrdinalIgnoreCase);

    private static bool AcceptsContentType(Endpoint endpoint, string? contentType)
    {
        if (endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is not { ContentTypes.Count: > 0 } accepts)
        {
            return true;
        }

        if (string.IsNullOrEmpty(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var sent))
        {
            return accepts.IsOptional;
        }

        return accepts.ContentTypes.Any(accepted => MediaTypeHeaderValue.TryParse(accepted, out var type) && sent.IsSubsetOf(type));
    }

    /// <summary>Marks the catch-all, so that it does not count itself as an endpoint at the address.</summary>
    private sealed class ApiFallbackMetadata;
}
