using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Tests.Domain.TestData;
using static OrganisationRegistry.Tests.Domain.TestData.Dates;
using static OrganisationRegistry.Tests.Domain.TestData.RuleAssert;

namespace OrganisationRegistry.Tests.Domain.Organisations;

/// <summary>Parents over time: the organisation structure.</summary>
public sealed class OrganisationStructureTests
{
    private readonly InMemoryRegister _register = new();
    private readonly Organisation _child;
    private readonly Organisation _parent;
    private readonly Organisation _otherParent;

    public OrganisationStructureTests()
    {
        _child = _register.Add(An.Organisation(2));
        _parent = _register.Add(An.Organisation(1));
        _otherParent = _register.Add(An.Organisation(3));
    }

    [Fact]
    public void AddParent_LinksTheChildToTheParentForThePeriod()
    {
        var link = AddParent(_child, _parent, Period("01/01/2020", "31/12/2024"));

        Assert.Equal(_child.Id, link.OrganisationId);
        Assert.Equal(_parent.Id, link.ParentOrganisationId);
        Assert.Equal(Period("01/01/2020", "31/12/2024"), link.Validity);
        Assert.Equal(new DatedLink(_child.Id, _parent.Id, link.Validity), link.ToLink());
        Assert.Same(link, Assert.Single(_child.Parents));
    }

    [Fact]
    public void AddParent_OverlappingAnotherParentPeriod_IsRefused()
    {
        AddParent(_child, _parent, Period("01/01/2020", "31/12/2024"));

        Broken(
            RuleCodes.Overlap,
            "OVO000002 heeft al een moederorganisatie van 01/01/2020 tot 31/12/2024; de perioden van moederorganisaties mogen niet overlappen.",
            () => AddParent(_child, _otherParent, Since("01/06/2024")));
        Assert.Single(_child.Parents);
    }

    [Fact]
    public void AddParent_SameParentTwiceOnTheSameDay_IsRefused()
    {
        AddParent(_child, _parent, Until("31/12/2020"));

        Broken(RuleCodes.Overlap, () => AddParent(_child, _parent, Since("31/12/2020")));
    }

    [Fact]
    public void AddParent_OpenPeriods_Overlap()
    {
        AddParent(_child, _parent, Validity.Always);

        Broken(
            RuleCodes.Overlap,
            "OVO000002 heeft al een moederorganisatie zonder begin- of einddatum; de perioden van moederorganisaties mogen niet overlappen.",
            () => AddParent(_child, _otherParent, Period("01/01/1990", "31/12/1990")));
    }

    [Fact]
    public void AddParent_AdjacentPeriods_AreAccepted()
    {
        AddParent(_child, _parent, Until("31/12/2020"));
        AddParent(_child, _otherParent, Since("01/01/2021"));

        Assert.Equal(2, _child.Parents.Count);
    }

    [Fact]
    public void AddParent_Itself_IsRefused() =>
        Broken(
            RuleCodes.Cycle,
            "OVO000002 kan niet haar eigen moederorganisatie zijn.",
            () => AddParent(_child, _child, Validity.Always));

    [Fact]
    public void AddParent_ClosingACycleDuringPartOfThePeriod_IsRefused_NamingThoseDates()
    {
        // OVO000001 is under OVO000002 from 2022; putting OVO000002 under OVO000001 until 2024 closes a cycle in 2022-2024.
        AddParent(_parent, _child, Since("01/01/2022"));

        Broken(
            RuleCodes.Cycle,
            "OVO000001 valt van 01/01/2022 tot 31/12/2024 zelf onder OVO000002: dat zou een kring in de structuur maken.",
            () => AddParent(_child, _parent, Period("01/01/2020", "31/12/2024")));
        Assert.Empty(_child.Parents);
    }

    [Fact]
    public void AddParent_ThreeOrganisationCycle_IsRefused()
    {
        AddParent(_parent, _otherParent, Validity.Always);
        AddParent(_otherParent, _child, Since("01/01/2023"));

        Broken(
            RuleCodes.Cycle,
            "OVO000001 valt vanaf 01/01/2023 zelf onder OVO000002: dat zou een kring in de structuur maken.",
            () => AddParent(_child, _parent, Validity.Always));
    }

