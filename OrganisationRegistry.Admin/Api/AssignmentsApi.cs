namespace OrganisationRegistry.Admin.Api;

/// <summary>The API's /organisations/{ovo}/assignments (helper: assignments).</summary>
public static class AssignmentsApi
{
    public static RouteGroupBuilder MapAssignmentsApi(this RouteGroupBuilder api) => api;
}
