using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrganisationRegistry.Admin.Components.Shared;
using OrganisationRegistry.Domain.ApplicationDomains;

namespace OrganisationRegistry.Admin.Api;

/// <summary>
/// The API's <c>/application-domains</c>: the domains with their categories and stewards, and the organisations
/// assigned to a domain on a date (as the pages and the CSV export show them, through <see cref="ApplicationDomainQueries"/>).
/// </summary>
public static class ApplicationDomainsApi
{
    private const string Tag = "Toepassingsgebieden";

    /// <summary>The largest page number whose rows can still be counted in an <c>int</c> (no overflow, no fault).</summary>
    private const int MaxPage = int.MaxValue / DomainMemberSearch.MaxPageSize;

    public static RouteGroupBuilder MapApplicationDomainsApi(this RouteGroupBuilder api)
    {
        var domains = api.MapGroup("/application-domains").WithTags(Tag);

        domains.MapGet("/", ListAsync)
            .WithName("ListApplicationDomains")
            .WithSummary("De toepassingsgebieden met hun categorieën en beheerders.")
            .Produces<IReadOnlyList<ApiApplicationDomain>>();

        domains.MapGet("/{code}/assignments", MembersAsync)
            .WithName("ListApplicationDomainMembers")
            .WithSummary("De organisaties toegewezen aan een toepassingsgebied op validOn (standaard vandaag), per pagina, op naam.")
            .Produces<ApiPage<ApiDomainMember>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }

    private static async Task<Ok<IReadOnlyList<ApiApplicationDomain>>> ListAsync(
        ApplicationDomainQueries queries, TimeProvider clock, CancellationToken cancellationToken)
    {
        var domains = await queries.ListAsync(RegistryDates.Today(clock), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ApiApplicationDomain>>(
        [
            .. domains.Select(d => new ApiApplicationDomain(
                d.Code,
                d.Name,
                d.Description,
                d.LegalReference,
                [.. d.Categories.Select(c => new ApiDomainCategory(c.Code, c.Name, c.IsActive))],
                [.. d.Stewards.Select(s => new ApiDomainSteward(s.OvoCode.Value, s.Name))])),
        ]);
    }

    private static async Task<Results<Ok<ApiPage<ApiDomainMember>>, ProblemResult>> MembersAsync(
        string code,
        [FromQuery] string? validOn,
        [FromQuery] string? category,
        [FromQuery] string? page,
        [FromQuery] string? pageSize,
        ApplicationDomainQueries queries,
        AssignmentEditQueries assignments,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!ApiQuery.TryDate(validOn, "validOn", out var date, out var problem)
            || !ApiQuery.TryNumber(page, "page", 1, MaxPage, 1, out var pageNumber, out problem)
            || !ApiQuery.TryNumber(pageSize, "pageSize", 1, DomainMemberSearch.MaxPageSize, DomainMemberSearch.DefaultPageSize, out var size, out problem))
        {
            return problem!;
        }

        var domain = (await assignments.DomainsAsync(cancellationToken)).FirstOrDefault(d => d.Code == code);
        if (domain is null)
        {
            return new ProblemResult(ApiProblems.NotFound($"Het toepassingsgebied '{code}' bestaat niet."));
        }

        if (!string.IsNullOrWhiteSpace(category) && !domain.Categories.Any(c => c.Code == category.Trim()))
        {
            return new ProblemResult(ApiProblems.Validation("category", $"Het toepassingsgebied '{domain.Code}' heeft geen categorie '{category.Trim()}'."));
        }

        var on = date ?? RegistryDates.Today(clock);
        var result = await queries.SearchMembersAsync(
            domain.Code,
            new DomainMemberSearch(new DomainMemberFilter(on, category), DomainMemberSort.Name, Descending: false, (int)pageNumber, (int)size),
            cancellationToken);
        var ids = await assignments.MemberAssignmentIdsAsync(domain.Code, [.. result.Items.Select(m => m.OvoCode)], on, cancellationToken);
        return TypedResults.Ok(new ApiPage<ApiDomainMember>(
            [
                .. result.Items.Select(m => new ApiDomainMember(
                    ids.TryGetValue(m.OvoCode, out var id) ? id : null,
                    m.OvoCode.Value,
                    m.Name,
                    m.CategoryCode,
                    m.ValidFrom,
                    m.ValidTo,
                    m.ParentOvoCode?.Value)),
            ],
            result.Page,
            result.PageSize,
            result.TotalCount));
    }
}
