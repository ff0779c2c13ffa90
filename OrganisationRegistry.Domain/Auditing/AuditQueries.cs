using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Persistence;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Domain.Auditing;

/// <summary>What the review filters on; every filter is optional. Dates are days in Belgium, both ends included.</summary>
public sealed record AuditFilter
{
    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    /// <summary>The actor's id exactly (a person's sign-in name, a client id, <c>system</c>, <c>unknown</c>).</summary>
    public string? Actor { get; init; }

    /// <summary>The OVO code of the actor's organisation.</summary>
    public string? ActorOrganisation { get; init; }

    /// <summary>The OVO code of the organisation concerned.</summary>
    public string? Organisation { get; init; }

    /// <summary>The code of the application domain concerned.</summary>
    public string? Domain { get; init; }

    public string? EntityType { get; init; }

    public AuditOperation? Operation { get; init; }

    public AuditChannel? Channel { get; init; }

    public string? CorrelationId { get; init; }

    /// <summary>Text that the old or the new values contain (as stored: case as typed).</summary>
    public string? Text { get; init; }
}

/// <summary>What a user may review: everything (central staff), the history of some domains (their stewards), or nothing.</summary>
public sealed record AuditAccess(bool All, IReadOnlyList<string> DomainCodes)
{
    public static AuditAccess None { get; } = new(false, []);

    public bool Any => All || DomainCodes.Count > 0;
}

/// <summary>One field of a change, readable: its Dutch label, and its value before and after as people read them.</summary>
public sealed record AuditFieldChange(string Field, string Label, string? Old, string? New);

/// <summary>One entry as the review shows it (the actor already masked where the reader may not see a person's name).</summary>
public sealed record AuditListItem(
    long Position,
    DateTime OccurredAt,
    string Actor,
    string? ActorId,
    RegistryUserKind ActorKind,
    string? ActorOrganisation,
    AuditChannel Channel,
    AuditOperation Operation,
    string EntityType,
    string EntityKey,
    string? OrganisationOvoCode,
    string? DomainCode,
    string CorrelationId,
    string? Reason,
    IReadOnlyList<AuditFieldChange> Changes)
{
    /// <summary>The time in Belgium, <c>dd/MM/yyyy HH:mm:ss</c>.</summary>
    public string LocalTime => AuditTime.Display(OccurredAt);
}

/// <summary>A page of the review; the count stops at <see cref="AuditQueries.MaxCount"/> (narrow the filters to go further back).</summary>
public sealed record AuditPage(IReadOnlyList<AuditListItem> Items, int TotalCount, bool CountIsCapped);

/// <summary>
/// The review of the audit trail. Central staff see everything. Domain experts whose organisation stewards a domain
/// see that domain's history only (entries about the domain, its categories, stewards and assignments). Nobody else
/// sees the trail. Whoever is not central staff sees, for another person's change, that person's organisation instead
/// of the person's name, and cannot find another person by filtering on their id.
/// </summary>
public sealed class AuditQueries(IDbContextFactory<RegistryDbContext> contexts, RegistryAuthorization authorization)
{
    /// <summary>How far the review counts the rows that match.</summary>
    public const int MaxCount = 10_000;

    public const int MaxPageSize = 200;

    public async Task<AuditAccess> AccessAsync(RegistryUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.HasAccess)
        {
            return AuditAccess.None;
        }

        if (user.IsCentralAdministrator)
        {
            return new AuditAccess(true, []);
        }

        var domains = await authorization.ManagedDomainsAsync(user, cancellationToken);
        if (domains.Count == 0)
        {
            return AuditAccess.None;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var codes = await db.ApplicationDomains.Where(d => domains.Contains(d.Id)).Select(d => d.Code).OrderBy(c => c).ToListAsync(cancellationToken);
        return new AuditAccess(false, codes);
    }

    /// <summary>One page (1-based) of the entries that match, newest first (or oldest first).</summary>
    public async Task<AuditPage> SearchAsync(
        RegistryUser user, AuditFilter filter, int page, int pageSize, bool oldestFirst = false, CancellationToken cancellationToken = default)
    {
        var access = await EnsureAccessAsync(user, cancellationToken);
        page = Math.Max(page, 1);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var matching = Filtered(db, user, access, filter);
        var counted = await matching.Take(MaxCount + 1).CountAsync(cancellationToken);
        var entries = await Ordered(matching, oldestFirst).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var names = await AuditNames.ForAsync(db, entries, cancellationToken);
        return new AuditPage(
            [.. entries.Select(e => ToItem(e, user, access, names))],
            Math.Min(counted, MaxCount),
            counted > MaxCount);
    }

