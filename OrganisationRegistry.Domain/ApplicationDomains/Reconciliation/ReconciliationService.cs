using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Persistence;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Domain.ApplicationDomains.Reconciliation;

/// <summary>
/// List reconciliation: a domain's steward (for that domain) or central staff compare their own list of the domain's
/// members with the register on a reference date D (<see cref="CompareAsync"/>), then apply the differences they select
/// (<see cref="ApplyAsync"/>): checked again against the register as it is then, written in one transaction or not at
/// all, with the file's name as the reason in the audit trail. What applying does per kind (D-1 = the day before D):
/// <list type="bullet">
/// <item>in the list, not in the register: assign in the list's category for the list's period (from: the list's or D).</item>
/// <item>in the register, not in the list: end the assignment on D-1; one that starts on D is removed (a correction).</item>
/// <item>other category: end the assignment on D-1 and assign the list's category from D to the old end (same parent
/// and remark); one that starts on D changes category in place.</item>
/// <item>other period: the assignment takes the list's period (overlaps and cycles are checked).</item>
/// </list>
/// </summary>
public sealed class ReconciliationService(RegistryWriter writer, RegistryAuthorization authorization)
{
    /// <summary>How many codes one lookup query carries.</summary>
    private const int ChunkSize = 2000;

    public async Task<ReconciliationReport> CompareAsync(RegistryUser user, CompareMemberList command, CancellationToken cancellationToken = default)
    {
        await writer.ValidateAsync(command, cancellationToken);
        await using var db = await writer.Contexts.CreateDbContextAsync(cancellationToken);

        // The right first: someone who may not manage the domain learns nothing about it from the file.
        var domain = await authorization.StewardedDomainAsync(db, user, command.DomainCode, RegistryRight.ManageAssignments, cancellationToken);
        return await CompareWithRegisterAsync(db, domain, command, cancellationToken);
    }

    public Task<ReconciliationApplyReport> ApplyAsync(RegistryUser user, ApplyMemberList command, CancellationToken cancellationToken = default) =>
        writer.WriteAsync(user, command, async write =>
        {
            var db = write.Db;

            // The whole domain, like a bulk assignment: the selection is checked and written against a still picture.
            await write.LockAsync(RegistryLock.Domain(command.DomainCode, shared: false), RegistryLock.DomainHierarchy(command.DomainCode));
            var domain = await authorization.StewardedDomainAsync(db, user, command.DomainCode, RegistryRight.ManageAssignments, cancellationToken);
            var reason = Reason(command, removes: false);

            var report = await CompareWithRegisterAsync(db, domain, command.Comparison, cancellationToken);
            var (rows, selected) = Match(report, command.Selected);
            if (rows.Any(r => !r.IsOk))
            {
                return new ReconciliationApplyReport(rows, Applied: false, reason);
            }

            var applied = await ApplySelectedAsync(db, domain, command.ReferenceDate, selected, cancellationToken);
            if (applied.Any(r => !r.IsOk))
            {
                return new ReconciliationApplyReport(applied, Applied: false, reason);
            }

            // Removing an assignment is a correction (its own right, today held by the same people): the trail says so and why.
            if (selected.Any(d => RemovesAssignment(d, command.ReferenceDate)))
            {
                await authorization.EnsureStewardsAsync(db, user, domain, RegistryRight.CorrectAssignments, cancellationToken);
                reason = Reason(command, removes: true);
                db.Audit = db.Audit! with { Reason = reason };
            }

            await db.SaveChangesAsync(cancellationToken);
            return new ReconciliationApplyReport(applied, Applied: true, reason);
        }, cancellationToken, reason: Reason(command, removes: false));

    /// <summary>The audit reason: the file's name first, then what it was (the reference date, removals as corrections).</summary>
    public static string Reason(ApplyMemberList command, bool removes)
    {
        var day = Validity.Format(command.ReferenceDate);
        var reason = $"{command.FileName.Trim()} (lijstvergelijking {command.DomainCode.Trim()} op referentiedatum {day})";
        return removes ? $"{reason}; toewijzingen die op {day} begonnen en niet in de lijst staan, zijn als correctie verwijderd" : reason;
    }

