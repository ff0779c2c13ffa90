using System.Linq.Expressions;

namespace OrganisationRegistry.Domain.Organisations;

/// <summary>Paging and sorting of the register's lists, the same on every provider.</summary>
internal static class ListQueries
{
    /// <summary>Page numbers start at 1; the page size stays between 1 and <paramref name="maxPageSize"/>.</summary>
    public static (int Page, int PageSize) ClampPage(int page, int pageSize, int maxPageSize) =>
        (Math.Max(page, 1), Math.Clamp(pageSize, 1, maxPageSize));

    /// <summary>
    /// Orders on <paramref name="key"/>, then on <paramref name="tieBreaker"/> (a unique column, so that pages never
    /// overlap or skip rows) in the same direction. With <paramref name="emptyLast"/>, rows without a value come last
    /// in both directions: providers disagree on where NULL sorts (PostgreSQL last when ascending, SQLite and SQL
    /// Server first), and people look for the filled-in values first. That costs the index order on the column, so it
    /// is only for optional columns.
    /// </summary>
    public static IOrderedQueryable<T> SortBy<T, TKey, TTie>(
        this IQueryable<T> query,
        Expression<Func<T, TKey>> key,
        bool descending,
        Expression<Func<T, TTie>> tieBreaker,
        bool emptyLast = false)
    {
        IOrderedQueryable<T> ordered;
        if (emptyLast)
        {
            var isEmpty = Expression.Lambda<Func<T, bool>>(Expression.Equal(key.Body, Expression.Constant(null, typeof(TKey))), key.Parameters);
            ordered = query.OrderBy(isEmpty);
            ordered = descending ? ordered.ThenByDescending(key) : ordered.ThenBy(key);
        }
        else
        {
            ordered = descending ? query.OrderByDescending(key) : query.OrderBy(key);
        }

        return descending ? ordered.ThenByDescending(tieBreaker) : ordered.ThenBy(tieBreaker);
    }
}