    /// <summary>Every entry that matches, oldest first, streamed (for the CSV export of millions of rows).</summary>
    public async IAsyncEnumerable<AuditListItem> StreamAsync(
        RegistryUser user, AuditFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var access = await EnsureAccessAsync(user, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // Names for masked actors are looked up per block of entries, so memory stays flat however many rows match.
        var entries = Ordered(Filtered(db, user, access, filter), oldestFirst: true).AsAsyncEnumerable();
        var block = new List<AuditEntry>(1000);
        await using var lookups = await contexts.CreateDbContextAsync(cancellationToken);
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            block.Add(entry);
            if (block.Count == block.Capacity)
            {
                foreach (var item in await ItemsAsync(lookups, block, user, access, cancellationToken))
                {
                    yield return item;
                }

                block.Clear();
            }
        }

        foreach (var item in await ItemsAsync(lookups, block, user, access, cancellationToken))
        {
            yield return item;
        }
    }

    /// <summary>Writes <see cref="StreamAsync"/> as CSV (<see cref="AuditCsv"/>), row by row. <paramref name="output"/> stays open.</summary>
    public async Task WriteCsvAsync(RegistryUser user, AuditFilter filter, Stream output, CancellationToken cancellationToken = default)
    {
        await using var writer = new StreamWriter(output, AuditCsv.Encoding, bufferSize: 64 * 1024, leaveOpen: true) { NewLine = AuditCsv.NewLine };
        await writer.WriteLineAsync(AuditCsv.Header.AsMemory(), cancellationToken);
        await foreach (var item in StreamAsync(user, filter, cancellationToken))
        {
            await writer.WriteLineAsync(AuditCsv.Line(item).AsMemory(), cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
    }

    private async Task<AuditAccess> EnsureAccessAsync(RegistryUser user, CancellationToken cancellationToken)
    {
        var access = await AccessAsync(user, cancellationToken);
        return access.Any
            ? access
            : throw new ForbiddenException(
                RegistryRight.AdministerRegister,
                "Alleen centrale beheerders, en domeinexperts voor hun toepassingsgebied, mogen de auditgegevens bekijken.");
    }

    private static async Task<IReadOnlyList<AuditListItem>> ItemsAsync(
        RegistryDbContext db, List<AuditEntry> entries, RegistryUser user, AuditAccess access, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return [];
        }

        var names = await AuditNames.ForAsync(db, entries, cancellationToken);
        return [.. entries.Select(e => ToItem(e, user, access, names))];
    }

    private static IQueryable<AuditEntry> Filtered(RegistryDbContext db, RegistryUser user, AuditAccess access, AuditFilter filter)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!access.All)
        {
            var domains = access.DomainCodes;
            query = query.Where(e => e.DomainCode != null && domains.Contains(e.DomainCode));
        }

        if (filter.From is { } from)
        {
            var start = AuditTime.StartOfDayUtc(from);
            query = query.Where(e => e.OccurredAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = AuditTime.StartOfDayUtc(to.AddDays(1));
            query = query.Where(e => e.OccurredAt < end);
        }

        if (Trimmed(filter.Actor) is { } actor)
        {
            query = query.Where(e => e.ActorId == actor);
            if (!access.All && actor != user.SubjectId)
            {
                // Another person's id finds nothing: people are not traced by name outside central staff.
                query = query.Where(e => e.ActorKind != RegistryUserKind.Person);
            }
        }

        if (Ovo(filter.ActorOrganisation) is { } actorOrganisation)
        {
            query = query.Where(e => e.ActorOrganisation == actorOrganisation);
        }

        if (Ovo(filter.Organisation) is { } organisation)
        {
            query = query.Where(e => e.OrganisationOvoCode == organisation);
        }

        if (Trimmed(filter.Domain) is { } domain)
        {
            query = query.Where(e => e.DomainCode == domain);
        }

        if (Trimmed(filter.EntityType) is { } entityType)
        {
            query = query.Where(e => e.EntityType == entityType);
        }

        if (filter.Operation is { } operation)
        {
            query = query.Where(e => e.Operation == operation);
        }

        if (filter.Channel is { } channel)
        {
            query = query.Where(e => e.Channel == channel);
        }

        if (Trimmed(filter.CorrelationId) is { } correlationId)
        {
            query = query.Where(e => e.CorrelationId == correlationId);
        }

        if (Trimmed(filter.Text) is { } text)
        {
            query = query.Where(e => e.OldValues!.Contains(text) || e.NewValues!.Contains(text));
        }

        return query;
    }

