using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Persistence;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Domain.ApplicationDomains;

/// <summary>
/// Writes assignments of organisations to application domains, for the pages and the API alike. Every call validates
/// the command, checks the user's right on the domain (central or the domain's steward; never an organisation
/// manager), loads the organisation with its assignments in that domain, lets the aggregate apply its rules
/// (overlaps, cycles within the domain, active categories) and saves in one transaction.
/// </summary>
public sealed class AssignmentService(RegistryWriter writer, RegistryAuthorization authorization)
{
    public async Task<Saved> AssignAsync(RegistryUser user, AssignToDomain command, CancellationToken cancellationToken = default)
    {
        var written = await AssignReturningAsync(user, command, cancellationToken);
        return new Saved(written.Id, written.Version);
    }

    /// <summary>
    /// As <see cref="AssignAsync"/>, answering the assignment as it was written and committed (what the API shows), so
    /// that the caller need not read it back.
    /// </summary>
    public Task<EditableAssignment> AssignReturningAsync(RegistryUser user, AssignToDomain command, CancellationToken cancellationToken = default) =>
        writer.WriteAsync(user, command, async write =>
        {
            var db = write.Db;
            await write.LockAsync(AssignmentLocks(command.DomainCode, command.OvoCode, command.ParentOvoCode));
            var domain = await authorization.StewardedDomainAsync(db, user, command.DomainCode, RegistryRight.ManageAssignments, cancellationToken);
            var organisation = await WithAssignmentsIn(db, domain.Id).OrganisationAsync(command.OvoCode, cancellationToken);
            var parent = await ParentAsync(db, command.ParentOvoCode, cancellationToken);
            var hierarchy = await HierarchyAboveAsync(db, domain.Id, parent, cancellationToken);

            var category = domain.CategoryByCode(command.CategoryCode);
            var assignment = organisation.Assign(
                domain, category, new Validity(command.ValidFrom, command.ValidTo), parent, command.Remark, hierarchy.Of);
            await db.SaveChangesAsync(cancellationToken);
            return new EditableAssignment(
                assignment.Id,
                assignment.Version,
                domain.Id,
                domain.Code,
                domain.Name,
                organisation.OvoCode,
                organisation.Name,
                category.Code,
                category.Name,
                assignment.ValidFrom,
                assignment.ValidTo,
                parent?.OvoCode,
                parent?.Name,
                assignment.Remark);
        }, cancellationToken);

    public Task<Saved> ChangeAsync(RegistryUser user, ChangeAssignment command, CancellationToken cancellationToken = default) =>
        writer.WriteAsync(user, command, async write =>
        {
            var (domain, organisation, assignment) = await LoadForEditAsync(
                write, user, command.AssignmentId, command.ExpectedVersion, correcting: false, cancellationToken, newParentOvoCode: command.ParentOvoCode);
            var parent = await ParentAsync(write.Db, command.ParentOvoCode, cancellationToken);
            var hierarchy = await HierarchyAboveAsync(write.Db, domain.Id, parent, cancellationToken);

            organisation.ChangeAssignment(
                assignment.Id, domain, domain.CategoryByCode(command.CategoryCode), new Validity(command.ValidFrom, command.ValidTo), parent, command.Remark, hierarchy.Of);
            await write.Db.SaveChangesAsync(cancellationToken);
            return new Saved(assignment.Id, assignment.Version);
        }, cancellationToken);

    public Task<Saved> EndAsync(RegistryUser user, EndAssignment command, CancellationToken cancellationToken = default) =>
        writer.WriteAsync(user, command, async write =>
        {
            var (_, organisation, assignment) = await LoadForEditAsync(write, user, command.AssignmentId, command.ExpectedVersion, correcting: false, cancellationToken);
            organisation.EndAssignment(assignment.Id, command.ValidTo!.Value);
            await write.Db.SaveChangesAsync(cancellationToken);
            return new Saved(assignment.Id, assignment.Version);
        }, cancellationToken);

