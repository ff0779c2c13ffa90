using OrganisationRegistry.Domain.Common;

namespace OrganisationRegistry.Tests.Domain.TestData;

/// <summary>Asserts that a rule is broken with its stable code and its exact Dutch message.</summary>
internal static class RuleAssert
{
    public static DomainRuleException Broken(string code, string message, Action action)
    {
        var exception = Assert.Throws<DomainRuleException>(action);
        Assert.Equal(code, exception.Code);
        Assert.Equal(message, exception.Message);
        return exception;
    }

    public static DomainRuleException Broken(string code, Action action)
    {
        var exception = Assert.Throws<DomainRuleException>(action);
        Assert.Equal(code, exception.Code);
        return exception;
    }
}
