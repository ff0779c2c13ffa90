namespace OrganisationRegistry.Admin.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>
    /// What the API needs besides authentication (which <see cref="ApiAuthentication.AddRegistryApiAuthentication"/>
    /// adds with the rest of sign-in): its options, the development token issuer (also for the <c>dev-token</c>
    /// command), rate limiting, problem details and the OpenAPI document.
    /// </summary>
    public static IServiceCollection AddRegistryApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ApiOptions>(configuration.GetSection(ApiOptions.SectionName));
        services.AddSingleton<DevelopmentTokenIssuer>();
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));
        services.AddApiRateLimiting(configuration);
        services.AddApiDocumentation();
        return services;
    }
}
