using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;

namespace OrganisationRegistry.Domain.ApplicationDomains.Reconciliation;

/// <summary>An organisation the list names, as the register has it.</summary>
internal sealed record RegisterOrganisation(Guid Id, OvoCode OvoCode, string Name, KboNumber? KboNumber, Validity Validity);

/// <summary>An assignment of the domain that contains the reference date.</summary>
internal sealed record RegisterAssignment(Guid Id, long Version, Guid OrganisationId, OvoCode OvoCode, string OrganisationName, Guid CategoryId, Validity Validity);

/// <summary>
/// Compares a list with the register on a reference date D (periods inclusive). Per row: the organisation (by OVO code,
/// else the one organisation valid on D with that KBO number), then its assignment in the domain containing D. No
/// database here: the service hands in the organisations the list names and the domain's assignments containing D.
/// </summary>
internal static class ListComparison
{
    public static ReconciliationReport Compare(
        ApplicationDomain domain,
        DateOnly referenceDate,
        string fileName,
        MemberList list,
        IReadOnlyCollection<RegisterOrganisation> organisations,
        IReadOnlyCollection<RegisterAssignment> assignmentsOnDate)
    {
        var byOvo = organisations.ToDictionary(o => o.OvoCode);
        var byKbo = organisations
            .Where(o => o.KboNumber is not null && o.Validity.Contains(referenceDate))
            .ToLookup(o => o.KboNumber!.Value);
        var assignments = assignmentsOnDate.ToDictionary(a => a.OrganisationId);
        var categories = domain.Categories.ToDictionary(c => c.Id);
        var day = Validity.Format(referenceDate);

        var differences = new List<ReconciliationDifference>();
        var issues = new List<ListIssue>();
        var seen = new Dictionary<Guid, int>();
        var agreeing = 0;

        foreach (var row in list.Rows)
        {
            void Issue(ListIssueKind kind, string reason, RegisterOrganisation? organisation = null) =>
                issues.Add(new ListIssue(row.Line, kind, row.Identifier, organisation?.OvoCode.Value, organisation?.Name, reason));

            // Rows whose identifier does not even parse cannot name an organisation; other problems can wait until it is known.
            if (row.Problem is not null && row.Ovo is null && row.Kbo is null)
            {
                Issue(ListIssueKind.Invalid, row.Problem);
                continue;
            }

            var (organisation, kind, reason) = Resolve(row, byOvo, byKbo, day);
            if (organisation is null)
            {
                Issue(kind, reason!);
                continue;
            }

            if (seen.TryGetValue(organisation.Id, out var firstLine))
            {
                Issue(ListIssueKind.Invalid, $"{organisation.OvoCode} staat al op regel {firstLine}; elke organisatie mag maar één keer in de lijst staan.", organisation);
                continue;
            }

            seen[organisation.Id] = row.Line;
            if (kind == ListIssueKind.Ambiguous)
            {
                Issue(kind, reason!, organisation);
                continue;
            }

            if (row.Problem is not null)
            {
                Issue(ListIssueKind.Invalid, row.Problem, organisation);
                continue;
            }

            DomainCategory? category = null;
            if (row.CategoryText is { } categoryText && (category = FindCategory(domain, categoryText)) is null)
            {
                Issue(ListIssueKind.Invalid, $"{RegistryLookups.Capitalise(domain.NameInSentence)} heeft geen categorie '{categoryText}' (code of naam).", organisation);
                continue;
            }

            if ((row.From is { } from && from > referenceDate) || (row.To is { } to && to < referenceDate))
            {
                Issue(
                    ListIssueKind.Invalid,
                    $"De periode in de lijst ({new Validity(row.From, row.To)}) bevat de referentiedatum {day} niet.",
                    organisation);
                continue;
            }

            if (!assignments.TryGetValue(organisation.Id, out var assignment))
            {
                differences.Add(new ReconciliationDifference(
                    DifferenceKind.MissingInRegister,
                    row.Line,
                    organisation.Id,
                    organisation.OvoCode.Value,
                    organisation.Name,
                    category?.Id,
                    category?.Name,
                    new Validity(row.From ?? referenceDate, row.To),
                    null,
                    null,
                    null,
                    null,
                    category is null ? "De lijst geeft geen categorie: zonder categorie kan de toewijzing niet gemaakt worden." : null));
                continue;
            }

            var listPeriod = new Validity(
                list.Columns.HasFrom ? row.From : assignment.Validity.From,
                list.Columns.HasTo ? row.To : assignment.Validity.To);
            var registerCategory = categories.GetValueOrDefault(assignment.CategoryId)?.Name;
            var differenceKind = category is not null && category.Id != assignment.CategoryId ? DifferenceKind.OtherCategory
                : listPeriod != assignment.Validity ? DifferenceKind.OtherPeriod
                : (DifferenceKind?)null;
            if (differenceKind is null)
            {
                agreeing++;
                continue;
            }

            differences.Add(new ReconciliationDifference(
                differenceKind.Value,
                row.Line,
                organisation.Id,
                organisation.OvoCode.Value,
                organisation.Name,
                category?.Id ?? assignment.CategoryId,
                category?.Name ?? registerCategory,
                listPeriod,
                assignment.Id,
                assignment.Version,
                registerCategory,
                assignment.Validity));
        }

        foreach (var assignment in assignmentsOnDate.Where(a => !seen.ContainsKey(a.OrganisationId)))
        {
            differences.Add(new ReconciliationDifference(
                DifferenceKind.MissingInList,
                null,
                assignment.OrganisationId,
                assignment.OvoCode.Value,
                assignment.OrganisationName,
                null,
                null,
                null,
                assignment.Id,
                assignment.Version,
                categories.GetValueOrDefault(assignment.CategoryId)?.Name,
                assignment.Validity));
        }

        return new ReconciliationReport(
            domain.Code,
            domain.Name,
            referenceDate,
            fileName,
            list.Rows.Count,
            agreeing,
            [.. differences.OrderBy(d => d.Kind).ThenBy(d => d.OvoCode, StringComparer.Ordinal)],
            [.. issues.OrderBy(i => i.Line)]);
    }

