using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;

namespace OrganisationRegistry.Domain.ApplicationDomains;

/// <summary>
/// An organisation falls under an application domain, in a category, for a period, optionally below a parent
/// organisation within that domain (each domain has its own dated hierarchy).
/// </summary>
public sealed class DomainAssignment : IVersioned
{
    public const int RemarkMaxLength = 2000;

    private DomainAssignment()
    {
    }

    internal DomainAssignment(Guid organisationId, Guid applicationDomainId, Guid categoryId, Validity validity, Guid? parentOrganisationId, string? remark)
    {
        Id = Guid.CreateVersion7();
        OrganisationId = organisationId;
        ApplicationDomainId = applicationDomainId;
        Change(categoryId, validity, parentOrganisationId, remark);
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Organisation? Organisation { get; private set; }

    public Guid ApplicationDomainId { get; private set; }

    public ApplicationDomain? ApplicationDomain { get; private set; }

    public Guid CategoryId { get; private set; }

    public DomainCategory? Category { get; private set; }

    public DateOnly? ValidFrom { get; private set; }

    public DateOnly? ValidTo { get; private set; }

    /// <summary>The parent within this domain's own hierarchy, if any.</summary>
    public Guid? ParentOrganisationId { get; private set; }

    public Organisation? ParentOrganisation { get; private set; }

    public string? Remark { get; private set; }

    public long Version { get; set; }

    public Validity Validity => new(ValidFrom, ValidTo);

    internal void Change(Guid categoryId, Validity validity, Guid? parentOrganisationId, string? remark)
    {
        if (parentOrganisationId == OrganisationId)
        {
            throw new DomainRuleException(RuleCodes.Cycle, "Een organisatie kan niet haar eigen moederorganisatie zijn binnen een toepassingsgebied.");
        }

        CategoryId = categoryId;
        ValidFrom = validity.From;
        ValidTo = validity.To;
        ParentOrganisationId = parentOrganisationId;
        Remark = string.IsNullOrWhiteSpace(remark) ? null : remark.Trim();
    }
}
