using OrganisationRegistry.Domain.ApplicationDomains;

namespace OrganisationRegistry.Domain.Organisations;

/// <summary>
/// "Valid on a date" as a query filter: both bounds are optional and inclusive (see <see cref="Common.Validity"/>).
/// Written out per entity so that EF Core translates it on every provider; a <c>null</c> date keeps every row.
/// </summary>
internal static class DatedQueries
{
    public static IQueryable<Organisation> ValidOn(this IQueryable<Organisation> query, DateOnly? date) =>
        date is not { } on ? query : query.Where(o => (o.ValidFrom == null || o.ValidFrom <= on) && (o.ValidTo == null || o.ValidTo >= on));

    public static IQueryable<OrganisationParent> ValidOn(this IQueryable<OrganisationParent> query, DateOnly? date) =>
        date is not { } on ? query : query.Where(p => (p.ValidFrom == null || p.ValidFrom <= on) && (p.ValidTo == null || p.ValidTo >= on));

    public static IQueryable<OrganisationKey> ValidOn(this IQueryable<OrganisationKey> query, DateOnly? date) =>
        date is not { } on ? query : query.Where(k => (k.ValidFrom == null || k.ValidFrom <= on) && (k.ValidTo == null || k.ValidTo >= on));

    public static IQueryable<DomainAssignment> ValidOn(this IQueryable<DomainAssignment> query, DateOnly? date) =>
        date is not { } on ? query : query.Where(a => (a.ValidFrom == null || a.ValidFrom <= on) && (a.ValidTo == null || a.ValidTo >= on));
}