    private static IQueryable<AuditEntry> Ordered(IQueryable<AuditEntry> query, bool oldestFirst) => oldestFirst
        ? query.OrderBy(e => e.OccurredAt).ThenBy(e => e.Position)
        : query.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Position);

    private static AuditListItem ToItem(AuditEntry entry, RegistryUser user, AuditAccess access, AuditNames names)
    {
        var masked = !access.All && entry.ActorKind == RegistryUserKind.Person && entry.ActorId != user.SubjectId;
        var actor = masked
            ? $"Medewerker van {names.Organisation(entry.ActorOrganisation) ?? "een andere organisatie"}"
            : entry.ActorName;
        return new AuditListItem(
            entry.Position,
            DateTime.SpecifyKind(entry.OccurredAt, DateTimeKind.Utc),
            actor,
            masked ? null : entry.ActorId,
            entry.ActorKind,
            entry.ActorOrganisation,
            entry.Channel,
            entry.Operation,
            entry.EntityType,
            entry.EntityKey,
            entry.OrganisationOvoCode,
            entry.DomainCode,
            entry.CorrelationId,
            entry.Reason,
            Changes(entry, names));
    }

    /// <summary>The fields of an entry, old and new side by side, ids replaced by what they name.</summary>
    private static List<AuditFieldChange> Changes(AuditEntry entry, AuditNames names)
    {
        var before = AuditNames.Values(entry.OldValues);
        var after = AuditNames.Values(entry.NewValues);
        return
        [
            .. before.Keys.Concat(after.Keys).Distinct()
                .Where(field => !AuditLabels.Hidden.Contains(field))
                .Select(field => new AuditFieldChange(
                    field,
                    AuditLabels.Field(field),
                    names.Display(field, before.GetValueOrDefault(field)),
                    names.Display(field, after.GetValueOrDefault(field)))),
        ];
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? Ovo(string? text) =>
        Trimmed(text) is { } value ? OvoCode.TryParse(value, out var code) ? code.Value : value : null;
}

/// <summary>Times as the review shows and filters them: days and clock times in Belgium.</summary>
public static class AuditTime
{
    private static readonly TimeZoneInfo Belgium =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Brussels", out var zone) ? zone : TimeZoneInfo.Local;

    /// <summary>Midnight in Belgium at the start of <paramref name="date"/>, in UTC.</summary>
    public static DateTime StartOfDayUtc(DateOnly date) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(date.ToDateTime(TimeOnly.MinValue), DateTimeKind.Unspecified), Belgium);

    public static string Display(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Belgium).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);
}

/// <summary>The names behind the ids in a block of entries (organisations, domains, categories, key and policy domains).</summary>
internal sealed class AuditNames
{
    private readonly Dictionary<Guid, string> _byId = [];
    private readonly Dictionary<string, string> _organisationsByOvo = new(StringComparer.Ordinal);

    public static async Task<AuditNames> ForAsync(RegistryDbContext db, IReadOnlyCollection<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var names = new AuditNames();
        var ids = entries
            .SelectMany(e => Values(e.OldValues).Concat(Values(e.NewValues)))
            .Where(v => v.Key.EndsWith("Id", StringComparison.Ordinal) && v.Key != "Id" && Guid.TryParse(v.Value, out _))
            .Select(v => Guid.Parse(v.Value!))
            .Distinct()
            .ToList();
        var ovoCodes = entries.Select(e => e.ActorOrganisation).OfType<string>().Distinct().Select(OvoCode.Parse).ToList();
        // Two round trips whatever the page holds: the organisations (named by id in the values, or as the actor's
        // organisation), and the other named things (domains, categories, key types, policy domains) in one union.
        if (ids.Count > 0 || ovoCodes.Count > 0)
        {
            var organisations = await db.Organisations.AsNoTracking()
                .Where(o => ids.Contains(o.Id) || ovoCodes.Contains(o.OvoCode))
                .Select(o => new { o.Id, o.OvoCode, o.Name })
                .ToListAsync(cancellationToken);
            foreach (var o in organisations)
            {
                names._byId[o.Id] = $"{o.OvoCode.Value} {o.Name}";
                names._organisationsByOvo[o.OvoCode.Value] = $"{o.OvoCode.Value} {o.Name}";
            }
        }

        if (ids.Count > 0)
        {
            var named = await db.ApplicationDomains.AsNoTracking().Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, d.Name })
                .Concat(db.DomainCategories.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Name }))
                .Concat(db.KeyTypes.AsNoTracking().Where(k => ids.Contains(k.Id)).Select(k => new { k.Id, k.Name }))
                .Concat(db.PolicyDomains.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Name }))
                .ToListAsync(cancellationToken);
            foreach (var n in named)
            {
                names._byId[n.Id] = n.Name;
            }
        }

        return names;
    }

    /// <summary>A JSON object of the trail as field to value text (numbers and booleans as written).</summary>
    public static Dictionary<string, string?> Values(string? json)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(json))
        {
            return values;
        }

        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            values[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => property.Value.GetString(),
                _ => property.Value.GetRawText(),
            };
        }

        return values;
    }

    public string? Organisation(string? ovoCode) => ovoCode is null ? null : _organisationsByOvo.GetValueOrDefault(ovoCode, ovoCode);

    /// <summary>A value as people read it: a named id as its name, a date as dd/MM/yyyy, a boolean as ja/nee.</summary>
    public string? Display(string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (field.EndsWith("Id", StringComparison.Ordinal) && Guid.TryParse(value, out var id) && _byId.TryGetValue(id, out var name))
        {
            return name;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return Common.Validity.Format(date);
        }

        return value switch
        {
            "true" => "ja",
            "false" => "nee",
            _ => value,
        };
    }
}

