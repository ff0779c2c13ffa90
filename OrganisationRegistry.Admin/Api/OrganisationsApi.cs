using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Kbo;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Admin.Api;

/// <summary>
/// The API's organisations: search, one organisation (with <c>ETag</c>), create, find-or-create by KBO number, and a
/// merge patch of the general data with <c>If-Match</c>; the keys are in <see cref="OrganisationKeysApi"/>. Every write
/// goes through <see cref="OrganisationService"/>, which validates, checks the client's rights and audits: the
/// endpoints only translate HTTP. An OVO code in the address that is not well-formed is answered like an unknown one
/// (404): no such organisation can exist.
/// </summary>
public static class OrganisationsApi
{
    public const string Tag = "Organisaties";

    private static readonly string[] CreateFields =
        ["name", "shortName", "article", "description", "validFrom", "validTo", "policyDomain", "parentOvo"];

    private static readonly string[] EnsureFields = [.. CreateFields.Where(f => f is not ("name" or "shortName"))];

    private static readonly string[] PatchFields =
        ["name", "shortName", "article", "description", "validFrom", "validTo", "policyDomain"];

    private const string KboCouplingWay =
        "Het KBO-nummer wijzigt niet met de algemene gegevens: koppel met POST /organisations/{ovo}/kbo en ontkoppel met DELETE /organisations/{ovo}/kbo.";

    private static readonly Dictionary<string, string> RefusedInCreate = new(StringComparer.Ordinal)
    {
        ["kboNumber"] = "Een organisatie met een KBO-nummer maakt u aan met PUT /organisations/kbo/{kboNumber}: naam en rechtsgegevens komen dan uit de KBO.",
    };

    private static readonly Dictionary<string, string> RefusedInEnsure = new(StringComparer.Ordinal)
    {
        ["kboNumber"] = "Het KBO-nummer staat in het adres (/organisations/kbo/{kboNumber}), niet in de body.",
        ["name"] = "De naam komt uit de KBO-gegevens van het register en wordt niet meegegeven.",
        ["shortName"] = "De korte naam komt uit de KBO-gegevens van het register en wordt niet meegegeven.",
    };

    private static readonly string[] CoupleFields = ["kboNumber"];

    private static readonly Dictionary<string, string> RefusedInPatch = new(StringComparer.Ordinal)
    {
        ["ovo"] = "De OVO-code van een organisatie verandert nooit.",
        ["kboNumber"] = KboCouplingWay,
        ["legalForm"] = "De rechtsvorm komt uit de KBO.",
        ["registeredSeat"] = "De maatschappelijke zetel komt uit de KBO.",
        ["version"] = "De versie gaat mee in If-Match, niet in de body.",
        ["policyDomainName"] = "Wijzig 'policyDomain' (de code van het beleidsdomein).",
        ["parentOvo"] = "De structuur (moederorganisaties) wijzigt niet via PATCH van de algemene gegevens.",
        ["parents"] = "De structuur (moederorganisaties) wijzigt niet via PATCH van de algemene gegevens.",
        ["keys"] = "Sleutels voegt u toe via POST /organisations/{ovo}/keys.",
        ["assignments"] = "Toewijzingen beheert u via /organisations/{ovo}/assignments.",
    };

