using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Tests.Domain.TestData;
using static OrganisationRegistry.Tests.Domain.TestData.Dates;
using static OrganisationRegistry.Tests.Domain.TestData.RuleAssert;

namespace OrganisationRegistry.Tests.Domain.ApplicationDomains;

/// <summary>Assignments of an organisation to application domains (<see cref="Organisation.Assign"/> and friends).</summary>
public sealed class DomainAssignmentTests
{
    private readonly InMemoryRegister _register = new();
    private readonly ApplicationDomain _bestuursdecreet = TestDomains.Bestuursdecreet();
    private readonly ApplicationDomain _vco = TestDomains.Vco();
    private readonly Organisation _organisation;
    private readonly Organisation _parent;
    private readonly Organisation _other;

    public DomainAssignmentTests()
    {
        _organisation = _register.Add(An.Organisation(123));
        _parent = _register.Add(An.Organisation(1));
        _other = _register.Add(An.Organisation(7));
    }

    private DomainCategory Departement => _bestuursdecreet.Category("departement");

    private DomainCategory IvaZonderRp => _bestuursdecreet.Category("iva-zonder-rp");

    private DomainCategory Onderwijsinspectie => _bestuursdecreet.Category("onderwijsinspectie");

    [Fact]
    public void Assign_KeepsDomainCategoryPeriodParentAndRemark()
    {
        var assignment = Assign(_organisation, _bestuursdecreet, Departement, Since("01/01/2020"), _parent, "  volgens art. I.3  ");

        Assert.Equal(_organisation.Id, assignment.OrganisationId);
        Assert.Equal(_bestuursdecreet.Id, assignment.ApplicationDomainId);
        Assert.Equal(Departement.Id, assignment.CategoryId);
        Assert.Equal(Since("01/01/2020"), assignment.Validity);
        Assert.Equal(_parent.Id, assignment.ParentOrganisationId);
        Assert.Equal("volgens art. I.3", assignment.Remark);
        Assert.Same(assignment, Assert.Single(_organisation.Assignments));
    }

    [Fact]
    public void Assign_BlankRemark_IsNoRemark() =>
        Assert.Null(Assign(_organisation, _bestuursdecreet, Departement, Validity.Always, remark: "  ").Remark);

    [Fact]
    public void Assign_OverlappingAnAssignmentToTheSameDomain_IsRefused_NamingTheDomainWithItsArticle()
    {
        Assign(_organisation, _bestuursdecreet, Departement, Period("01/01/2020", "31/12/2024"));

        Broken(
            RuleCodes.Overlap,
            "OVO000123 is al toegewezen aan het Bestuursdecreet van 01/01/2020 tot 31/12/2024.",
            () => Assign(_organisation, _bestuursdecreet, IvaZonderRp, Since("31/12/2024")));
        Assert.Single(_organisation.Assignments);
    }

    [Fact]
    public void Assign_OverlappingInTheVco_NamesItWithDe()
    {
        var category = _vco.Category("dab");
        Assign(_organisation, _vco, category, Period("01/01/2020", "31/12/2024"));

        Broken(
            RuleCodes.Overlap,
            "OVO000123 is al toegewezen aan de Vlaamse Codex Overheidsfinanciën van 01/01/2020 tot 31/12/2024.",
            () => Assign(_organisation, _vco, category, Period("01/06/2022", "30/06/2022")));
    }

    [Fact]
    public void Assign_DomainWithoutArticle_NamesItBare()
    {
        var domain = TestDomains.Domain("test", "Testdecreet", article: null).WithCategory("a", "A").Build();
        Assign(_organisation, domain, domain.Category("a"), Validity.Always);

        Broken(
            RuleCodes.Overlap,
            "OVO000123 is al toegewezen aan Testdecreet zonder begin- of einddatum.",
            () => Assign(_organisation, domain, domain.Category("a"), Validity.Always));
    }

    [Fact]
    public void Assign_AdjacentPeriodsInTheSameDomain_AreAccepted()
    {
        Assign(_organisation, _bestuursdecreet, Departement, Until("31/12/2019"));
        Assign(_organisation, _bestuursdecreet, IvaZonderRp, Since("01/01/2020"));

        Assert.Equal(2, _organisation.Assignments.Count);
    }