    /// <summary>Removes an erroneous assignment; the reason travels with the save in <see cref="AuditContext.Reason"/>.</summary>
    public Task CorrectAsync(RegistryUser user, CorrectAssignment command, CancellationToken cancellationToken = default) =>
        writer.WriteAsync(user, command, async write =>
        {
            var (_, organisation, assignment) = await LoadForEditAsync(write, user, command.AssignmentId, command.ExpectedVersion, correcting: true, cancellationToken);
            organisation.RemoveAssignment(assignment.Id);
            return await write.Db.SaveChangesAsync(cancellationToken);
        }, cancellationToken, reason: command.Reason);

    /// <summary>What <see cref="ApplyBulkAsync"/> would do, per organisation, without writing anything.</summary>
    public async Task<BulkAssignmentReport> PreviewBulkAsync(RegistryUser user, BulkAssignToDomain command, CancellationToken cancellationToken = default)
    {
        await writer.ValidateAsync(command, cancellationToken);
        await using var db = await writer.Contexts.CreateDbContextAsync(cancellationToken);
        return new BulkAssignmentReport(await EvaluateBulkAsync(db, user, command, cancellationToken), Applied: false);
    }

    /// <summary>
    /// Checks every organisation again and writes all assignments in one transaction, or none when any organisation
    /// has a conflict (the report then says which, and <see cref="BulkAssignmentReport.Applied"/> is false).
    /// </summary>
    public Task<BulkAssignmentReport> ApplyBulkAsync(RegistryUser user, BulkAssignToDomain command, CancellationToken cancellationToken = default) =>
        writer.WriteAsync(user, command, async write =>
        {
            // Many organisations of one domain at once: the whole domain, so the batch is checked against a still picture.
            await write.LockAsync(RegistryLock.Domain(command.DomainCode, shared: false), RegistryLock.DomainHierarchy(command.DomainCode));
            var rows = await EvaluateBulkAsync(write.Db, user, command, cancellationToken);
            if (rows.Any(r => !r.IsOk))
            {
                return new BulkAssignmentReport(rows, Applied: false);
            }

            await write.Db.SaveChangesAsync(cancellationToken);
            return new BulkAssignmentReport(rows, Applied: true);
        }, cancellationToken);

    /// <summary>Applies the bulk command to the tracked aggregates (saving is the caller's choice) and reports per organisation.</summary>
    private async Task<List<BulkAssignmentRow>> EvaluateBulkAsync(RegistryDbContext db, RegistryUser user, BulkAssignToDomain command, CancellationToken cancellationToken)
    {
        var domain = await authorization.StewardedDomainAsync(db, user, command.DomainCode, RegistryRight.ManageAssignments, cancellationToken);
        var category = domain.CategoryByCode(command.CategoryCode);
        var parent = await ParentAsync(db, command.ParentOvoCode, cancellationToken);
        var validity = new Validity(command.ValidFrom, command.ValidTo);

        var given = command.OvoCodes.Select(text => text?.Trim() ?? string.Empty).ToList();
        var codes = given.Select(text => OvoCode.TryParse(text, out var code) ? code : (OvoCode?)null).OfType<OvoCode>().Distinct().ToList();
        var organisations = await WithAssignmentsIn(db, domain.Id).Where(o => codes.Contains(o.OvoCode)).ToListAsync(cancellationToken);
        var byCode = organisations.ToDictionary(o => o.OvoCode);
        var byId = organisations.ToDictionary(o => o.Id);

        // Earlier rows of this batch are links too: organisations of the batch answer from memory, others from the database.
        var hierarchy = await HierarchyAboveAsync(db, domain.Id, parent, cancellationToken);
        IEnumerable<DatedLink> ParentsOf(Guid id) =>
            byId.TryGetValue(id, out var organisation)
                ? organisation.Assignments
                    .Where(a => a.ApplicationDomainId == domain.Id && a.ParentOrganisationId is not null)
                    .Select(a => new DatedLink(a.OrganisationId, a.ParentOrganisationId!.Value, a.Validity))
                : hierarchy.Of(id);

        var rows = new List<BulkAssignmentRow>(given.Count);
        var seen = new HashSet<OvoCode>();
        foreach (var text in given)
        {
            if (!OvoCode.TryParse(text, out var code))
            {
                rows.Add(new(text, null, RuleCodes.InvalidValue, $"'{text}' is geen geldige OVO-code."));
            }
            else if (!seen.Add(code))
            {
                rows.Add(new(code.Value, byCode.GetValueOrDefault(code)?.Name, RuleCodes.Duplicate, $"{code} staat meer dan eens in de lijst."));
            }
            else if (!byCode.TryGetValue(code, out var organisation))
            {
                rows.Add(new(code.Value, null, RuleCodes.NotFound, RegistryLookups.OrganisationNotFound(code).Message));
            }
            else
            {
                try
                {
                    var assignment = organisation.Assign(domain, category, validity, parent, command.Remark, ParentsOf);
                    rows.Add(new(code.Value, organisation.Name, null, null, assignment.Id));
                }
                catch (DomainRuleException rule)
                {
                    rows.Add(new(code.Value, organisation.Name, rule.Code, rule.Message));
                }
            }
        }

        return rows;
    }