    [Fact]
    public void AddParent_ReverseLinkOnDatesThatDoNotMeet_IsAccepted()
    {
        AddParent(_parent, _child, Until("31/12/2020"));

        AddParent(_child, _parent, Since("01/01/2021"));

        Assert.Single(_child.Parents);
    }

    [Fact]
    public void ChangeParent_ExcludesItselfFromTheOverlapCheck()
    {
        var link = AddParent(_child, _parent, Period("01/01/2020", "31/12/2024"));

        _child.ChangeParent(link.Id, _otherParent, Since("01/01/2019"), _register.ParentsOf);

        Assert.Equal(_otherParent.Id, link.ParentOrganisationId);
        Assert.Equal(Since("01/01/2019"), link.Validity);
        Assert.Same(link, Assert.Single(_child.Parents));
    }

    [Fact]
    public void ChangeParent_OverlappingAnotherLink_IsRefused_AndChangesNothing()
    {
        AddParent(_child, _parent, Until("31/12/2019"));
        var later = AddParent(_child, _otherParent, Since("01/01/2020"));

        Broken(
            RuleCodes.Overlap,
            "OVO000002 heeft al een moederorganisatie tot 31/12/2019; de perioden van moederorganisaties mogen niet overlappen.",
            () => _child.ChangeParent(later.Id, _otherParent, Since("01/01/2019"), _register.ParentsOf));
        Assert.Equal(Since("01/01/2020"), later.Validity);
    }

    [Fact]
    public void ChangeParent_ClosingACycle_IsRefused()
    {
        AddParent(_otherParent, _child, Validity.Always);
        var link = AddParent(_child, _parent, Validity.Always);

        Broken(
            RuleCodes.Cycle,
            "OVO000003 valt zonder begin- of einddatum zelf onder OVO000002: dat zou een kring in de structuur maken.",
            () => _child.ChangeParent(link.Id, _otherParent, Validity.Always, _register.ParentsOf));
        Assert.Equal(_parent.Id, link.ParentOrganisationId);
    }

    [Fact]
    public void ChangeParent_ToItself_IsRefused()
    {
        var link = AddParent(_child, _parent, Validity.Always);

        Broken(
            RuleCodes.Cycle,
            "OVO000002 kan niet haar eigen moederorganisatie zijn.",
            () => _child.ChangeParent(link.Id, _child, Validity.Always, _register.ParentsOf));
    }

    [Fact]
    public void ChangeParent_UnknownLink_IsNotFound()
    {
        var id = Guid.NewGuid();

        Broken(
            RuleCodes.NotFound,
            $"De moederorganisatie met id {id} bestaat niet (meer) bij OVO000002.",
            () => _child.ChangeParent(id, _parent, Validity.Always, _register.ParentsOf));
    }

    [Fact]
    public void RemoveParent_RemovesTheLink_AndFreesItsPeriod()
    {
        var link = AddParent(_child, _parent, Validity.Always);

        _child.RemoveParent(link.Id);

        Assert.Empty(_child.Parents);
        AddParent(_child, _otherParent, Validity.Always);
    }

    [Fact]
    public void RemoveParent_UnknownLink_IsNotFound()
    {
        var id = Guid.NewGuid();

        Broken(RuleCodes.NotFound, $"De moederorganisatie met id {id} bestaat niet (meer) bij OVO000002.", () => _child.RemoveParent(id));
    }

    [Fact]
    public void ParentOn_GivesTheParentValidOnThatDate()
    {
        var first = AddParent(_child, _parent, Period("01/01/2020", "31/12/2020"));
        var second = AddParent(_child, _otherParent, Since("01/01/2022"));

        Assert.Null(_child.ParentOn(Day("31/12/2019")));
        Assert.Same(first, _child.ParentOn(Day("01/01/2020")));
        Assert.Same(first, _child.ParentOn(Day("31/12/2020")));
        Assert.Null(_child.ParentOn(Day("15/06/2021")));
        Assert.Same(second, _child.ParentOn(Day("01/01/2022")));
        Assert.Same(second, _child.ParentOn(Day("01/01/2099")));
    }

    private OrganisationParent AddParent(Organisation child, Organisation parent, Validity validity) =>
        child.AddParent(parent, validity, _register.ParentsOf);
}