    /// <summary>
    /// The organisation a row names. By OVO code when given (and then a given KBO number must be that organisation's);
    /// else the organisation valid on the reference date with the KBO number. An ambiguous answer still names the
    /// organisation when the OVO code does (so it does not count as missing from the list).
    /// </summary>
    private static (RegisterOrganisation? Organisation, ListIssueKind Kind, string? Reason) Resolve(
        MemberListRow row, Dictionary<OvoCode, RegisterOrganisation> byOvo, ILookup<KboNumber, RegisterOrganisation> byKbo, string day)
    {
        if (row.Ovo is { } ovo)
        {
            if (!byOvo.TryGetValue(ovo, out var organisation))
            {
                return (null, ListIssueKind.Unknown, $"{ovo} bestaat niet in het register.");
            }

            if (row.Kbo is { } given && organisation.KboNumber != given)
            {
                return (organisation, ListIssueKind.Ambiguous, organisation.KboNumber is { } own
                    ? $"De OVO-code en het KBO-nummer wijzen naar verschillende organisaties: {ovo} heeft KBO-nummer {own}, niet {given}."
                    : $"De OVO-code en het KBO-nummer spreken elkaar tegen: {ovo} heeft geen KBO-nummer, de lijst geeft {given}.");
            }

            return (organisation, default, null);
        }

        var kbo = row.Kbo!.Value;
        var matches = byKbo[kbo].ToList();
        return matches.Count switch
        {
            0 => (null, ListIssueKind.Unknown, $"Geen organisatie met KBO-nummer {kbo} die geldig is op {day}."),
            1 => (matches[0], default, null),
            _ => (null, ListIssueKind.Ambiguous,
                $"KBO-nummer {kbo} hoort bij {matches.Count} organisaties die geldig zijn op {day} ({string.Join(", ", matches.Select(m => m.OvoCode.Value).Order(StringComparer.Ordinal))}); geef de OVO-code."),
        };
    }

    /// <summary>By code, else by name; case, accents, spaces and punctuation do not matter.</summary>
    internal static DomainCategory? FindCategory(ApplicationDomain domain, string text)
    {
        var key = MemberListReader.Normalise(text);
        return key.Length == 0
            ? null
            : domain.Categories.FirstOrDefault(c => MemberListReader.Normalise(c.Code) == key)
                ?? domain.Categories.FirstOrDefault(c => MemberListReader.Normalise(c.Name) == key);
    }
}
