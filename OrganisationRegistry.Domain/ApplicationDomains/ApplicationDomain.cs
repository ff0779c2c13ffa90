using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;

namespace OrganisationRegistry.Domain.ApplicationDomains;

/// <summary>
/// An application domain (toepassingsgebied): a regulation and the organisations it applies to, with categories
/// that are reference data, and steward organisations whose experts manage the domain across the whole register.
/// </summary>
public sealed class ApplicationDomain : IVersioned
{
    public const int CodeMaxLength = 50;
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int LegalReferenceMaxLength = 500;

    private readonly List<DomainCategory> _categories = [];
    private readonly List<DomainSteward> _stewards = [];

    private ApplicationDomain()
    {
    }

    public ApplicationDomain(string code, string name, Article? article, string? description, string? legalReference)
    {
        Id = Guid.CreateVersion7();
        Code = code;
        Update(name, article, description, legalReference);
    }

    public Guid Id { get; private set; }

    /// <summary>Stable code used by people and systems (<c>bestuursdecreet</c>, <c>vco</c>).</summary>
    public string Code { get; private set; } = null!;

    public string Name { get; private set; } = null!;

    /// <summary>The article used with the name in sentences ("het Bestuursdecreet", "de Vlaamse Codex ...").</summary>
    public Article? Article { get; private set; }

    /// <summary>The name as used in a sentence: "het Bestuursdecreet".</summary>
    public string NameInSentence => Article switch
    {
        Organisations.Article.De => $"de {Name}",
        Organisations.Article.Het => $"het {Name}",
        _ => Name,
    };

    public string? Description { get; private set; }

    public string? LegalReference { get; private set; }

    public long Version { get; set; }

    public IReadOnlyCollection<DomainCategory> Categories => _categories;

    public IReadOnlyCollection<DomainSteward> Stewards => _stewards;

    public void Update(string name, Article? article, string? description, string? legalReference)
    {
        Name = name;
        Article = article;
        Description = description;
        LegalReference = legalReference;
    }

    public DomainCategory AddCategory(string code, string name, int sortOrder)
    {
        if (_categories.Any(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainRuleException(RuleCodes.Duplicate, $"Het toepassingsgebied {Name} heeft al een categorie met code '{code}'.");
        }

        var category = new DomainCategory(Id, code, name, sortOrder);
        _categories.Add(category);
        return category;
    }

    public void AddSteward(Guid organisationId)
    {
        if (_stewards.All(s => s.OrganisationId != organisationId))
        {
            _stewards.Add(new DomainSteward(Id, organisationId));
        }
    }

    public void RemoveSteward(Guid organisationId) => _stewards.RemoveAll(s => s.OrganisationId == organisationId);
}
