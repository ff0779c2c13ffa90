using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Organisations;

namespace OrganisationRegistry.Domain.Common;

/// <summary>Finding what a command names by its code, with the Dutch message when it does not exist.</summary>
internal static class RegistryLookups
{
    public static async Task<Organisation> OrganisationAsync(this IQueryable<Organisation> organisations, string ovoCode, CancellationToken cancellationToken)
    {
        var code = OvoCode.Parse(ovoCode);
        return await organisations.FirstOrDefaultAsync(o => o.OvoCode == code, cancellationToken) ?? throw OrganisationNotFound(code);
    }

    public static DomainRuleException OrganisationNotFound(OvoCode code) =>
        new(RuleCodes.NotFound, $"{code} bestaat niet in het register.");

    public static async Task<ApplicationDomain> DomainAsync(this IQueryable<ApplicationDomain> domains, string code, CancellationToken cancellationToken)
    {
        var trimmed = code.Trim();
        return await domains.FirstOrDefaultAsync(d => d.Code == trimmed, cancellationToken) ?? throw DomainNotFound(trimmed);
    }

    public static DomainRuleException DomainNotFound(string code) =>
        new(RuleCodes.NotFound, $"Het toepassingsgebied '{code}' bestaat niet.");

    /// <summary>A category of a domain loaded with its categories.</summary>
    public static DomainCategory CategoryByCode(this ApplicationDomain domain, string code) =>
        domain.Categories.FirstOrDefault(c => string.Equals(c.Code, code.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new DomainRuleException(RuleCodes.NotFound, $"{Capitalise(domain.NameInSentence)} heeft geen categorie '{code.Trim()}'.");

    public static async Task<KeyType> KeyTypeAsync(this IQueryable<KeyType> keyTypes, string code, CancellationToken cancellationToken)
    {
        var trimmed = code.Trim();
        return await keyTypes.FirstOrDefaultAsync(k => k.Code == trimmed, cancellationToken)
            ?? throw new DomainRuleException(RuleCodes.NotFound, $"Het sleuteltype '{trimmed}' bestaat niet.");
    }

    public static async Task<Guid?> PolicyDomainIdAsync(this IQueryable<PolicyDomain> policyDomains, string? code, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var trimmed = code.Trim();
        var ids = await policyDomains.Where(p => p.Code == trimmed).Select(p => p.Id).Take(1).ToListAsync(cancellationToken);
        return ids.Count == 1 ? ids[0] : throw new DomainRuleException(RuleCodes.NotFound, $"Het beleidsdomein '{trimmed}' bestaat niet.");
    }

    public static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