    [Fact]
    public void Assign_ToTwoDomainsAtOnce_IsAccepted()
    {
        Assign(_organisation, _bestuursdecreet, Departement, Validity.Always);
        Assign(_organisation, _vco, _vco.Category("diensten-vlaamse-regering"), Validity.Always);

        Assert.Equal(2, _organisation.Assignments.Count);
    }

    [Fact]
    public void Assign_CategoryOfAnotherDomain_IsRefused() =>
        Broken(
            RuleCodes.InvalidValue,
            "De categorie 'Dienst met afzonderlijk beheer' hoort niet bij het toepassingsgebied Bestuursdecreet.",
            () => Assign(_organisation, _bestuursdecreet, _vco.Category("dab"), Validity.Always));

    [Fact]
    public void Assign_InactiveCategory_IsRefused() =>
        Broken(
            RuleCodes.InvalidValue,
            "De categorie 'Vlaamse administratie - onderwijsinspectie' is niet meer actief en kan niet gekozen worden.",
            () => Assign(_organisation, _bestuursdecreet, Onderwijsinspectie, Validity.Always));

    [Fact]
    public void ChangeAssignment_KeepingAnInactiveCategory_IsAccepted()
    {
        var assignment = Assign(_organisation, _bestuursdecreet, Departement, Since("01/01/2020"));
        Departement.Update(Departement.Name, Departement.SortOrder, isActive: false);

        _organisation.ChangeAssignment(assignment.Id, _bestuursdecreet, Departement, Period("01/01/2020", "31/12/2025"), _parent, "verlengd", ParentsWithin(_bestuursdecreet));

        Assert.Equal(Departement.Id, assignment.CategoryId);
        Assert.Equal(Period("01/01/2020", "31/12/2025"), assignment.Validity);
        Assert.Equal(_parent.Id, assignment.ParentOrganisationId);
        Assert.Equal("verlengd", assignment.Remark);
    }

    [Fact]
    public void ChangeAssignment_ToAnInactiveCategory_IsRefused()
    {
        var assignment = Assign(_organisation, _bestuursdecreet, Departement, Validity.Always);

        Broken(
            RuleCodes.InvalidValue,
            "De categorie 'Vlaamse administratie - onderwijsinspectie' is niet meer actief en kan niet gekozen worden.",
            () => ChangeAssignment(assignment, _bestuursdecreet, Onderwijsinspectie, Validity.Always));
        Assert.Equal(Departement.Id, assignment.CategoryId);
    }

    [Fact]
    public void ChangeAssignment_ToACategoryOfAnotherDomain_IsRefused()
    {
        var assignment = Assign(_organisation, _bestuursdecreet, Departement, Validity.Always);

        Broken(RuleCodes.InvalidValue, () => ChangeAssignment(assignment, _bestuursdecreet, _vco.Category("dab"), Validity.Always));
    }

    [Fact]
    public void ChangeAssignment_ToAnotherDomain_IsRefused()
    {
        var assignment = Assign(_organisation, _bestuursdecreet, Departement, Validity.Always);

        Broken(
            RuleCodes.InvalidValue,
            "Het toepassingsgebied van een toewijzing kan niet wijzigen; beëindig ze en maak een nieuwe.",
            () => ChangeAssignment(assignment, _vco, _vco.Category("dab"), Validity.Always));
    }

    [Fact]
    public void ChangeAssignment_ExcludesItselfFromTheOverlapCheck()
    {
        var assignment = Assign(_organisation, _bestuursdecreet, Departement, Period("01/01/2020", "31/12/2020"));

        ChangeAssignment(assignment, _bestuursdecreet, IvaZonderRp, Since("01/01/2019"));

        Assert.Equal(IvaZonderRp.Id, assignment.CategoryId);
        Assert.Equal(Since("01/01/2019"), assignment.Validity);
    }

