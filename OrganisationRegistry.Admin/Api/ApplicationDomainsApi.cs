using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrganisationRegistry.Admin.Components.Shared;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Admin.Api;

/// <summary>
/// The API's <c>/application-domains</c>: the domains with their categories and stewards, the organisations
/// assigned to a domain on a date, the counts per category on a date (<c>report</c>) and what changed between two dates
/// (<c>changes</c>; not the audit feed <c>/api/v1/changes</c>), as the pages and the CSV downloads show them, through
/// <see cref="ApplicationDomainQueries"/>; and many organisations assigned at once (<c>assignments/bulk</c>), all or
/// nothing, through <see cref="AssignmentService"/> as the bulk page does.
/// </summary>
public static class ApplicationDomainsApi
{
    private const string Tag = "Toepassingsgebieden";

    /// <summary>The largest page number whose rows can still be counted in an <c>int</c> (no overflow, no fault).</summary>
    private const int MaxPage = int.MaxValue / DomainMemberSearch.MaxPageSize;

    /// <summary>The problem type of a bulk assignment refused because some organisations conflict (nothing written).</summary>
    public const string BulkConflictCode = "bulk-conflict";

    private static readonly ApiFieldNames BulkFields = new(new Dictionary<string, string>
    {
        [nameof(BulkAssignToDomain.OvoCodes)] = "organisations",
        [nameof(BulkAssignToDomain.DomainCode)] = "code",
        [nameof(BulkAssignToDomain.CategoryCode)] = "category",
        [nameof(BulkAssignToDomain.ParentOvoCode)] = "parentOvo",
    });

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