    /// <summary>Finds the assignment's domain, checks the right on it, then loads the organisation and the assignment at the version the user saw.</summary>
    private async Task<(ApplicationDomain Domain, Organisation Organisation, DomainAssignment Assignment)> LoadForEditAsync(
        RegistryWrite write,
        RegistryUser user,
        Guid assignmentId,
        long expectedVersion,
        bool correcting,
        CancellationToken cancellationToken,
        string? newParentOvoCode = null)
    {
        var db = write.Db;
        var target = await db.DomainAssignments.AsNoTracking()
            .Where(a => a.Id == assignmentId)
            .Select(a => new { a.OrganisationId, a.ApplicationDomainId, DomainCode = a.ApplicationDomain!.Code, a.Organisation!.OvoCode })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw RegistryWrite.Removed("Deze toewijzing", expectedVersion);
        await write.LockAsync(AssignmentLocks(target.DomainCode, target.OvoCode.Value, newParentOvoCode));
        var domain = await authorization.StewardedDomainAsync(
            db, user, target.ApplicationDomainId, correcting ? RegistryRight.CorrectAssignments : RegistryRight.ManageAssignments, cancellationToken);

        var organisation = await WithAssignmentsIn(db, domain.Id).SingleAsync(o => o.Id == target.OrganisationId, cancellationToken);

        // Removed by someone else between the first look and the lock.
        var assignment = organisation.Assignments.SingleOrDefault(a => a.Id == assignmentId)
            ?? throw RegistryWrite.Removed("Deze toewijzing", expectedVersion);
        write.ExpectVersion(assignment, expectedVersion);
        return (domain, organisation, assignment);
    }

    /// <summary>
    /// An assignment changes one organisation, needs its domain's categories and stewards to stay as read (shared), and
    /// with a parent within the domain also the domain's hierarchy (cycles).
    /// </summary>
    private static RegistryLock[] AssignmentLocks(string domainCode, string ovoCode, string? parentOvoCode) =>
        string.IsNullOrWhiteSpace(parentOvoCode)
            ? [RegistryLock.Domain(domainCode, shared: true), RegistryLock.Organisation(ovoCode)]
            : [RegistryLock.Domain(domainCode, shared: true), RegistryLock.Organisation(ovoCode), RegistryLock.DomainHierarchy(domainCode)];

    private static IQueryable<Organisation> WithAssignmentsIn(RegistryDbContext db, Guid domainId) =>
        db.Organisations.Include(o => o.Assignments.Where(a => a.ApplicationDomainId == domainId));

    private static async Task<Organisation?> ParentAsync(RegistryDbContext db, string? ovoCode, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(ovoCode) ? null : await db.Organisations.OrganisationAsync(ovoCode, cancellationToken);

    private static async Task<ParentLinks> HierarchyAboveAsync(RegistryDbContext db, Guid domainId, Organisation? parent, CancellationToken cancellationToken) =>
        parent is null ? ParentLinks.None : await ParentLinks.DomainAboveAsync(db, domainId, parent.Id, cancellationToken);
}
