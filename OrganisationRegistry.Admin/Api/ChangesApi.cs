namespace OrganisationRegistry.Admin.Api;

/// <summary>The API's /changes (helper: assignments).</summary>
public static class ChangesApi
{
    public static RouteGroupBuilder MapChangesApi(this RouteGroupBuilder api) => api;
}
