using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Kbo;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Tests.Domain.TestData;
using static OrganisationRegistry.Tests.Domain.TestData.Dates;
using static OrganisationRegistry.Tests.Domain.TestData.RuleAssert;

namespace OrganisationRegistry.Tests.Domain.Organisations;

/// <summary>An organisation coupled to the KBO: where its names and legal data come from, and what may not change by hand.</summary>
public sealed class OrganisationKboTests
{
    private static readonly KboNumber Number = KboNumber.Parse("0123.456.749");

    private static readonly KboRecord Vmm = new(Number, KboRecord.ActiveStatus, "Vlaamse Milieumaatschappij", "VMM", "Openbare instelling", "Dokter De Moorstraat 24, 9300 Aalst");

    private static Organisation Coupled()
    {
        var organisation = An.Organisation(7).Named("Milieudienst", "MD").Valid(Since("01/01/2000")).Build();
        organisation.CoupleToKbo(Vmm);
        return organisation;
    }

    [Fact]
    public void Couple_TakesTheKboData_AndKeepsTheNamesFromBefore()
    {
        var organisation = Coupled();

        Assert.Equal(
            (Number, "Vlaamse Milieumaatschappij", "VMM", "Openbare instelling", "Dokter De Moorstraat 24, 9300 Aalst", "Milieudienst", "MD", true),
            (organisation.KboNumber, organisation.Name, organisation.ShortName, organisation.LegalForm, organisation.RegisteredSeat, organisation.NameBeforeKbo, organisation.ShortNameBeforeKbo, organisation.IsCoupledToKbo));
        Assert.Equal("vlaamse milieumaatschappij | vmm", organisation.SearchText);
    }

    [Fact]
    public void Uncouple_RestoresTheNamesFromBefore_AndClearsTheLegalData()
    {
        var organisation = Coupled();
        organisation.ApplyKboStop(Day("01/11/2026"));

        organisation.UncoupleFromKbo();

        Assert.Equal(
            ("Milieudienst", "MD", (KboNumber?)null, (string?)null, (string?)null, (DateOnly?)null, (string?)null, false),
            (organisation.Name, organisation.ShortName, organisation.KboNumber, organisation.LegalForm, organisation.RegisteredSeat, organisation.KboStoppedOn, organisation.NameBeforeKbo, organisation.IsCoupledToKbo));
    }

    [Fact]
    public void Uncouple_OfAnOrganisationCreatedFromTheKbo_KeepsItsCurrentNames()
    {
        var organisation = Organisation.CreateFromKbo(OvoCode.FromNumber(8), Vmm, new OrganisationDetails("genegeerd"));

        organisation.UncoupleFromKbo();

        Assert.Equal(("Vlaamse Milieumaatschappij", "VMM", (KboNumber?)null), (organisation.Name, organisation.ShortName, organisation.KboNumber));
    }

    [Fact]
    public void Update_WhileCoupled_RefusesAnotherNameOrShortName_ButKeepsTheRestEditable()
    {
        var organisation = Coupled();

        Broken(RuleCodes.InvalidValue, () => organisation.Update(new OrganisationDetails("Milieudienst", "VMM", KboNumber: Number)));
        Broken(RuleCodes.InvalidValue, () => organisation.Update(new OrganisationDetails("Vlaamse Milieumaatschappij", null, KboNumber: Number)));
        organisation.Update(new OrganisationDetails(" Vlaamse Milieumaatschappij ", "VMM", Article.De, "Meet water en lucht.", Number, Since("01/01/1991")));

        Assert.Equal(("Vlaamse Milieumaatschappij", "Meet water en lucht.", Since("01/01/1991")), (organisation.Name, organisation.Description, organisation.Validity));
    }

    [Fact]
    public void Update_ThatChangesTheKboNumber_IsRefused_PointingToCouplingAndUncoupling()
    {
        var organisation = An.Organisation(1).Named("Facilitair Bedrijf").Build();

        Broken(
            RuleCodes.InvalidValue,
            "Het KBO-nummer wijzigt niet met de algemene gegevens: gebruik 'Koppelen aan KBO' of 'Ontkoppelen'.",
            () => organisation.Update(new OrganisationDetails("Facilitair Bedrijf", KboNumber: Number)));
        Assert.Null(organisation.KboNumber);
    }

    [Fact]
    public void Couple_WhenAlreadyCoupled_OrUncoupleWhenNot_IsRefused()
    {
        Broken(RuleCodes.InvalidValue, () => Coupled().CoupleToKbo(Vmm));
        Broken(RuleCodes.InvalidValue, "OVO000001 is niet gekoppeld aan de KBO.", () => An.Organisation(1).Build().UncoupleFromKbo());
    }

    [Fact]
    public void ApplyKbo_TakesNewNames_OnlyFromTheCoupledEnterprise()
    {
        var organisation = Coupled();

        organisation.ApplyKbo(Vmm with { Name = "VMM", ShortName = null, RegisteredSeat = null });
        Broken(RuleCodes.InvalidValue, () => organisation.ApplyKbo(Vmm with { Number = KboNumber.FromBase(1) }));

        Assert.Equal(("VMM", (string?)null, (string?)null, "Milieudienst"), (organisation.Name, organisation.ShortName, organisation.RegisteredSeat, organisation.NameBeforeKbo));
    }

    [Theory]
    [InlineData(null, "01/11/2026")]
    [InlineData("31/12/2026", "01/11/2026")]
    [InlineData("02/11/2026", "01/11/2026")]
    [InlineData("01/11/2026", "01/11/2026")]
    [InlineData("31/10/2026", "31/10/2026")]
    public void ApplyKboStop_EndsTheValidityOnTheStopDate_WhenOpenOrLater_InclusiveEnds(string? validTo, string expected)
    {
        var organisation = Coupled();
        organisation.Update(new OrganisationDetails(organisation.Name, organisation.ShortName, KboNumber: Number, Validity: new Validity(Day("01/01/2000"), validTo is null ? null : Day(validTo))));

        organisation.ApplyKboStop(Day("01/11/2026"));

        Assert.Equal((Day(expected), Day("01/11/2026")), (organisation.ValidTo!.Value, organisation.KboStoppedOn!.Value));
    }

    [Fact]
    public void ApplyKboStop_BeforeTheOrganisationStarts_IsRefused()
    {
        var organisation = Coupled();
        organisation.Update(new OrganisationDetails(organisation.Name, organisation.ShortName, KboNumber: Number, Validity: Since("02/11/2026")));

        Broken(
            RuleCodes.InvalidPeriod,
            "OVO000007 begint pas op 02/11/2026, na de stopzetting van de onderneming op 01/11/2026: pas de geldigheid met de hand aan.",
            () => organisation.ApplyKboStop(Day("01/11/2026")));
        Assert.Null(organisation.KboStoppedOn);
    }
}
