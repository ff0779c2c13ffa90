namespace OrganisationRegistry.Domain.ApplicationDomains;

/// <summary>The organisation whose experts manage an application domain across the whole register (data, not code).</summary>
public sealed class DomainSteward
{
    private DomainSteward()
    {
    }

    internal DomainSteward(Guid applicationDomainId, Guid organisationId)
    {
        ApplicationDomainId = applicationDomainId;
        OrganisationId = organisationId;
    }

    public Guid ApplicationDomainId { get; private set; }

    public Guid OrganisationId { get; private set; }
}