    [Fact]
    public void ChangeAssignment_OverlappingAnotherAssignment_IsRefused()
    {
        Assign(_organisation, _bestuursdecreet, Departement, Until("31/12/2019"));
        var later = Assign(_organisation, _bestuursdecreet, IvaZonderRp, Since("01/01/2020"));

        Broken(
            RuleCodes.Overlap,
            "OVO000123 is al toegewezen aan het Bestuursdecreet tot 31/12/2019.",
            () => ChangeAssignment(later, _bestuursdecreet, IvaZonderRp, Since("01/01/2019")));
    }

    [Fact]
    public void ChangeAssignment_UnknownAssignment_IsNotFound()
    {
        var id = Guid.NewGuid();

        Broken(
            RuleCodes.NotFound,
            $"De toewijzing met id {id} bestaat niet (meer) bij OVO000123.",
            () => _organisation.ChangeAssignment(id, _bestuursdecreet, Departement, Validity.Always, null, null, ParentsWithin(_bestuursdecreet)));
    }

    [Fact]
    public void Assign_ParentItself_IsRefused() =>
        Broken(
            RuleCodes.Cycle,
            "OVO000123 kan niet haar eigen moederorganisatie zijn binnen het Bestuursdecreet.",
            () => Assign(_organisation, _bestuursdecreet, Departement, Validity.Always, parent: _organisation));

    [Fact]
    public void Assign_ClosingACycleWithinTheDomain_IsRefused()
    {
        Assign(_parent, _bestuursdecreet, Departement, Since("01/01/2023"), parent: _organisation);

        Broken(
            RuleCodes.Cycle,
            "OVO000001 valt van 01/01/2023 tot 31/12/2024 binnen het Bestuursdecreet zelf onder OVO000123: dat zou een kring maken.",
            () => Assign(_organisation, _bestuursdecreet, IvaZonderRp, Period("01/01/2020", "31/12/2024"), parent: _parent));
        Assert.Empty(_organisation.Assignments);
    }

    [Fact]
    public void Assign_ClosingAThreeOrganisationCycleWithinTheDomain_IsRefused()
    {
        Assign(_parent, _bestuursdecreet, Departement, Validity.Always, parent: _other);
        Assign(_other, _bestuursdecreet, Departement, Validity.Always, parent: _organisation);

        Broken(RuleCodes.Cycle, () => Assign(_organisation, _bestuursdecreet, Departement, Validity.Always, parent: _parent));
    }

    [Fact]
    public void Assign_ReverseParentOnDatesThatDoNotMeet_IsAccepted()
    {
        Assign(_parent, _bestuursdecreet, Departement, Until("31/12/2019"), parent: _organisation);

        Assign(_organisation, _bestuursdecreet, Departement, Since("01/01/2020"), parent: _parent);

        Assert.Single(_organisation.Assignments);
    }

    [Fact]
    public void Assign_ReverseParentInAnotherDomain_IsNoCycle()
    {
        // Each domain has its own hierarchy: OVO000001 under OVO000123 in the VCO says nothing about the Bestuursdecreet.
        Assign(_parent, _vco, _vco.Category("dab"), Validity.Always, parent: _organisation);

        Assign(_organisation, _bestuursdecreet, Departement, Validity.Always, parent: _parent);

        Assert.Single(_organisation.Assignments);
    }

    [Fact]
    public void ChangeAssignment_ParentThatClosesACycle_IsRefused()
    {
        Assign(_parent, _bestuursdecreet, Departement, Validity.Always, parent: _organisation);
        var assignment = Assign(_organisation, _bestuursdecreet, Departement, Validity.Always);

        Broken(RuleCodes.Cycle, () => ChangeAssignment(assignment, _bestuursdecreet, Departement, Validity.Always, parent: _parent));
        Assert.Null(assignment.ParentOrganisationId);
    }

    [Fact]
    public void EndAssignment_SetsTheEndDate()
    {
        var assignment = Assign(_organisation, _bestuursdecreet, Departement, Since("01/01/2020"), _parent, "opmerking");

        _organisation.EndAssignment(assignment.Id, Day("31/12/2024"));

        Assert.Equal(Period("01/01/2020", "31/12/2024"), assignment.Validity);
        Assert.Equal(Departement.Id, assignment.CategoryId);
        Assert.Equal(_parent.Id, assignment.ParentOrganisationId);
        Assert.Equal("opmerking", assignment.Remark);
    }

