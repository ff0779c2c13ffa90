using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Admin.Api;

/// <summary>
/// The EDIT API under <see cref="Prefix"/>: machine clients with bearer tokens only (never the session cookie, so no
/// cross-site requests), rate limited per client, every error a problem (<see cref="ApiProblems"/>). Each resource maps
/// its own endpoints (<see cref="OrganisationsApi"/>, ...) onto the group; they call the same services as the pages.
/// </summary>
public static class ApiEndpoints
{
    public const string Prefix = "/api/v1";

    /// <summary>Bearer tokens of registered clients with access (at least one scope).</summary>
    public static AuthorizationPolicy ClientPolicy { get; } = new AuthorizationPolicyBuilder(ApiAuthentication.Scheme)
        .RequireAuthenticatedUser()
        .AddRequirements(new RegistryRightRequirement(RegistryRight.Read))
        .Build();

    public static bool IsApiRequest(HttpContext context) => context.Request.Path.StartsWithSegments(Prefix);

    /// <summary>
    /// For requests of the API: a fault becomes a 500 problem without details, and an answer without a body (an unknown
    /// address, a wrong method or content type, a body that cannot be read) becomes a problem too; a body announced over
    /// the limit is refused at once (<see cref="ApiBodyLimit"/>). Call before routing
    /// runs the endpoints, after the pages' own status code handling (whose re-execution then sees a body and stays out).
    /// </summary>
    public static IApplicationBuilder UseRegistryApiProblems(this IApplicationBuilder app) =>
        app.UseWhen(IsApiRequest, api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandler = context =>
                {
                    var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
                    var problem = exception is BadHttpRequestException bad
                        ? ApiProblems.ForStatus(bad.StatusCode)
                        : ApiProblems.ServerError();
                    return ApiProblems.WriteAsync(context, problem);
                },
            });
            api.UseStatusCodePages(context => ApiProblems.WriteAsync(context.HttpContext, ApiProblems.ForStatus(context.HttpContext.Response.StatusCode)));
            api.UseApiBodyLimit();
        });

    public static IEndpointRouteBuilder MapRegistryApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapRegistryApiGroup();

        api.MapGet("/me", (HttpContext context) =>
        {
            var user = RegistryUser.FromPrincipal(context.User);
            return TypedResults.Ok(new ApiClientInfo(
                user.SubjectId,
                user.DisplayName,
                user.OrganisationOvoCode?.Value,
                [.. user.Roles.Order(StringComparer.Ordinal)]));
        })
            .WithName("GetMe")
            .WithTags("Client")
            .WithSummary("Wie ben ik: de client van het token, zijn organisatie en zijn rollen.");

        // Any other request under the API: a problem, not the pages' "not found" page. Routing also lands here when an
        // address exists but not for this method (405) or this content type (415), so the answer says which.
        api.MapApiFallback();

        api.MapOrganisationsApi();
        api.MapAssignmentsApi();
        api.MapApplicationDomainsApi();
        api.MapChangesApi();
        return endpoints;
    }

    /// <summary>
    /// The group <see cref="Prefix"/> with what all its endpoints share, without endpoints: who may call, how often,
    /// idempotent POSTs, problems for what the services throw, the size limit, and the problems every endpoint can answer.
    /// </summary>
    public static RouteGroupBuilder MapRegistryApiGroup(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup(Prefix)
            .RequireAuthorization(ClientPolicy)
            .RequireRateLimiting(ApiRateLimiting.PolicyName)
            // Before (outside) the exception filter: it keeps the final answer of a POST, problems included.
            .WithIdempotency()
            .AddEndpointFilter<ApiExceptionFilter>()
            .WithRequestSizeLimit()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status500InternalServerError);

    /// <summary>Request bodies of the API are small JSON documents: anything larger is refused with 413.</summary>
    private static RouteGroupBuilder WithRequestSizeLimit(this RouteGroupBuilder group) =>
        group.WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(ApiRequestLimits.MaxBodyBytes));
}

/// <summary>The client a token stands for, as the register sees it.</summary>
public sealed record ApiClientInfo(string ClientId, string Name, string? Organisation, IReadOnlyList<string> Roles);

public static class ApiRequestLimits
{
    /// <summary>64 KiB: far more than any single write needs.</summary>
    public const long MaxBodyBytes = 64 * 1024;
}