    /// <summary>How the requests name the fields of the commands, for the validation errors.</summary>
    internal static readonly ApiFieldNames FieldNames = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(CreateOrganisation.PolicyDomainCode)] = "policyDomain",
        [nameof(CreateOrganisation.ParentOvoCode)] = "parentOvo",
        [nameof(UpdateOrganisation.OvoCode)] = "ovo",
        [nameof(UpdateOrganisation.ExpectedVersion)] = HeaderNames.IfMatch,
        [nameof(AddOrganisationKey.KeyTypeCode)] = "keyType",
    });

    public static RouteGroupBuilder MapOrganisationsApi(this RouteGroupBuilder api)
    {
        var organisations = api.MapGroup("/organisations").WithTags(Tag).WithMetadata(FieldNames);

        organisations.MapGet(string.Empty, SearchAsync)
            .WithName("SearchOrganisations")
            .WithSummary("Organisaties zoeken")
            .WithDescription(
                "Zoekt op naam, korte naam, OVO-code of KBO-nummer (q), op toepassingsgebied (domain, de code) en op " +
                "geldigheid (validOn, jjjj-mm-dd; met domain: ook toegewezen op die datum). Gesorteerd op naam, per pagina " +
                "(page vanaf 1, pageSize 1 tot 100, standaard 25).")
            .Produces<ApiPage<OrganisationListItemResponse>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        organisations.MapGet("/{ovo}", GetAsync)
            .WithName("GetOrganisation")
            .WithSummary("Eén organisatie")
            .WithDescription(
                "De algemene gegevens (met ETag: de versie, voor If-Match bij PATCH), de moederorganisaties van vandaag, de " +
                "sleutels en een overzicht van de toewijzingen. Met If-None-Match en de ETag: 304 als er niets veranderde.")
            .Produces<OrganisationResponse>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);

        organisations.MapPost(string.Empty, CreateAsync)
            .WithName("CreateOrganisation")
            .WithSummary("Een organisatie aanmaken")
            .WithDescription(
                "Het register kent de OVO-code toe. Een organisatiebeheerder (scope organisations.write) maakt organisaties " +
                "aan onder de eigen organisatie of een dochter ervan (parentOvo); zonder parentOvo is een centrale beheerder " +
                "nodig (403). Een organisatie met een KBO-nummer maakt u aan met PUT /organisations/kbo/{kboNumber} " +
                "(kboNumber in deze body: 400).")
            .WithJsonRequestBody<CreateOrganisationRequest>(OrganisationRequestBody.Json)
            .Produces<OrganisationResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        organisations.MapPut("/kbo/{kboNumber}", EnsureByKboAsync)
            .WithName("EnsureOrganisationByKbo")
            .WithSummary("Organisatie met dit KBO-nummer opzoeken of aanmaken")
            .WithDescription(
                "Heeft een huidige organisatie (vandaag geldig, anders de eerstvolgende die nog niet beëindigd is) dit " +
                "KBO-nummer: 200 met die organisatie, ongewijzigd (de body wordt dan niet gebruikt). Anders wordt ze " +
                "aangemaakt uit de KBO-gegevens van het register: naam, korte naam, rechtsvorm en maatschappelijke zetel " +
                "komen uit de KBO (name en shortName in de body: 400); de body (optioneel) geeft lidwoord, beschrijving, " +
                "geldigheid, beleidsdomein en moederorganisatie: 201. Staat het nummer niet in de KBO-gegevens van het " +
                "register: 404 (not-found) met de datum van de laatste import. Een organisatie uit de KBO aanmaken mag " +
                "alleen een centrale beheerder: een client met scope organisations.write krijgt 403 (couple-kbo) wanneer " +
                "de organisatie nog niet bestaat.")
            .WithJsonRequestBody<EnsureOrganisationByKboRequest>(OrganisationRequestBody.Json)
            .Produces<OrganisationResponse>()
            .Produces<OrganisationResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        organisations.MapPatch("/{ovo}", PatchAsync)
            .WithName("PatchOrganisation")
            .WithSummary("Algemene gegevens van een organisatie wijzigen (JSON merge patch)")
            .WithDescription(
                "RFC 7396: een veld dat er staat vervangt de waarde, null wist ze (niet voor name), een veld dat ontbreekt " +
                "blijft. If-Match is verplicht: de ETag die u las (412 als de organisatie intussen wijzigde), of * voor de " +
                "huidige versie. Het KBO-nummer wijzigt hier niet (400: koppelen en ontkoppelen via /organisations/{ovo}/kbo); " +
                "zolang de organisatie aan de KBO gekoppeld is, komen naam en korte naam uit de KBO (een andere waarde: 409).")
            .WithJsonRequestBody<OrganisationPatchRequest>(OrganisationRequestBody.MergePatchJson, OrganisationRequestBody.Json)
            .Produces<OrganisationResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        organisations.MapPost("/{ovo}/kbo", CoupleAsync)
            .WithName("CoupleOrganisationToKbo")
            .WithSummary("Een organisatie aan de KBO koppelen")
            .WithDescription(
                "Body { \"kboNumber\": \"0123.456.749\" } (elke gangbare schrijfwijze). De onderneming moet in de KBO-gegevens " +
                "van het register staan (anders 404); naam, korte naam, rechtsvorm en maatschappelijke zetel komen daarna uit " +
                "de KBO, de namen van voordien worden bewaard voor een ontkoppeling. If-Match is verplicht. Alleen een " +
                "centrale beheerder (403).")
            .WithJsonRequestBody<CoupleToKboRequest>(OrganisationRequestBody.Json)
            .Produces<OrganisationResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        organisations.MapDelete("/{ovo}/kbo", UncoupleAsync)
            .WithName("UncoupleOrganisationFromKbo")
            .WithSummary("Een organisatie van de KBO ontkoppelen")
            .WithDescription(
                "De namen van vóór de koppeling komen terug; KBO-nummer, rechtsvorm en maatschappelijke zetel worden gewist. " +
                "If-Match is verplicht. Alleen een centrale beheerder (403).")
            .Produces<OrganisationResponse>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        organisations.MapOrganisationKeysApi();
        return api;
    }

    private static async Task<IResult> SearchAsync(
        OrganisationQueries queries,
        [FromQuery] string? q,
        [FromQuery] string? domain,
        [FromQuery] string? validOn,
        [FromQuery] string? page,
        [FromQuery] string? pageSize,
        CancellationToken cancellationToken)
    {
        var query = OrganisationListQuery.Read(page, pageSize, validOn, (nameof(q), q), (nameof(domain), domain));
        if (query.Problem is { } problem)
        {
            return problem;
        }

        var result = await queries.SearchAsync(
            new OrganisationSearch(q, domain, query.ValidOn, Page: query.Page, PageSize: query.PageSize),
            cancellationToken);
        return TypedResults.Ok(new ApiPage<OrganisationListItemResponse>(
            [.. result.Items.Select(OrganisationListItemResponse.From)],
            result.Page,
            result.PageSize,
            result.TotalCount));
    }

    private static async Task<IResult> GetAsync(
        string ovo,
        HttpContext context,
        OrganisationEditQueries editQueries,
        OrganisationQueries queries,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!OvoCode.TryParse(ovo, out var code) || await LoadAsync(code, editQueries, queries, time, cancellationToken) is not { } organisation)
        {
            return NotFound(ovo);
        }

        if (IsNotModified(context.Request, organisation.Version))
        {
            ApiETags.Set(context.Response, organisation.Version);
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return Ok(context, organisation);
    }

    private static async Task<IResult> CreateAsync(
        HttpContext context,
        OrganisationService service,
        OrganisationEditQueries editQueries,
        OrganisationQueries queries,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (body, problem) = await OrganisationRequestBody.ReadAsync(context.Request, [OrganisationRequestBody.Json], CreateFields, RefusedInCreate, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var command = new CreateOrganisation(
            body!.Text("name") ?? string.Empty,
            body.Text("shortName"),
            body.Article("article"),
            body.Text("description"),
            body.Date("validFrom"),
            body.Date("validTo"),
            body.Text("policyDomain"),
            body.Text("parentOvo"));
        if (body.Problem is { } invalid)
        {
            return invalid;
        }

        return await CreateAndAnswerAsync(
            context, user => service.CreateAsync(user, command, cancellationToken), command.PolicyDomainCode, command.ParentOvoCode, editQueries, queries, time, cancellationToken);
    }

    private static async Task<IResult> EnsureByKboAsync(
        string kboNumber,
        HttpContext context,
        KboCouplingService coupling,
        OrganisationEditQueries editQueries,
        OrganisationQueries queries,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!KboNumber.TryParse(kboNumber, out var kbo, out var error))
        {
            return new ProblemResult(ApiProblems.Validation("kboNumber", error));
        }

        // The body is optional: everything it may hold has a default.
        OrganisationRequestBody body;
        if (OrganisationRequestBody.IsAbsent(context.Request))
        {
            body = OrganisationRequestBody.Empty();
        }
        else
        {
            var (read, problem) = await OrganisationRequestBody.ReadAsync(context.Request, [OrganisationRequestBody.Json], EnsureFields, RefusedInEnsure, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }

            body = read!;
        }

        var command = new CreateOrganisationFromKbo(
            kbo.Digits,
            body.Article("article"),
            body.Text("description"),
            body.Date("validFrom"),
            body.Date("validTo"),
            body.Text("policyDomain"),
            body.Text("parentOvo"));
        if (body.Problem is { } invalid)
        {
            return invalid;
        }

        if (await ExistingAsync(kbo, editQueries, queries, time, cancellationToken) is { } existing)
        {
            return Existing(context, existing);
        }

        try
        {
            return await CreateAndAnswerAsync(
                context, user => coupling.CreateFromKboAsync(user, command, cancellationToken), command.PolicyDomainCode, command.ParentOvoCode, editQueries, queries, time, cancellationToken);
        }
        catch (DomainRuleException rule) when (rule.Code == RuleCodes.Duplicate)
        {
            // Another request created it at the same moment: it exists now, which is what this one asked for.
            return await ExistingAsync(kbo, editQueries, queries, time, cancellationToken) is { } created
                ? Existing(context, created)
                : new ProblemResult(ApiProblems.Rule(rule));
        }
    }

    private static async Task<IResult> CoupleAsync(
        string ovo,
        HttpContext context,
        KboCouplingService coupling,
        OrganisationEditQueries editQueries,
        OrganisationQueries queries,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!OvoCode.TryParse(ovo, out var code) || await editQueries.GetAsync(code, cancellationToken) is not { } current)
        {
            return NotFound(ovo);
        }

        if (!ApiETags.TryExpectedVersion(context.Request, current.Version, required: true, OrganisationResponses.Location(code), out var expectedVersion, out var precondition))
        {
            return precondition!;
        }

        var (body, problem) = await OrganisationRequestBody.ReadAsync(context.Request, [OrganisationRequestBody.Json], CoupleFields, null, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var kboNumber = body!.Text("kboNumber");
        if (string.IsNullOrWhiteSpace(kboNumber))
        {
            body.Refuse("kboNumber", "Het KBO-nummer is verplicht.");
        }

        if (body.Problem is { } invalid)
        {
            return invalid;
        }

        await coupling.CoupleAsync(RegistryUser.FromPrincipal(context.User), new CoupleOrganisationToKbo(code.Value, expectedVersion, kboNumber!), cancellationToken);
        return await LoadAsync(code, editQueries, queries, time, cancellationToken) is { } coupled ? Ok(context, coupled) : NotFound(ovo);
    }

    private static async Task<IResult> UncoupleAsync(
        string ovo,
        HttpContext context,
        KboCouplingService coupling,
        OrganisationEditQueries editQueries,
        OrganisationQueries queries,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!OvoCode.TryParse(ovo, out var code) || await editQueries.GetAsync(code, cancellationToken) is not { } current)
        {
            return NotFound(ovo);
        }

        if (!ApiETags.TryExpectedVersion(context.Request, current.Version, required: true, OrganisationResponses.Location(code), out var expectedVersion, out var precondition))
        {
            return precondition!;
        }

        await coupling.UncoupleAsync(RegistryUser.FromPrincipal(context.User), new UncoupleOrganisationFromKbo(code.Value, expectedVersion), cancellationToken);
        return await LoadAsync(code, editQueries, queries, time, cancellationToken) is { } uncoupled ? Ok(context, uncoupled) : NotFound(ovo);
    }

    private static async Task<IResult> PatchAsync(
        string ovo,
        HttpContext context,
        OrganisationService service,
        OrganisationEditQueries editQueries,
        OrganisationQueries queries,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!OvoCode.TryParse(ovo, out var code) || await editQueries.GetAsync(code, cancellationToken) is not { } current)
        {
            return NotFound(ovo);
        }

        if (!ApiETags.TryExpectedVersion(context.Request, current.Version, required: true, OrganisationResponses.Location(code), out var expectedVersion, out var precondition))
        {
            return precondition!;
        }

        var (body, problem) = await OrganisationRequestBody.ReadAsync(
            context.Request, [OrganisationRequestBody.MergePatchJson, OrganisationRequestBody.Json], PatchFields, RefusedInPatch, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (body!.Has("name") && body.Text("name") is null)
        {
            body.Refuse("name", "De naam is verplicht: ze kan niet gewist worden.");
        }

        var command = new UpdateOrganisation(
            current.OvoCode.Value,
            expectedVersion,
            body.Text("name", current.Name) ?? current.Name,
            body.Text("shortName", current.ShortName),
            body.Article("article", current.Article),
            body.Text("description", current.Description),
            body.Date("validFrom", current.ValidFrom),
            body.Date("validTo", current.ValidTo),
            body.Text("policyDomain", current.PolicyDomainCode));
        if (body.Problem is { } invalid)
        {
            return invalid;
        }

        var user = RegistryUser.FromPrincipal(context.User);
        try
        {
            await service.UpdateAsync(user, command, cancellationToken);
        }
        catch (DomainRuleException rule) when (rule.Code == RuleCodes.NotFound)
        {
            return await ReferenceProblemAsync(rule, command.PolicyDomainCode, parentOvo: null, editQueries, cancellationToken);
        }

        return await LoadAsync(code, editQueries, queries, time, cancellationToken) is { } updated
            ? Ok(context, updated)
            : NotFound(ovo);
    }

    private static async Task<IResult> CreateAndAnswerAsync(
        HttpContext context,
        Func<RegistryUser, Task<CreatedOrganisation>> create,
        string? policyDomain,
        string? parentOvo,
        OrganisationEditQueries editQueries,
        OrganisationQueries queries,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        CreatedOrganisation created;
        try
        {
            created = await create(RegistryUser.FromPrincipal(context.User));
        }
        catch (DomainRuleException rule) when (rule.Code == RuleCodes.NotFound)
        {
            return await ReferenceProblemAsync(rule, policyDomain, parentOvo, editQueries, cancellationToken);
        }

        var code = OvoCode.Parse(created.OvoCode);
        var organisation = await LoadAsync(code, editQueries, queries, time, cancellationToken)
            ?? throw new InvalidOperationException($"{created.OvoCode} was created but cannot be read.");
        ApiETags.Set(context.Response, organisation.Version);
        return TypedResults.Created(OrganisationResponses.Location(code), organisation);
    }

    /// <summary>
    /// A code in the body that names nothing (the parent, the policy domain) is a mistake in the request, not an unknown
    /// address: 400 naming the field, with the service's message. Anything else that was not found stays a 404.
    /// </summary>
    private static async Task<IResult> ReferenceProblemAsync(
        DomainRuleException rule,
        string? policyDomain,
        string? parentOvo,
        OrganisationEditQueries editQueries,
        CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(parentOvo) && OvoCode.TryParse(parentOvo, out var parent) && await editQueries.GetAsync(parent, cancellationToken) is null)
        {
            return new ProblemResult(ApiProblems.Validation("parentOvo", rule.Message));
        }

        if (!string.IsNullOrWhiteSpace(policyDomain)
            && !(await editQueries.PolicyDomainsAsync(cancellationToken)).Any(p => p.Code == policyDomain.Trim()))
        {
            return new ProblemResult(ApiProblems.Validation("policyDomain", rule.Message));
        }

        return new ProblemResult(ApiProblems.Rule(rule));
    }

    /// <summary>
    /// The organisation that "has" a KBO number for find-or-create: among those with the number that have not ended,
    /// the one valid today, else the one that starts first. Organisations that have ended are history: a new one
    /// (a successor) may take the number.
    /// </summary>
    private static async Task<OrganisationResponse?> ExistingAsync(
        KboNumber kbo, OrganisationEditQueries editQueries, OrganisationQueries queries, TimeProvider time, CancellationToken cancellationToken)
    {
        var today = OrganisationResponses.Today(time);
        var holders = await queries.SearchAsync(new OrganisationSearch(kbo.Digits, PageSize: OrganisationSearch.MaxPageSize), cancellationToken);
        var current = holders.Items
            .Where(o => OrganisationResponses.IsCurrentOrFuture(o, today))
            .OrderBy(o => o.Validity.Contains(today) ? 0 : 1)
            .ThenBy(o => o.ValidFrom ?? DateOnly.MinValue)
            .ThenBy(o => o.OvoCode.Number)
            .FirstOrDefault();
        return current is null ? null : await LoadAsync(current.OvoCode, editQueries, queries, time, cancellationToken);
    }

    /// <summary>The organisation as the API shows it, or <c>null</c> when there is none.</summary>
    internal static async Task<OrganisationResponse?> LoadAsync(
        OvoCode code, OrganisationEditQueries editQueries, OrganisationQueries queries, TimeProvider time, CancellationToken cancellationToken)
    {
        // The general data and its version come from one query, so the ETag always matches them.
        var general = await editQueries.GetAsync(code, cancellationToken);
        if (general is null)
        {
            return null;
        }

        var detail = await queries.GetAsync(code, asOn: null, cancellationToken);
        var keys = await editQueries.KeysAsync(code, asOn: null, cancellationToken);
        return detail is null ? null : OrganisationResponses.From(general, detail, keys, OrganisationResponses.Today(time));
    }

    internal static ProblemResult NotFound(string ovo) => new(ApiProblems.NotFound(
        OvoCode.TryParse(ovo, out var code)
            ? $"{code} bestaat niet in het register."
            : $"'{(ovo.Length <= 60 ? ovo : ovo[..60] + "…")}' is geen geldige OVO-code (verwacht: OVO gevolgd door 6 cijfers, bv. OVO000123), dus zo'n organisatie bestaat niet."));

    private static IResult Ok(HttpContext context, OrganisationResponse organisation)
    {
        ApiETags.Set(context.Response, organisation.Version);
        return TypedResults.Ok(organisation);
    }

    private static IResult Existing(HttpContext context, OrganisationResponse organisation)
    {
        context.Response.Headers.ContentLocation = OrganisationResponses.Location(OvoCode.Parse(organisation.Ovo));
        return Ok(context, organisation);
    }

    /// <summary>Whether <c>If-None-Match</c> names the current version (or is <c>*</c>).</summary>
    private static bool IsNotModified(HttpRequest request, long version) =>
        request.Headers.IfNoneMatch.Count > 0
        && EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags)
        && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(new EntityTagHeaderValue(ApiETags.Format(version)), useStrongComparison: false));
}