    [Fact]
    public void EndAssignment_BeforeItsStart_IsRefused()
    {
        var assignment = Assign(_organisation, _bestuursdecreet, Departement, Since("01/01/2020"));

        Broken(
            RuleCodes.InvalidPeriod,
            "De einddatum (31/12/2019) ligt voor de begindatum (01/01/2020).",
            () => _organisation.EndAssignment(assignment.Id, Day("31/12/2019")));
        Assert.Equal(Since("01/01/2020"), assignment.Validity);
    }

    [Fact]
    public void EndAssignment_OnItsCurrentEndOrEarlier_IsAccepted()
    {
        var assignment = Assign(_organisation, _bestuursdecreet, Departement, Period("01/01/2020", "31/12/2024"));

        _organisation.EndAssignment(assignment.Id, Day("31/12/2024"));
        _organisation.EndAssignment(assignment.Id, Day("30/06/2022"));

        Assert.Equal(Period("01/01/2020", "30/06/2022"), assignment.Validity);
    }

    [Fact]
    public void EndAssignment_LaterThanItsCurrentEnd_IsRefused_SoItCannotSlipIntoTheNextAssignment()
    {
        var earlier = Assign(_organisation, _bestuursdecreet, Departement, Period("01/01/2020", "31/12/2021"));
        Assign(_organisation, _bestuursdecreet, IvaZonderRp, Since("01/01/2023"));

        Broken(
            RuleCodes.InvalidPeriod,
            "De toewijzing loopt al tot 31/12/2021; beëindigen kan ze niet verlengen. Wijzig de toewijzing om ze te verlengen.",
            () => _organisation.EndAssignment(earlier.Id, Day("31/12/2024")));
        Assert.Equal(Period("01/01/2020", "31/12/2021"), earlier.Validity);
    }

    [Fact]
    public void EndAssignment_LaterThanItsCurrentEnd_CannotCloseACycle()
    {
        // Lengthening OVO000123's link to OVO000001 into 2023 would meet OVO000001's link to OVO000123.
        var assignment = Assign(_organisation, _bestuursdecreet, Departement, Period("01/01/2020", "31/12/2021"), parent: _parent);
        Assign(_parent, _bestuursdecreet, Departement, Since("01/01/2023"), parent: _organisation);

        Broken(RuleCodes.InvalidPeriod, () => _organisation.EndAssignment(assignment.Id, Day("31/12/2024")));
    }

    [Fact]
    public void EndAssignment_UnknownAssignment_IsNotFound()
    {
        var id = Guid.NewGuid();

        Broken(RuleCodes.NotFound, $"De toewijzing met id {id} bestaat niet (meer) bij OVO000123.", () => _organisation.EndAssignment(id, Day("31/12/2024")));
    }

    [Fact]
    public void RemoveAssignment_RemovesIt_AndFreesItsPeriod()
    {
        var assignment = Assign(_organisation, _bestuursdecreet, Departement, Validity.Always);

        _organisation.RemoveAssignment(assignment.Id);

        Assert.Empty(_organisation.Assignments);
        Assign(_organisation, _bestuursdecreet, IvaZonderRp, Validity.Always);
    }

    [Fact]
    public void RemoveAssignment_UnknownAssignment_IsNotFound()
    {
        var id = Guid.NewGuid();

        Broken(RuleCodes.NotFound, $"De toewijzing met id {id} bestaat niet (meer) bij OVO000123.", () => _organisation.RemoveAssignment(id));
    }

    private DomainAssignment Assign(
        Organisation organisation,
        ApplicationDomain domain,
        DomainCategory category,
        Validity validity,
        Organisation? parent = null,
        string? remark = null) =>
        organisation.Assign(domain, category, validity, parent, remark, ParentsWithin(domain));

    private void ChangeAssignment(DomainAssignment assignment, ApplicationDomain domain, DomainCategory category, Validity validity, Organisation? parent = null) =>
        _organisation.ChangeAssignment(assignment.Id, domain, category, validity, parent, assignment.Remark, ParentsWithin(domain));

    private Func<Guid, IEnumerable<DatedLink>> ParentsWithin(ApplicationDomain domain) => _register.ParentsWithin(domain);
}
