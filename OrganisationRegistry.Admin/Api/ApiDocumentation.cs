namespace OrganisationRegistry.Admin.Api;

/// <summary>The OpenAPI document of the API (<c>/openapi/v1.json</c>) and its reference (<c>/scalar</c>) (helper: cross-cutting).</summary>
public static class ApiDocumentation
{
    public static IServiceCollection AddApiDocumentation(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapApiDocumentation(this IEndpointRouteBuilder endpoints) => endpoints;
}
