using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Tests.Domain.TestData;
using static OrganisationRegistry.Tests.Domain.TestData.Dates;
using static OrganisationRegistry.Tests.Domain.TestData.RuleAssert;

namespace OrganisationRegistry.Tests.Domain.Organisations;

/// <summary>The general data of an organisation.</summary>
public sealed class OrganisationTests
{
    [Fact]
    public void Create_KeepsTheOvoCodeAndTheDetails()
    {
        var kbo = KboNumber.Parse("0123.456.749");
        var organisation = An.Organisation(123)
            .Named("Departement Financiën en Begroting", "DFB")
            .WithArticle(Article.Het)
            .DescribedAs("Beleidsondersteuning voor financiën")
            .WithKbo(kbo)
            .Valid(Since("01/04/2006"))
            .Build();

        Assert.Equal("OVO000123", organisation.OvoCode.Value);
        Assert.NotEqual(Guid.Empty, organisation.Id);
        Assert.Equal("Departement Financiën en Begroting", organisation.Name);
        Assert.Equal("DFB", organisation.ShortName);
        Assert.Equal(Article.Het, organisation.Article);
        Assert.Equal("Beleidsondersteuning voor financiën", organisation.Description);
        Assert.Equal(kbo, organisation.KboNumber);
        Assert.Equal(Since("01/04/2006"), organisation.Validity);
        Assert.Equal(Day("01/04/2006"), organisation.ValidFrom);
        Assert.Null(organisation.ValidTo);
    }

    [Fact]
    public void Update_TrimsTexts_AndTurnsBlanksIntoNothing()
    {
        var organisation = An.Organisation(1).Build();

        organisation.Update(new OrganisationDetails("  Vlaamse Milieumaatschappij ", ShortName: "   ", Description: " \t "));

        Assert.Equal("Vlaamse Milieumaatschappij", organisation.Name);
        Assert.Null(organisation.ShortName);
        Assert.Null(organisation.Description);
    }

    [Fact]
    public void Update_NormalisesTheSearchText()
    {
        var organisation = An.Organisation(1).Build();

        organisation.Update(new OrganisationDetails("  Departement  FINANCIËN en Begroting ", ShortName: " DFB "));

        Assert.Equal("departement financien en begroting | dfb", organisation.SearchText);
        Assert.Equal(SearchText.For(organisation.Name, organisation.ShortName), organisation.SearchText);
    }

    [Fact]
    public void Update_ReplacesEveryField()
    {
        var organisation = An.Organisation(1).Named("Oud", "O").WithArticle(Article.De).Valid(Since("01/01/2000")).Build();
        var policyDomain = Guid.NewGuid();

        organisation.Update(new OrganisationDetails("Nieuw", Validity: Period("01/01/2020", "31/12/2024"), PolicyDomainId: policyDomain));

        Assert.Equal("Nieuw", organisation.Name);
        Assert.Null(organisation.ShortName);
        Assert.Null(organisation.Article);
        Assert.Null(organisation.KboNumber);
        Assert.Equal(Period("01/01/2020", "31/12/2024"), organisation.Validity);
        Assert.Equal(policyDomain, organisation.PolicyDomainId);
        Assert.Equal("nieuw", organisation.SearchText);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Update_WithoutName_IsRefused_AndChangesNothing(string name)
    {
        var organisation = An.Organisation(1).Named("Facilitair Bedrijf", "FB").Build();

        Broken(
            RuleCodes.InvalidValue,
            "De naam van een organisatie is verplicht.",
            () => organisation.Update(new OrganisationDetails(name, ShortName: "X")));

        Assert.Equal("Facilitair Bedrijf", organisation.Name);
        Assert.Equal("FB", organisation.ShortName);
    }

    [Fact]
    public void Create_WithoutName_IsRefused() =>
        Broken(RuleCodes.InvalidValue, "De naam van een organisatie is verplicht.", () => An.Organisation(1).Named(" ").Build());
}
