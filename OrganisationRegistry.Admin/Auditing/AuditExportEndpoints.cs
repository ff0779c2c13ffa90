using Microsoft.AspNetCore.Http.HttpResults;
using OrganisationRegistry.Admin.Components.Shared;
using OrganisationRegistry.Domain.Auditing;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Admin.Auditing;

/// <summary>
/// GET <c>/audit/export.csv?van=...&amp;tot=...&amp;...</c> (the review's filters, <see cref="AuditFilterQuery"/>): the
/// entries that match, oldest first, as CSV streamed row by row from the database, with the same access and masking
/// as the page. Mapped by <c>app.MapAuditExport()</c> in Program.cs.
/// </summary>
public static class AuditExportEndpoints
{
    public static IEndpointRouteBuilder MapAuditExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(AuditFilterQuery.ExportPath, ExportAsync).WithName("AuditExport");
        return endpoints;
    }

    internal static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> ExportAsync(
        HttpContext http, AuditQueries queries, TimeProvider clock, CancellationToken cancellationToken)
    {
        var user = RegistryUser.FromPrincipal(http.User);
        if (!(await queries.AccessAsync(user, cancellationToken)).Any)
        {
            // Not Forbid(): it needs an authentication scheme, and the answer is the same with or without one.
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Geen toegang",
                detail: "Alleen centrale beheerders, en domeinexperts voor hun toepassingsgebied, mogen de auditgegevens bekijken.");
        }

        var filter = AuditFilterQuery.Read(name => http.Request.Query[name].FirstOrDefault());
        return TypedResults.Stream(
            stream => queries.WriteCsvAsync(user, filter, stream, cancellationToken),
            "text/csv; charset=utf-8",
            $"audit-{RegistryDates.ToQuery(RegistryDates.Today(clock))}.csv");
    }
}
