using OrganisationRegistry.Domain.Organisations;

namespace OrganisationRegistry.Domain.ApplicationDomains;

/// <summary>An application domain with its stewards, its categories and how many organisations it holds on a date.</summary>
public sealed record ApplicationDomainOverview(
    string Code,
    string Name,
    Article? Article,
    string? Description,
    string? LegalReference,
    IReadOnlyList<DomainStewardItem> Stewards,
    IReadOnlyList<DomainCategoryItem> Categories,
    DateOnly CountedOn,
    int AssignedCount);

/// <summary>An organisation that manages a domain across the register.</summary>
public sealed record DomainStewardItem(OvoCode OvoCode, string Name);

/// <summary>A category of a domain; inactive ones stay on existing assignments.</summary>
public sealed record DomainCategoryItem(string Code, string Name, bool IsActive);

/// <summary>A domain as a choice in a filter.</summary>
public sealed record ApplicationDomainChoice(string Code, string Name);