    private static async Task<ReconciliationReport> CompareWithRegisterAsync(RegistryDbContext db, ApplicationDomain domain, CompareMemberList command, CancellationToken cancellationToken)
    {
        var list = MemberListReader.Read(command.Content);
        var date = command.ReferenceDate;

        var organisations = new Dictionary<Guid, RegisterOrganisation>();
        var ovoCodes = list.Rows.Where(r => r.Ovo is not null).Select(r => r.Ovo!.Value).Distinct().ToList();
        foreach (var chunk in ovoCodes.Chunk(ChunkSize))
        {
            await AddAsync(db.Organisations.AsNoTracking().Where(o => chunk.Contains(o.OvoCode)));
        }

        var kboNumbers = list.Rows.Where(r => r.Kbo is not null).Select(r => r.Kbo).Distinct().ToList();
        foreach (var chunk in kboNumbers.Chunk(ChunkSize))
        {
            await AddAsync(db.Organisations.AsNoTracking().Where(o => chunk.Contains(o.KboNumber)));
        }

        var assignments = (await db.DomainAssignments.AsNoTracking()
                .Where(a => a.ApplicationDomainId == domain.Id && (a.ValidFrom == null || a.ValidFrom <= date) && (a.ValidTo == null || a.ValidTo >= date))
                .Select(a => new { a.Id, a.Version, a.OrganisationId, a.Organisation!.OvoCode, a.Organisation.Name, a.CategoryId, a.ValidFrom, a.ValidTo })
                .ToListAsync(cancellationToken))
            .Select(a => new RegisterAssignment(a.Id, a.Version, a.OrganisationId, a.OvoCode, a.Name, a.CategoryId, new Validity(a.ValidFrom, a.ValidTo)))
            .ToList();

        return ListComparison.Compare(domain, date, command.FileName.Trim(), list, organisations.Values, assignments);

        async Task AddAsync(IQueryable<Organisation> query)
        {
            var found = await query
                .Select(o => new { o.Id, o.OvoCode, o.Name, o.KboNumber, o.ValidFrom, o.ValidTo })
                .ToListAsync(cancellationToken);
            foreach (var o in found)
            {
                organisations.TryAdd(o.Id, new RegisterOrganisation(o.Id, o.OvoCode, o.Name, o.KboNumber, new Validity(o.ValidFrom, o.ValidTo)));
            }
        }
    }

