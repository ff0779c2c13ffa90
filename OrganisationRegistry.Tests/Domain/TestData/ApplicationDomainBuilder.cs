using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Organisations;

namespace OrganisationRegistry.Tests.Domain.TestData;

/// <summary>Builds an <see cref="ApplicationDomain"/> with its categories.</summary>
internal sealed class ApplicationDomainBuilder(string code, string name, Article? article)
{
    private readonly List<(string Code, string Name, bool IsActive)> _categories = [];
    private readonly List<Guid> _stewards = [];

    public ApplicationDomainBuilder WithCategory(string categoryCode, string categoryName, bool isActive = true)
    {
        _categories.Add((categoryCode, categoryName, isActive));
        return this;
    }

    public ApplicationDomainBuilder StewardedBy(Guid organisationId)
    {
        _stewards.Add(organisationId);
        return this;
    }

    public ApplicationDomain Build()
    {
        var domain = new ApplicationDomain(code, name, article, description: null, legalReference: null);
        foreach (var (categoryCode, categoryName, isActive) in _categories)
        {
            var category = domain.AddCategory(categoryCode, categoryName, domain.Categories.Count + 1);
            category.Update(categoryName, category.SortOrder, isActive);
        }

        foreach (var steward in _stewards)
        {
            domain.AddSteward(steward);
        }

        return domain;
    }
}

/// <summary>The two horizontally managed domains, with a few categories (and one that is no longer active).</summary>
internal static class TestDomains
{
    public static ApplicationDomainBuilder Domain(string code, string name, Article? article) => new(code, name, article);

    public static ApplicationDomain Bestuursdecreet() =>
        Domain("bestuursdecreet", "Bestuursdecreet", Article.Het)
            .WithCategory("departement", "Vlaamse administratie - departement")
            .WithCategory("iva-zonder-rp", "Vlaamse administratie - IVA zonder rechtspersoonlijkheid")
            .WithCategory("onderwijsinspectie", "Vlaamse administratie - onderwijsinspectie", isActive: false)
            .Build();

    public static ApplicationDomain Vco() =>
        Domain("vco", "Vlaamse Codex Overheidsfinanciën", Article.De)
            .WithCategory("diensten-vlaamse-regering", "Diensten van de Vlaamse Regering")
            .WithCategory("dab", "Dienst met afzonderlijk beheer")
            .Build();

    public static DomainCategory Category(this ApplicationDomain domain, string code) =>
        domain.Categories.Single(c => c.Code == code);
}
