namespace OrganisationRegistry.Admin.Api;

/// <summary>The API's /application-domains (helper: assignments).</summary>
public static class ApplicationDomainsApi
{
    public static RouteGroupBuilder MapApplicationDomainsApi(this RouteGroupBuilder api) => api;
}