    /// <summary>Finds every selected difference in the comparison made now; a selection that no longer holds says why.</summary>
    private static (List<ReconciliationApplyRow> Rows, List<ReconciliationDifference> Selected) Match(ReconciliationReport report, IReadOnlyList<DifferenceKey> keys)
    {
        var byOvo = report.Differences.ToDictionary(d => d.OvoCode, StringComparer.OrdinalIgnoreCase);
        var issues = report.Issues.GroupBy(i => i.OvoCode ?? i.Identifier, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var rows = new List<ReconciliationApplyRow>(keys.Count);
        var selected = new List<ReconciliationDifference>(keys.Count);
        foreach (var key in keys)
        {
            if (!byOvo.TryGetValue(key.OvoCode, out var difference))
            {
                var problem = issues.TryGetValue(key.OvoCode, out var issue)
                    ? $"Regel {issue.Line} kan niet vergeleken worden: {issue.Reason}"
                    : $"{key.OvoCode} stemt intussen overeen met het register: dit verschil bestaat niet meer. Vergelijk opnieuw.";
                rows.Add(new ReconciliationApplyRow(key, issue?.OrganisationName, null, problem));
            }
            else if (difference.Kind != key.Kind)
            {
                rows.Add(new ReconciliationApplyRow(
                    key, difference.OrganisationName, null, $"Het verschil is intussen een ander: nu '{Describe(difference.Kind)}'. Vergelijk opnieuw."));
            }
            else if (difference.AssignmentId != key.AssignmentId || difference.AssignmentVersion != key.AssignmentVersion)
            {
                rows.Add(new ReconciliationApplyRow(
                    key, difference.OrganisationName, null, $"De toewijzing van {difference.OvoCode} werd intussen door iemand anders gewijzigd. Vergelijk opnieuw."));
            }
            else if (difference.NotApplicable is { } notApplicable)
            {
                rows.Add(new ReconciliationApplyRow(key, difference.OrganisationName, null, notApplicable));
            }
            else
            {
                rows.Add(new ReconciliationApplyRow(key, difference.OrganisationName, null, null));
                selected.Add(difference);
            }
        }

        return (rows, selected);
    }

    /// <summary>Changes the tracked aggregates (saving is the caller's choice) and reports per difference.</summary>
    private static async Task<List<ReconciliationApplyRow>> ApplySelectedAsync(
        RegistryDbContext db, ApplicationDomain domain, DateOnly date, List<ReconciliationDifference> selected, CancellationToken cancellationToken)
    {
        var ids = selected.Select(d => d.OrganisationId).Distinct().ToList();
        var aggregates = new Dictionary<Guid, Organisation>();
        foreach (var chunk in ids.Chunk(ChunkSize))
        {
            foreach (var organisation in await db.Organisations
                         .Include(o => o.Assignments.Where(a => a.ApplicationDomainId == domain.Id))
                         .Where(o => chunk.Contains(o.Id))
                         .ToListAsync(cancellationToken))
            {
                aggregates[organisation.Id] = organisation;
            }
        }

        // The domain's own hierarchy for the cycle checks: changed organisations answer from memory, the others from here.
        var links = (await db.DomainAssignments.AsNoTracking()
                .Where(a => a.ApplicationDomainId == domain.Id && a.ParentOrganisationId != null)
                .Select(a => new { a.OrganisationId, a.ParentOrganisationId, a.ValidFrom, a.ValidTo })
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.OrganisationId, a => new DatedLink(a.OrganisationId, a.ParentOrganisationId!.Value, new Validity(a.ValidFrom, a.ValidTo)));
        IEnumerable<DatedLink> ParentsOf(Guid id) =>
            aggregates.TryGetValue(id, out var organisation)
                ? organisation.Assignments
                    .Where(a => a.ParentOrganisationId is not null)
                    .Select(a => new DatedLink(a.OrganisationId, a.ParentOrganisationId!.Value, a.Validity))
                : links[id];

        var parentIds = aggregates.Values.SelectMany(o => o.Assignments).Select(a => a.ParentOrganisationId).OfType<Guid>().Distinct().ToList();
        var parents = new Dictionary<Guid, Organisation>();
        foreach (var chunk in parentIds.Chunk(ChunkSize))
        {
            foreach (var parent in await db.Organisations.AsNoTracking().Where(o => chunk.Contains(o.Id)).ToListAsync(cancellationToken))
            {
                parents[parent.Id] = parent;
            }
        }

        var categories = domain.Categories.ToDictionary(c => c.Id);
        var rows = new List<ReconciliationApplyRow>(selected.Count);
        foreach (var difference in selected)
        {
            var organisation = aggregates[difference.OrganisationId];
            try
            {
                var outcome = Apply(organisation, domain, categories, difference, date, parents, ParentsOf);
                rows.Add(new ReconciliationApplyRow(difference.Key, difference.OrganisationName, outcome, null));
            }
            catch (DomainRuleException rule)
            {
                rows.Add(new ReconciliationApplyRow(difference.Key, difference.OrganisationName, null, rule.Message));
            }
        }

        return rows;
    }

    private static string Apply(
        Organisation organisation,
        ApplicationDomain domain,
        Dictionary<Guid, DomainCategory> categories,
        ReconciliationDifference difference,
        DateOnly date,
        Dictionary<Guid, Organisation> parents,
        Func<Guid, IEnumerable<DatedLink>> parentsOf)
    {
        var dayBefore = date.AddDays(-1);
        var assignment = difference.AssignmentId is { } id ? organisation.Assignments.Single(a => a.Id == id) : null;
        var parent = assignment?.ParentOrganisationId is { } parentId ? parents[parentId] : null;
        switch (difference.Kind)
        {
            case DifferenceKind.MissingInRegister:
            {
                var validity = difference.ListPeriod!.Value;
                organisation.Assign(domain, categories[difference.ListCategoryId!.Value], validity, null, null, parentsOf);
                return $"Toegewezen in '{difference.ListCategory}' {validity}.";
            }

            case DifferenceKind.MissingInList when RemovesAssignment(difference, date):
                organisation.RemoveAssignment(assignment!.Id);
                return $"Verwijderd als correctie: de toewijzing begon op {Validity.Format(date)}.";

            case DifferenceKind.MissingInList:
                organisation.EndAssignment(assignment!.Id, dayBefore);
                return $"Beëindigd op {Validity.Format(dayBefore)}.";

            case DifferenceKind.OtherCategory when assignment!.ValidFrom == date:
                organisation.ChangeAssignment(assignment.Id, domain, categories[difference.ListCategoryId!.Value], assignment.Validity, parent, assignment.Remark, parentsOf);
                return $"Categorie gewijzigd naar '{difference.ListCategory}' (de toewijzing begon op {Validity.Format(date)}).";

            case DifferenceKind.OtherCategory:
            {
                var oldEnd = assignment.ValidTo;
                var remark = assignment.Remark;
                organisation.EndAssignment(assignment.Id, dayBefore);
                var validity = new Validity(date, oldEnd);
                organisation.Assign(domain, categories[difference.ListCategoryId!.Value], validity, parent, remark, parentsOf);
                return $"Beëindigd op {Validity.Format(dayBefore)} en toegewezen in '{difference.ListCategory}' {validity}.";
            }

            case DifferenceKind.OtherPeriod:
            {
                var validity = difference.ListPeriod!.Value;
                organisation.ChangeAssignment(assignment!.Id, domain, categories[assignment.CategoryId], validity, parent, assignment.Remark, parentsOf);
                return $"Periode gewijzigd naar {validity}.";
            }

            default:
                throw new InvalidOperationException($"Unknown difference kind {difference.Kind}.");
        }
    }

    private static bool RemovesAssignment(ReconciliationDifference difference, DateOnly date) =>
        difference.Kind == DifferenceKind.MissingInList && difference.RegisterPeriod?.From == date;

    /// <summary>The kind as the page names it.</summary>
    public static string Describe(DifferenceKind kind) => kind switch
    {
        DifferenceKind.MissingInRegister => "in de lijst, niet in het register",
        DifferenceKind.MissingInList => "in het register, niet in de lijst",
        DifferenceKind.OtherCategory => "andere categorie",
        DifferenceKind.OtherPeriod => "andere periode",
        _ => kind.ToString(),
    };
}
