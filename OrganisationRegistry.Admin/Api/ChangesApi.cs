using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrganisationRegistry.Domain.Auditing;

namespace OrganisationRegistry.Admin.Api;

/// <summary>
/// The API's <c>/changes</c>: the change feed for systems that keep a copy of the register, read from the audit trail
/// by <see cref="ChangeFeedQueries"/>. Poll with <c>after</c> = the <c>lastPosition</c> of the previous answer: a later
/// position never becomes visible before an earlier one, so nothing is missed. No data about who made a change.
/// </summary>
public static class ChangesApi
{
    public static RouteGroupBuilder MapChangesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/changes", ListAsync)
            .WithName("ListChanges")
            .WithTags("Wijzigingen")
            .WithSummary("De wijzigingen aan organisaties na positie after, in volgorde (hoogstens limit, standaard 100, max 1000).")
            .Produces<ApiChangePage>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    private static async Task<Results<Ok<ApiChangePage>, ProblemResult>> ListAsync(
        [FromQuery] string? after,
        [FromQuery] string? limit,
        ChangeFeedQueries changes,
        CancellationToken cancellationToken)
    {
        if (!ApiQuery.TryNumber(after, "after", 0, long.MaxValue, 0, out var position, out var problem)
            || !ApiQuery.TryNumber(limit, "limit", 1, ChangeFeedQueries.MaxLimit, ChangeFeedQueries.DefaultLimit, out var size, out problem))
        {
            return problem!;
        }

        var items = await changes.AfterAsync(position, (int)size, cancellationToken);
        var last = items.Count > 0 ? items[^1].Position : position;
        return TypedResults.Ok(new ApiChangePage(
            [.. items.Select(ApiChange.From)],
            last,
            string.Create(CultureInfo.InvariantCulture, $"{ApiEndpoints.Prefix}/changes?after={last}&limit={size}")));
    }
}
