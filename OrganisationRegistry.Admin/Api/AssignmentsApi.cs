using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Admin.Api;

/// <summary>
/// The API's <c>/organisations/{ovo}/assignments</c>: an organisation's assignments to application domains, read,
/// assigned, changed, ended and corrected through <see cref="AssignmentService"/> (which validates, checks the
/// client's right on the domain and audits). Changing needs <c>If-Match</c>; ending and correcting take it when given.
/// </summary>
public static class AssignmentsApi
{
    private const string Tag = "Toewijzingen";

    private static readonly ApiFieldNames AssignFields = new(new Dictionary<string, string>
    {
        [nameof(AssignToDomain.OvoCode)] = "ovo",
        [nameof(AssignToDomain.DomainCode)] = "domain",
        [nameof(AssignToDomain.CategoryCode)] = "category",
        [nameof(AssignToDomain.ParentOvoCode)] = "parentOvo",
    });

    private static readonly ApiFieldNames ChangeFields = new(new Dictionary<string, string>
    {
        [nameof(ChangeAssignment.AssignmentId)] = "id",
        [nameof(ChangeAssignment.ExpectedVersion)] = "If-Match",
        [nameof(ChangeAssignment.CategoryCode)] = "category",
        [nameof(ChangeAssignment.ParentOvoCode)] = "parentOvo",
    });

    private static readonly ApiFieldNames EndOrCorrectFields = new(new Dictionary<string, string>
    {
        [nameof(EndAssignment.AssignmentId)] = "id",
        [nameof(EndAssignment.ExpectedVersion)] = "If-Match",
    });