/// <summary>The Dutch words of the review.</summary>
public static class AuditLabels
{
    /// <summary>Fields the readable view leaves out (the key is shown apart; the search text repeats the names).</summary>
    public static readonly IReadOnlySet<string> Hidden = new HashSet<string>(StringComparer.Ordinal) { "Id", "SearchText" };

    public static string Field(string field) => field switch
    {
        "Name" => "Naam",
        "ShortName" => "Korte naam",
        "Article" => "Lidwoord",
        "Description" => "Beschrijving",
        "KboNumber" => "KBO-nummer",
        "OvoCode" => "OVO-code",
        "ValidFrom" => "Geldig vanaf",
        "ValidTo" => "Geldig tot",
        "PolicyDomainId" => "Beleidsdomein",
        "OrganisationId" => "Organisatie",
        "ParentOrganisationId" => "Moederorganisatie",
        "ApplicationDomainId" => "Toepassingsgebied",
        "CategoryId" => "Categorie",
        "KeyTypeId" => "Soort sleutel",
        "Value" => "Waarde",
        "Remark" => "Opmerking",
        "Code" => "Code",
        "LegalReference" => "Wettelijke basis",
        "SortOrder" => "Volgorde",
        "IsActive" => "Actief",
        "Subject" => "Aanmeldnaam",
        "Role" => "Rol",
        "Version" => "Versie",
        _ => field,
    };

    /// <summary>The entity types of the register, in the order the review offers them.</summary>
    public static IReadOnlyList<string> EntityTypes { get; } =
    [
        "Organisation", "OrganisationParent", "OrganisationKey", "DomainAssignment", "ApplicationDomain", "DomainCategory",
        "DomainSteward", "KeyType", "PolicyDomain", "UserGrant",
    ];

    public static string EntityType(string entityType) => entityType switch
    {
        "Organisation" => "Organisatie",
        "OrganisationParent" => "Moederorganisatie (structuur)",
        "OrganisationKey" => "Sleutel",
        "KeyType" => "Soort sleutel",
        "PolicyDomain" => "Beleidsdomein",
        "ApplicationDomain" => "Toepassingsgebied",
        "DomainCategory" => "Categorie",
        "DomainSteward" => "Beheerder van een toepassingsgebied",
        "DomainAssignment" => "Toewijzing aan een toepassingsgebied",
        "UserGrant" => "Recht van een persoon",
        _ => entityType,
    };

    public static string Operation(AuditOperation operation) => operation switch
    {
        AuditOperation.Insert => "Toegevoegd",
        AuditOperation.Update => "Gewijzigd",
        AuditOperation.Delete => "Verwijderd",
        _ => operation.ToString(),
    };

    public static string Channel(AuditChannel channel) => channel switch
    {
        AuditChannel.Ui => "Webtoepassing",
        AuditChannel.Api => "API",
        AuditChannel.Cli => "Opdrachtregel",
        AuditChannel.Import => "Import",
        AuditChannel.System => "Systeem",
        _ => channel.ToString(),
    };

    public static string ActorKind(RegistryUserKind kind) => kind switch
    {
        RegistryUserKind.Person => "Persoon",
        RegistryUserKind.MachineClient => "Toepassing (API-client)",
        RegistryUserKind.System => "Systeem",
        _ => kind.ToString(),
    };
}
