using OrganisationRegistry.Domain.ApplicationDomains.Reconciliation;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Tests.Domain.TestData;

namespace OrganisationRegistry.Tests.Domain.ApplicationDomains.Reconciliation;

/// <summary>Finding a domain's category by what an expert wrote in the list's category column.</summary>
public sealed class ListComparisonTests
{
    private static readonly OrganisationRegistry.Domain.ApplicationDomains.ApplicationDomain Domain =
        TestDomains.Domain("vco", "Vlaamse Codex Overheidsfinanciën", Article.De)
            .WithCategory("diensten-vlaamse-regering", "Diensten van de Vlaamse Regering")
            .WithCategory("eva-prive", "Privaatrechtelijk extern verzelfstandigd agentschap (één entiteit)")
            .WithCategory("dab", "Dienst met afzonderlijk beheer")
            .Build();

    [Theory]
    [InlineData("dab", "dab")]
    [InlineData(" DAB ", "dab")]
    [InlineData("Diensten-Vlaamse-Regering", "diensten-vlaamse-regering")]
    [InlineData("dienst met afzonderlijk beheer", "dab")]
    [InlineData("DIENST MET AFZONDERLIJK BEHEER", "dab")]
    [InlineData("Privaatrechtelijk extern verzelfstandigd agentschap (een entiteit)", "eva-prive")]
    [InlineData("privaatrechtelijk extern verzelfstandigd agentschap – één entiteit", "eva-prive")]
    public void ACategory_IsFoundByCodeOrName_WhateverTheCaseAccentsOrPunctuation(string written, string code)
    {
        Assert.Equal(code, ListComparison.FindCategory(Domain, written)?.Code);
    }

    [Theory]
    [InlineData("afzonderlijk beheer")]
    [InlineData("departement")]
    [InlineData(" - ")]
    public void SomethingElse_IsNoCategory(string written)
    {
        Assert.Null(ListComparison.FindCategory(Domain, written));
    }
}
