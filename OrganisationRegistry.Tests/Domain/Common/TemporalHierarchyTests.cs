using OrganisationRegistry.Domain.Common;
using static OrganisationRegistry.Tests.Domain.TestData.Dates;

namespace OrganisationRegistry.Tests.Domain.Common;

public sealed class TemporalHierarchyTests
{
    private static readonly Guid A = Guid.NewGuid();
    private static readonly Guid B = Guid.NewGuid();
    private static readonly Guid C = Guid.NewGuid();
    private static readonly Guid D = Guid.NewGuid();

    private readonly List<DatedLink> _links = [];

    [Fact]
    public void FindCycle_LinkToItself_IsACycleForTheWholePeriod()
    {
        var period = Period("01/01/2020", "31/12/2024");

        Assert.Equal(period, FindCycle(A, A, period));
        Assert.Equal(Validity.Always, FindCycle(A, A, Validity.Always));
    }

    [Fact]
    public void FindCycle_WithoutLinks_IsNull() => Assert.Null(FindCycle(A, B, Validity.Always));

    [Fact]
    public void FindCycle_ChainThatDoesNotLeadBack_IsNull()
    {
        Link(B, C, Validity.Always);
        Link(C, D, Validity.Always);

        Assert.Null(FindCycle(A, B, Validity.Always));
    }

    [Fact]
    public void FindCycle_TwoNodes_IsACycle()
    {
        Link(B, A, Validity.Always);

        Assert.Equal(Validity.Always, FindCycle(A, B, Validity.Always));
    }

    [Fact]
    public void FindCycle_ThreeNodes_IsACycle()
    {
        Link(B, C, Validity.Always);
        Link(C, A, Validity.Always);

        Assert.Equal(Validity.Always, FindCycle(A, B, Validity.Always));
    }

    [Fact]
    public void FindCycle_LinkBackThatHoldsOnOtherDates_IsNotACycle()
    {
        Link(B, A, Period("01/01/2020", "31/12/2020"));

        Assert.Null(FindCycle(A, B, Since("01/01/2021")));
    }

    [Fact]
    public void FindCycle_PathWhoseLinksNeverHoldOnTheSameDate_IsNotACycle()
    {
        // B is under C in 2020 and C under A in 2021: on no single date does B lead back to A.
        Link(B, C, Period("01/01/2020", "31/12/2020"));
        Link(C, A, Period("01/01/2021", "31/12/2021"));

        Assert.Null(FindCycle(A, B, Validity.Always));
    }

    [Fact]
    public void FindCycle_ReturnsTheDatesOnWhichTheWholePathHolds()
    {
        Link(B, C, Period("01/01/2018", "31/12/2022"));
        Link(C, A, Since("01/03/2021"));

        Assert.Equal(Period("01/03/2021", "30/06/2022"), FindCycle(A, B, Period("01/01/2020", "30/06/2022")));
    }

    [Fact]
    public void FindCycle_TwoNodes_ReturnsTheIntersection()
    {
        Link(B, A, Period("01/01/2020", "31/12/2022"));

        Assert.Equal(Period("01/01/2022", "31/12/2022"), FindCycle(A, B, Since("01/01/2022")));
    }

    [Fact]
    public void FindCycle_FollowsTheParentThatHoldsOnTheDate()
    {
        // B changes parent: C until 2020 (no way back), D from 2021 (D is under A).
        Link(B, C, Until("31/12/2020"));
        Link(B, D, Since("01/01/2021"));
        Link(D, A, Validity.Always);

        Assert.Equal(Period("01/01/2021", "31/12/2021"), FindCycle(A, B, Period("01/01/2019", "31/12/2021")));
        Assert.Null(FindCycle(A, B, Until("31/12/2020")));
    }

    [Fact]
    public void FindCycle_ExistingCycleElsewhere_StillEnds()
    {
        // Bad data (B and C under each other) must not make the check loop forever.
        Link(B, C, Validity.Always);
        Link(C, B, Validity.Always);

        Assert.Null(FindCycle(A, B, Validity.Always));
    }

    private void Link(Guid child, Guid parent, Validity validity) => _links.Add(new DatedLink(child, parent, validity));

    private Validity? FindCycle(Guid child, Guid parent, Validity period) =>
        TemporalHierarchy.FindCycle(child, parent, period, id => _links.Where(l => l.Child == id));
}
