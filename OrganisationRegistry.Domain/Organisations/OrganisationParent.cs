using OrganisationRegistry.Domain.Common;

namespace OrganisationRegistry.Domain.Organisations;

/// <summary>A period during which an organisation falls under a parent organisation (the organisation structure).</summary>
public sealed class OrganisationParent : IVersioned
{
    private OrganisationParent()
    {
    }

    internal OrganisationParent(Guid organisationId, Guid parentOrganisationId, Validity validity)
    {
        Id = Guid.CreateVersion7();
        OrganisationId = organisationId;
        ParentOrganisationId = parentOrganisationId;
        Change(parentOrganisationId, validity);
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid ParentOrganisationId { get; private set; }

    public Organisation? ParentOrganisation { get; private set; }

    public DateOnly? ValidFrom { get; private set; }

    public DateOnly? ValidTo { get; private set; }

    public long Version { get; set; }

    public Validity Validity => new(ValidFrom, ValidTo);

    public DatedLink ToLink() => new(OrganisationId, ParentOrganisationId, Validity);

    internal void Change(Guid parentOrganisationId, Validity validity)
    {
        ParentOrganisationId = parentOrganisationId;
        ValidFrom = validity.From;
        ValidTo = validity.To;
    }
}
