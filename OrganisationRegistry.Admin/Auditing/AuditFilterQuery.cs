using OrganisationRegistry.Admin.Components.Shared;
using OrganisationRegistry.Domain.Auditing;

namespace OrganisationRegistry.Admin.Auditing;

/// <summary>
/// The review's filters in a URL, the same for the page (<c>/audit?...</c>) and its CSV export
/// (<c>/audit/export.csv?...</c>): <c>van</c>, <c>tot</c> (yyyy-MM-dd), <c>actor</c>, <c>actororganisatie</c>,
/// <c>organisatie</c>, <c>gebied</c>, <c>gegeven</c>, <c>handeling</c>, <c>kanaal</c>, <c>correlatie</c>, <c>tekst</c>.
/// </summary>
public static class AuditFilterQuery
{
    public const string From = "van";
    public const string To = "tot";
    public const string Actor = "actor";
    public const string ActorOrganisation = "actororganisatie";
    public const string Organisation = "organisatie";
    public const string Domain = "gebied";
    public const string EntityType = "gegeven";
    public const string Operation = "handeling";
    public const string Channel = "kanaal";
    public const string CorrelationId = "correlatie";
    public const string Text = "tekst";

    public const string ExportPath = "/audit/export.csv";

    public static AuditFilter Read(Func<string, string?> parameter) => new()
    {
        From = RegistryDates.FromQuery(parameter(From)),
        To = RegistryDates.FromQuery(parameter(To)),
        Actor = Normalise(parameter(Actor)),
        ActorOrganisation = Normalise(parameter(ActorOrganisation)),
        Organisation = Normalise(parameter(Organisation)),
        Domain = Normalise(parameter(Domain)),
        EntityType = Normalise(parameter(EntityType)),
        Operation = Enum.TryParse<AuditOperation>(parameter(Operation), ignoreCase: true, out var operation) && Enum.IsDefined(operation) ? operation : null,
        Channel = Enum.TryParse<AuditChannel>(parameter(Channel), ignoreCase: true, out var channel) && Enum.IsDefined(channel) ? channel : null,
        CorrelationId = Normalise(parameter(CorrelationId)),
        Text = Normalise(parameter(Text)),
    };

    /// <summary>The filters as query parameters (null: absent).</summary>
    public static IReadOnlyDictionary<string, object?> Parameters(AuditFilter filter) => new Dictionary<string, object?>
    {
        [From] = filter.From is { } from ? RegistryDates.ToQuery(from) : null,
        [To] = filter.To is { } to ? RegistryDates.ToQuery(to) : null,
        [Actor] = filter.Actor,
        [ActorOrganisation] = filter.ActorOrganisation,
        [Organisation] = filter.Organisation,
        [Domain] = filter.Domain,
        [EntityType] = filter.EntityType,
        [Operation] = filter.Operation?.ToString().ToLowerInvariant(),
        [Channel] = filter.Channel?.ToString().ToLowerInvariant(),
        [CorrelationId] = filter.CorrelationId,
        [Text] = filter.Text,
    };

    /// <summary>The CSV export of what <paramref name="filter"/> selects.</summary>
    public static string ExportUrl(AuditFilter filter) =>
        ExportPath + QueryString.Create(Parameters(filter).Where(p => p.Value is not null).Select(p => KeyValuePair.Create(p.Key, (string?)p.Value!.ToString())));

    public static string? Normalise(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
