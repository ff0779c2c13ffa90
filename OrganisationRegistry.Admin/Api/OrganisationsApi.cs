namespace OrganisationRegistry.Admin.Api;

/// <summary>The API's /organisations, /organisations/{ovo}, keys (helper: organisations).</summary>
public static class OrganisationsApi
{
    public static RouteGroupBuilder MapOrganisationsApi(this RouteGroupBuilder api) => api;
}
