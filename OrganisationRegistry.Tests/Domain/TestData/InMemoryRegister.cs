using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;

namespace OrganisationRegistry.Tests.Domain.TestData;

/// <summary>
/// A handful of organisations that answer the "who are the parents of X" questions the aggregate asks for its
/// cycle checks, the way the services answer them from the database.
/// </summary>
internal sealed class InMemoryRegister
{
    private readonly Dictionary<Guid, Organisation> _organisations = [];

    public Organisation Add(OrganisationBuilder builder)
    {
        var organisation = builder.Build();
        _organisations.Add(organisation.Id, organisation);
        return organisation;
    }

    /// <summary>The structure links (organisation parents) of an organisation.</summary>
    public IEnumerable<DatedLink> ParentsOf(Guid organisationId) =>
        _organisations[organisationId].Parents.Select(p => p.ToLink());

    /// <summary>The parent links within one application domain's own hierarchy.</summary>
    public Func<Guid, IEnumerable<DatedLink>> ParentsWithin(ApplicationDomain domain) =>
        organisationId => _organisations[organisationId].Assignments
            .Where(a => a.ApplicationDomainId == domain.Id && a.ParentOrganisationId is not null)
            .Select(a => new DatedLink(a.OrganisationId, a.ParentOrganisationId!.Value, a.Validity));
}