        domains.MapGet("/{code}/report", ReportAsync)
            .WithName("GetApplicationDomainReport")
            .WithSummary("Hoeveel organisaties op een datum onder een toepassingsgebied vallen, per categorie en in totaal.")
            .WithDescription(
                "on (jjjj-mm-dd, standaard vandaag): de datum; een toewijzing die die dag eindigt, telt nog mee. Alle actieve "
                + "categorieën staan erin (ook met 0), niet-actieve alleen zolang ze organisaties hebben. De organisaties zelf: "
                + "GET /api/v1/application-domains/{code}/assignments?validOn={on}&category={categorie}.")
            .Produces<ApiDomainReport>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        domains.MapGet("/{code}/changes", ChangesAsync)
            .WithName("ListApplicationDomainChanges")
            .WithSummary("Wat er in een toepassingsgebied veranderde tussen twee datums: toegetreden, uitgetreden, andere categorie.")
            .WithDescription(
                "from en to (jjjj-mm-dd, verplicht, from ≤ to): alleen de toestand op die twee dagen telt; een toewijzing die "
                + "na from begon en voor to eindigde, is geen wijziging. kind (entered, left, moved) beperkt de rijen, niet de "
                + "tellingen. Niet te verwarren met de wijzigingenstroom GET /api/v1/changes (het audit-spoor).")
            .Produces<ApiDomainChanges>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        domains.MapPost("/{code}/assignments/bulk", BulkAssignAsync)
            .WithName("BulkAssignToApplicationDomain")
            .WithSummary("Wijs meerdere organisaties tegelijk toe aan een toepassingsgebied, allemaal of geen enkele (enkel de beheerder van dat toepassingsgebied).")
            .WithDescription(
                "Eén categorie, periode, optionele moederorganisatie en opmerking voor 1 tot " + BulkAssignToDomain.MaxOrganisations + " organisaties "
                + "(OVO-codes). 200: alle toewijzingen zijn opgeslagen, het verslag geeft per organisatie de id van de nieuwe toewijzing. "
                + "Geeft één organisatie een conflict (overlap, cyclus, dubbel in de lijst, onbekend, ...), dan wordt niets opgeslagen: 409 "
                + "bulk-conflict met het verslag per organisatie in rows. dryRun: true schrijft niets en geeft het verslag (200, applied: false), "
                + "ook met conflicten. Alle toewijzingen van één aanvraag delen in de audit trail één correlatie-id.")
            .WithMetadata(BulkFields)
            .Accepts<BulkAssignmentRequest>("application/json")
            .Produces<ApiBulkAssignmentReport>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        return api;
    }

    /// <summary>
    /// All or nothing: <see cref="AssignmentService.ApplyBulkAsync"/> checks every organisation again under the domain's
    /// lock and writes nothing when one conflicts (409 with the rows); a dry run only previews (200 with the rows).
    /// </summary>
    private static async Task<Results<Ok<ApiBulkAssignmentReport>, ProblemResult>> BulkAssignAsync(
        string code,
        BulkAssignmentRequest request,
        HttpContext context,
        AssignmentService service,
        AssignmentEditQueries assignments,
        CancellationToken cancellationToken)
    {
        var domain = (await assignments.DomainsAsync(cancellationToken)).FirstOrDefault(d => d.Code == code);
        if (domain is null)
        {
            return UnknownDomain(code);
        }

        var command = new BulkAssignToDomain(
            [.. (request.Organisations ?? []).Select(o => o ?? string.Empty)],
            domain.Code,
            request.Category ?? string.Empty,
            request.ValidFrom,
            request.ValidTo,
            request.ParentOvo,
            request.Remark);
        var user = RegistryUser.FromPrincipal(context.User);
        var dryRun = request.DryRun == true;
        BulkAssignmentReport report;
        try
        {
            report = dryRun
                ? await service.PreviewBulkAsync(user, command, cancellationToken)
                : await service.ApplyBulkAsync(user, command, cancellationToken);
        }
        catch (DomainRuleException rule) when (rule.Code == RuleCodes.NotFound)
        {
            // The domain exists: what the body names does not, the category or else the parent.
            var field = domain.Categories.Any(c => string.Equals(c.Code, command.CategoryCode.Trim(), StringComparison.OrdinalIgnoreCase)) ? "parentOvo" : "category";
            return new ProblemResult(ApiProblems.Validation(field, rule.Message));
        }

        var rows = report.Rows
            .Select(r => new ApiBulkAssignmentRow(r.OvoCode, r.OrganisationName, r.IsOk, r.ErrorCode, r.Message, report.Applied ? r.AssignmentId : null))
            .ToList();
        var answer = new ApiBulkAssignmentReport(
            domain.Code, command.CategoryCode.Trim(), command.ValidFrom, command.ValidTo, dryRun, report.Applied, rows.Count, report.Conflicts, rows);
        if (dryRun || report.Applied)
        {
            return TypedResults.Ok(answer);
        }

        var first = report.Rows.First(r => !r.IsOk);
        var problem = ApiProblems.Create(
            StatusCodes.Status409Conflict,
            BulkConflictCode,
            "In strijd met een regel van het register",
            $"Er werd niets opgeslagen: {report.Conflicts} van {rows.Count} organisaties kunnen niet toegewezen worden, bv. {first.OvoCode}: {first.Message}");
        problem.Extensions["conflicts"] = report.Conflicts;
        problem.Extensions["rows"] = rows;
        return new ProblemResult(problem);
    }

    private static async Task<Results<Ok<ApiDomainReport>, ProblemResult>> ReportAsync(
        string code,
        [FromQuery] string? on,
        ApplicationDomainQueries queries,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!ApiQuery.TryDate(on, "on", out var date, out var problem))
        {
            return problem!;
        }

        var report = await queries.ReportAsync(code, date ?? RegistryDates.Today(clock), cancellationToken);
        if (report is null)
        {
            return UnknownDomain(code);
        }

        return TypedResults.Ok(new ApiDomainReport(
            report.DomainCode,
            report.On,
            report.Total,
            [.. report.Categories.Select(c => new ApiDomainCategoryCount(c.Code, c.Name, c.IsActive, c.Count))]));
    }

    private static async Task<Results<Ok<ApiDomainChanges>, ProblemResult>> ChangesAsync(
        string code,
        [FromQuery] string? from,
        [FromQuery] string? to,
        [FromQuery] string? kind,
        [FromQuery] string? page,
        [FromQuery] string? pageSize,
        ApplicationDomainQueries queries,
        CancellationToken cancellationToken)
    {
        if (!ApiQuery.TryDate(from, "from", out var first, out var problem)
            || !ApiQuery.TryDate(to, "to", out var last, out problem)
            || !ApiQuery.TryNumber(page, "page", 1, MaxPage, 1, out var pageNumber, out problem)
            || !ApiQuery.TryNumber(pageSize, "pageSize", 1, DomainMemberSearch.MaxPageSize, DomainMemberSearch.DefaultPageSize, out var size, out problem))
        {
            return problem!;
        }

        var missing = new Dictionary<string, string[]>();
        if (first is null)
        {
            missing["from"] = ["from is verplicht (jjjj-mm-dd, bv. 2025-01-01)."];
        }

        if (last is null)
        {
            missing["to"] = ["to is verplicht (jjjj-mm-dd, bv. 2025-12-31)."];
        }

        if (missing.Count > 0)
        {
            return new ProblemResult(ApiProblems.Validation(missing));
        }

        DomainChangeKind? changeKind = null;
        if (!string.IsNullOrWhiteSpace(kind) && (changeKind = DomainChangeKinds.FromCode(kind)) is null)
        {
            return new ProblemResult(ApiProblems.Validation("kind", $"'{kind}' is geen soort wijziging; gebruik entered, left of moved."));
        }

        // A period the wrong way round: the queries refuse it (ValidationException, field "to"), the filter makes it a 400.
        var filter = new DomainChangesFilter(first!.Value, last!.Value, changeKind);
        var summary = await queries.SummariseChangesAsync(code, filter, cancellationToken);
        if (summary is null)
        {
            return UnknownDomain(code);
        }

        var result = await queries.SearchChangesAsync(code, new DomainChangesSearch(filter, (int)pageNumber, (int)size), cancellationToken);
        return TypedResults.Ok(new ApiDomainChanges(
            summary.DomainCode,
            summary.From,
            summary.To,
            new ApiDomainChangeCounts(summary.Entered, summary.Left, summary.Moved, summary.Total),
            [.. summary.Categories.Select(c => new ApiDomainCategoryChanges(c.Code, c.Name, c.IsActive, c.Entered, c.Left, c.MovedIn, c.MovedOut))],
            [
                .. result.Items.Select(c => new ApiDomainChange(
                    DomainChangeKinds.Code(c.Kind),
                    c.OvoCode.Value,
                    c.Name,
                    Side(c.Before),
                    Side(c.After))),
            ],
            result.Page,
            result.PageSize,
            result.TotalCount));
    }

    private static ApiDomainChangeSide? Side(DomainChangeSide? side) =>
        side is null ? null : new ApiDomainChangeSide(side.CategoryCode, side.ValidFrom, side.ValidTo);

    private static ProblemResult UnknownDomain(string code) =>
        new(ApiProblems.NotFound($"Het toepassingsgebied '{code}' bestaat niet."));

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
            return UnknownDomain(code);
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