    public static RouteGroupBuilder MapAssignmentsApi(this RouteGroupBuilder api)
    {
        var assignments = api.MapGroup("/organisations/{ovo}/assignments").WithTags(Tag);

        assignments.MapGet("/", ListAsync)
            .WithName("ListAssignments")
            .WithSummary("De toewijzingen van een organisatie aan toepassingsgebieden, optioneel enkel die geldig op validOn.")
            .Produces<IReadOnlyList<ApiAssignment>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        assignments.MapPost("/", AssignAsync)
            .WithName("CreateAssignment")
            .WithSummary("Wijs de organisatie toe aan een toepassingsgebied (enkel de beheerder van dat toepassingsgebied).")
            .WithMetadata(AssignFields)
            .Accepts<AssignmentCreateRequest>("application/json")
            .Produces<ApiAssignment>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        assignments.MapGet("/{id:guid}", GetAsync)
            .WithName("GetAssignment")
            .WithSummary("Eén toewijzing, met haar versie als ETag.")
            .Produces<ApiAssignment>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        assignments.MapPut("/{id:guid}", ChangeAsync)
            .WithName("ChangeAssignment")
            .WithSummary("Wijzig categorie, periode, moederorganisatie of opmerking van een toewijzing (If-Match verplicht).")
            .WithMetadata(ChangeFields)
            .Accepts<AssignmentChangeRequest>("application/json")
            .Produces<ApiAssignment>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        assignments.MapPost("/{id:guid}/end", EndAsync)
            .WithName("EndAssignment")
            .WithSummary("Beëindig een toewijzing op validTo (If-Match optioneel).")
            .WithMetadata(EndOrCorrectFields)
            .Accepts<AssignmentEndRequest>("application/json")
            .Produces<ApiAssignment>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        assignments.MapDelete("/{id:guid}", CorrectAsync)
            .WithName("CorrectAssignment")
            .WithSummary("Verwijder een foutieve toewijzing (correctie); de reden (?reason=) is verplicht en komt in de audittrail.")
            .WithMetadata(EndOrCorrectFields)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<ApiAssignment>>, ProblemResult>> ListAsync(
        string ovo,
        [FromQuery] string? validOn,
        OrganisationEditQueries organisations,
        AssignmentEditQueries assignments,
        CancellationToken cancellationToken)
    {
        if (!ApiQuery.TryDate(validOn, "validOn", out var date, out var invalid))
        {
            return invalid!;
        }

        if (await ExistingOrganisationAsync(ovo, organisations, cancellationToken) is not { } code)
        {
            return OrganisationNotFound(ovo);
        }

        var items = await assignments.ForOrganisationAsync(code, date, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ApiAssignment>>([.. items.Select(ApiAssignment.From)]);
    }

    private static async Task<Results<Created<ApiAssignment>, ProblemResult>> AssignAsync(
        string ovo,
        AssignmentCreateRequest request,
        HttpContext context,
        AssignmentService service,
        AssignmentEditQueries assignments,
        OrganisationEditQueries organisations,
        CancellationToken cancellationToken)
    {
        if (!OvoCode.TryParse(ovo, out var code))
        {
            return OrganisationNotFound(ovo);
        }

        var command = new AssignToDomain(
            code.Value, request.Domain ?? string.Empty, request.Category ?? string.Empty, request.ValidFrom, request.ValidTo, request.ParentOvo, request.Remark);
        ApiAssignment created;
        try
        {
            // The assignment as written: no need to read it back.
            created = ApiAssignment.From(await service.AssignReturningAsync(RegistryUser.FromPrincipal(context.User), command, cancellationToken));
        }
        catch (DomainRuleException rule) when (rule.Code is RuleCodes.NotFound or RuleCodes.Overlap)
        {
            return await ExplainAsync(rule, code, command.DomainCode, command.CategoryCode, command.ParentOvoCode, new Validity(command.ValidFrom, command.ValidTo), except: null, assignments, organisations, cancellationToken);
        }

        ApiETags.Set(context.Response, created.Version);
        return TypedResults.Created($"{ApiEndpoints.Prefix}/organisations/{code.Value}/assignments/{created.Id}", created);
    }

    private static async Task<Results<Ok<ApiAssignment>, ProblemResult>> GetAsync(
        string ovo, Guid id, HttpContext context, AssignmentEditQueries assignments, CancellationToken cancellationToken)
    {
        if (await FindAsync(ovo, id, assignments, cancellationToken) is not { } assignment)
        {
            return AssignmentNotFound(ovo, id);
        }

        ApiETags.Set(context.Response, assignment.Version);
        return TypedResults.Ok(ApiAssignment.From(assignment));
    }

    private static async Task<Results<Ok<ApiAssignment>, ProblemResult>> ChangeAsync(
        string ovo,
        Guid id,
        AssignmentChangeRequest request,
        HttpContext context,
        AssignmentService service,
        AssignmentEditQueries assignments,
        OrganisationEditQueries organisations,
        CancellationToken cancellationToken)
    {
        if (await FindAsync(ovo, id, assignments, cancellationToken) is not { } current)
        {
            return AssignmentNotFound(ovo, id);
        }

        if (!ApiETags.TryExpectedVersion(context.Request, current.Version, required: true, context.Request.Path, out var expected, out var precondition))
        {
            return precondition!;
        }

        var command = new ChangeAssignment(id, expected, request.Category ?? string.Empty, request.ValidFrom, request.ValidTo, request.ParentOvo, request.Remark);
        try
        {
            await service.ChangeAsync(RegistryUser.FromPrincipal(context.User), command, cancellationToken);
        }
        catch (DomainRuleException rule) when (rule.Code is RuleCodes.NotFound or RuleCodes.Overlap)
        {
            return await ExplainAsync(rule, current.OvoCode, current.DomainCode, command.CategoryCode, command.ParentOvoCode, new Validity(command.ValidFrom, command.ValidTo), except: id, assignments, organisations, cancellationToken);
        }

        return await OkWithETagAsync(id, context, assignments, cancellationToken);
    }

    private static async Task<Results<Ok<ApiAssignment>, ProblemResult>> EndAsync(
        string ovo,
        Guid id,
        AssignmentEndRequest request,
        HttpContext context,
        AssignmentService service,
        AssignmentEditQueries assignments,
        CancellationToken cancellationToken)
    {
        if (await FindAsync(ovo, id, assignments, cancellationToken) is not { } current)
        {
            return AssignmentNotFound(ovo, id);
        }

        if (!ApiETags.TryExpectedVersion(context.Request, current.Version, required: false, context.Request.Path, out var expected, out var precondition))
        {
            return precondition!;
        }

        await service.EndAsync(RegistryUser.FromPrincipal(context.User), new EndAssignment(id, expected, request.ValidTo), cancellationToken);
        return await OkWithETagAsync(id, context, assignments, cancellationToken);
    }

    /// <summary>
    /// A correction removes the assignment as if it never existed. The reason travels in the query
    /// (<c>?reason=</c>): a body on DELETE has no defined meaning in HTTP and some clients and proxies drop it.
    /// </summary>
    private static async Task<Results<NoContent, ProblemResult>> CorrectAsync(
        string ovo,
        Guid id,
        [FromQuery] string? reason,
        HttpContext context,
        AssignmentService service,
        AssignmentEditQueries assignments,
        CancellationToken cancellationToken)
    {
        if (await FindAsync(ovo, id, assignments, cancellationToken) is not { } current)
        {
            return AssignmentNotFound(ovo, id);
        }

        if (!ApiETags.TryExpectedVersion(context.Request, current.Version, required: false, context.Request.Path, out var expected, out var precondition))
        {
            return precondition!;
        }

        await service.CorrectAsync(RegistryUser.FromPrincipal(context.User), new CorrectAssignment(id, expected, reason), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// A reference in the body that does not exist is a 400 on that field (the address itself exists); an overlap is a
    /// 409 that also names the assignment it overlaps (<c>conflict</c>).
    /// </summary>
    private static async Task<ProblemResult> ExplainAsync(
        DomainRuleException rule,
        OvoCode organisation,
        string domainCode,
        string categoryCode,
        string? parentOvo,
        Validity validity,
        Guid? except,
        AssignmentEditQueries assignments,
        OrganisationEditQueries organisations,
        CancellationToken cancellationToken)
    {
        var problem = ApiProblems.Rule(rule);
        if (rule.Code == RuleCodes.Overlap)
        {
            var conflict = (await assignments.ForOrganisationAsync(organisation, asOn: null, cancellationToken))
                .FirstOrDefault(a => a.Id != except && a.DomainCode == domainCode && a.Validity.Overlaps(validity));
            if (conflict is not null)
            {
                problem.Extensions["conflict"] = ApiAssignment.From(conflict);
            }

            return new ProblemResult(problem);
        }

        // In the order the service looks them up, so that the field is the one its message is about.
        var domain = (await assignments.DomainsAsync(cancellationToken)).FirstOrDefault(d => d.Code == domainCode.Trim());
        var field = domain is null ? "domain"
            : await organisations.GetAsync(organisation, cancellationToken) is null ? null
            : OvoCode.TryParse(parentOvo, out var parent) && await organisations.GetAsync(parent, cancellationToken) is null ? "parentOvo"
            : !domain.Categories.Any(c => string.Equals(c.Code, categoryCode.Trim(), StringComparison.OrdinalIgnoreCase)) ? "category"
            : null;
        return new ProblemResult(field is null ? problem : ApiProblems.Validation(field, rule.Message));
    }

    private static async Task<Results<Ok<ApiAssignment>, ProblemResult>> OkWithETagAsync(
        Guid id, HttpContext context, AssignmentEditQueries assignments, CancellationToken cancellationToken)
    {
        var assignment = await CurrentAsync(id, assignments, cancellationToken);
        ApiETags.Set(context.Response, assignment.Version);
        return TypedResults.Ok(assignment);
    }

    /// <summary>The assignment as it is just after the write (a write that removed it in between is a concurrency conflict).</summary>
    private static async Task<ApiAssignment> CurrentAsync(Guid id, AssignmentEditQueries assignments, CancellationToken cancellationToken) =>
        ApiAssignment.From(await assignments.GetAsync(id, cancellationToken)
            ?? throw new ConcurrencyConflictException(
                "Deze toewijzing werd meteen na het opslaan door iemand anders verwijderd.", null, null, new Dictionary<string, string?>()));

    /// <summary>The assignment <paramref name="id"/> when it belongs to the organisation <paramref name="ovo"/>.</summary>
    private static async Task<EditableAssignment?> FindAsync(string ovo, Guid id, AssignmentEditQueries assignments, CancellationToken cancellationToken) =>
        OvoCode.TryParse(ovo, out var code) && await assignments.GetAsync(id, cancellationToken) is { } assignment && assignment.OvoCode == code
            ? assignment
            : null;

    private static async Task<OvoCode?> ExistingOrganisationAsync(string ovo, OrganisationEditQueries organisations, CancellationToken cancellationToken) =>
        OvoCode.TryParse(ovo, out var code) && await organisations.GetAsync(code, cancellationToken) is not null ? code : null;

    private static ProblemResult OrganisationNotFound(string ovo) =>
        new(ApiProblems.NotFound(OvoCode.TryParse(ovo, out var code)
            ? $"{code} bestaat niet in het register."
            : $"'{ovo}' is geen geldige OVO-code (verwacht: OVO gevolgd door 6 cijfers, bv. OVO000123)."));

    private static ProblemResult AssignmentNotFound(string ovo, Guid id) =>
        new(ApiProblems.NotFound($"De organisatie {ovo} heeft geen toewijzing met id {id}."));
}
