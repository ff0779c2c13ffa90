using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Tests.Domain.TestData;
using static OrganisationRegistry.Tests.Domain.TestData.RuleAssert;

namespace OrganisationRegistry.Tests.Domain.ApplicationDomains;

public sealed class ApplicationDomainTests
{
    private readonly ApplicationDomain _domain = TestDomains.Domain("bestuursdecreet", "Bestuursdecreet", Article.Het).Build();

    [Fact]
    public void AddCategory_BelongsToTheDomain_AndIsActive()
    {
        var category = _domain.AddCategory("departement", "Vlaamse administratie - departement", 10);

        Assert.Equal(_domain.Id, category.ApplicationDomainId);
        Assert.Equal("departement", category.Code);
        Assert.Equal("Vlaamse administratie - departement", category.Name);
        Assert.Equal(10, category.SortOrder);
        Assert.True(category.IsActive);
        Assert.Same(category, Assert.Single(_domain.Categories));
    }

    [Theory]
    [InlineData("departement")]
    [InlineData("DEPARTEMENT")]
    [InlineData("Departement")]
    public void AddCategory_DuplicateCode_IsRefused_WhateverItsCase(string code)
    {
        _domain.AddCategory("departement", "Departement", 1);

        Broken(
            RuleCodes.Duplicate,
            $"Het toepassingsgebied Bestuursdecreet heeft al een categorie met code '{code}'.",
            () => _domain.AddCategory(code, "Nog een departement", 2));
        Assert.Single(_domain.Categories);
    }

    [Fact]
    public void AddCategory_SameCodeInAnotherDomain_IsAccepted()
    {
        var vco = TestDomains.Domain("vco", "Vlaamse Codex Overheidsfinanciën", Article.De).Build();
        _domain.AddCategory("eva", "EVA", 1);

        vco.AddCategory("eva", "EVA", 1);

        Assert.Single(vco.Categories);
    }

    [Fact]
    public void Category_Update_CanDeactivateIt()
    {
        var category = _domain.AddCategory("onderwijsinspectie", "Onderwijsinspectie", 1);

        category.Update("Onderwijsinspectie (afgeschaft)", 99, isActive: false);

        Assert.False(category.IsActive);
        Assert.Equal("Onderwijsinspectie (afgeschaft)", category.Name);
        Assert.Equal(99, category.SortOrder);
    }

    [Fact]
    public void AddSteward_IsIdempotent()
    {
        var aop = Guid.NewGuid();

        _domain.AddSteward(aop);
        _domain.AddSteward(aop);

        var steward = Assert.Single(_domain.Stewards);
        Assert.Equal(aop, steward.OrganisationId);
        Assert.Equal(_domain.Id, steward.ApplicationDomainId);
    }

    [Fact]
    public void RemoveSteward_RemovesOnlyThatOrganisation()
    {
        var aop = Guid.NewGuid();
        var dfb = Guid.NewGuid();
        _domain.AddSteward(aop);
        _domain.AddSteward(dfb);

        _domain.RemoveSteward(aop);
        _domain.RemoveSteward(Guid.NewGuid());

        Assert.Equal(dfb, Assert.Single(_domain.Stewards).OrganisationId);
    }

    [Theory]
    [InlineData("Bestuursdecreet", Article.Het, "het Bestuursdecreet")]
    [InlineData("Vlaamse Codex Overheidsfinanciën", Article.De, "de Vlaamse Codex Overheidsfinanciën")]
    [InlineData("Testdecreet", null, "Testdecreet")]
    public void NameInSentence_UsesTheArticle(string name, Article? article, string expected) =>
        Assert.Equal(expected, TestDomains.Domain("code", name, article).Build().NameInSentence);

    [Fact]
    public void Update_ChangesTheDescriptiveFields()
    {
        _domain.Update("Vlaamse Codex Overheidsfinanciën", Article.De, "Decreet van 29 maart 2019", "art. 4");

        Assert.Equal("bestuursdecreet", _domain.Code);
        Assert.Equal("de Vlaamse Codex Overheidsfinanciën", _domain.NameInSentence);
        Assert.Equal("Decreet van 29 maart 2019", _domain.Description);
        Assert.Equal("art. 4", _domain.LegalReference);
    }
}
