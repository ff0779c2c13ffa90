using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using OrganisationRegistry.Domain.Auditing;
using OrganisationRegistry.Domain.Persistence;

namespace OrganisationRegistry.Tests.Integration.Auditing;

/// <summary>
/// Rebuilds every audited table from the trail alone, and reads the same tables from the database, as comparable
/// lines (<c>Type|Key: Column=value; ...</c>). Independent of the app's writer: JSON values are read back into the
/// column's stored type (a GUID, a date, a number) and both sides are formatted the same way here.
/// </summary>
internal static class AuditReplay
{
    private static readonly MethodInfo RowsOfMethod = typeof(AuditReplay).GetMethod(nameof(RowsOf), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>
    /// Applies the entries in position order: an insert adds a row (which must not exist), an update changes the
    /// columns it names (whose old values must be the row's values until then), a delete removes a row (whose old
    /// values must be the whole row as the trail knew it).
    /// </summary>
    public static List<string> FromTrail(IModel model, IEnumerable<AuditEntry> trail)
    {
        var types = model.GetEntityTypes().ToDictionary(t => t.ClrType.Name);
        var rows = new Dictionary<string, Dictionary<string, string?>>(StringComparer.Ordinal);
        long expected = 1;
        foreach (var entry in trail)
        {
            Assert.Equal(expected++, entry.Position);
            var type = types[entry.EntityType];
            var id = $"{entry.EntityType}|{entry.EntityKey}";
            switch (entry.Operation)
            {
                case AuditOperation.Insert:
                    Assert.False(rows.ContainsKey(id), $"Entry {entry.Position} inserts {id}, which the trail already holds.");
                    Assert.Null(entry.OldValues);
                    var inserted = Read(type, entry.NewValues);
                    Assert.Equal(type.GetProperties().Select(p => p.Name).Order(), inserted.Keys.Order());
                    rows[id] = inserted;
                    break;
                case AuditOperation.Update:
                    Assert.True(rows.TryGetValue(id, out var row), $"Entry {entry.Position} updates {id}, which the trail does not hold.");
                    var before = Read(type, entry.OldValues);
                    var after = Read(type, entry.NewValues);
                    Assert.Equal(before.Keys.Order(), after.Keys.Order());
                    foreach (var (column, value) in before)
                    {
                        Assert.True(row[column] == value, $"Entry {entry.Position} says {id}.{column} was '{value}', the trail says '{row[column]}'.");
                        row[column] = after[column];
                    }

                    break;
                case AuditOperation.Delete:
                    Assert.True(rows.Remove(id, out var removed), $"Entry {entry.Position} deletes {id}, which the trail does not hold.");
                    Assert.Null(entry.NewValues);
                    Assert.Equal(Lines(id, removed), Lines(id, Read(type, entry.OldValues)));
                    break;
                default:
                    throw new InvalidOperationException($"Unknown operation {entry.Operation}.");
            }
        }

        return [.. rows.SelectMany(r => Lines(r.Key, r.Value)).Order(StringComparer.Ordinal)];
    }

    /// <summary>Every row of every audited table (<see cref="AuditChange.IsAudited"/>), as the same lines.</summary>
    public static async Task<List<string>> FromDatabaseAsync(RegistryDbContext db, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        foreach (var type in db.Model.GetEntityTypes().Where(AuditChange.IsAudited))
        {
            var rows = await (Task<List<(string, Dictionary<string, string?>)>>)RowsOfMethod.MakeGenericMethod(type.ClrType).Invoke(null, [db, type, cancellationToken])!;
            lines.AddRange(rows.SelectMany(r => Lines(r.Item1, r.Item2)));
        }

        return [.. lines.Order(StringComparer.Ordinal)];
    }

    private static async Task<List<(string, Dictionary<string, string?>)>> RowsOf<TEntity>(DbContext db, IEntityType type, CancellationToken cancellationToken)
        where TEntity : class
    {
        var entities = await db.Set<TEntity>().AsNoTracking().ToListAsync(cancellationToken);
        return
        [
            .. entities.Select(entity =>
            {
                var entry = db.Entry(entity);
                object? Stored(IProperty p) => Convert(p, entry.Property(p.Name).CurrentValue);
                var key = string.Join("|", type.FindPrimaryKey()!.Properties.Select(p => Text(Stored(p))));
                return ($"{type.ClrType.Name}|{key}", type.GetProperties().ToDictionary(p => p.Name, p => Text(Stored(p))));
            }),
        ];
    }

    /// <summary>A JSON object of the trail, read back into each column's stored type.</summary>
    private static Dictionary<string, string?> Read(IEntityType type, string? json)
    {
        Assert.NotNull(json);
        using var document = JsonDocument.Parse(json);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var column = type.FindProperty(property.Name) ?? throw new InvalidOperationException($"{type.ClrType.Name} has no property {property.Name}.");
            var stored = column.GetValueConverter()?.ProviderClrType ?? column.GetProviderClrType() ?? column.ClrType;
            stored = Nullable.GetUnderlyingType(stored) ?? stored;
            var element = property.Value;
            object? value = element.ValueKind == JsonValueKind.Null ? null
                : stored == typeof(string) ? element.GetString()
                : stored == typeof(Guid) ? Guid.Parse(element.GetString()!)
                : stored == typeof(DateOnly) ? DateOnly.ParseExact(element.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture)
                : stored == typeof(bool) ? element.GetBoolean()
                : stored == typeof(int) ? element.GetInt32()
                : stored == typeof(long) ? element.GetInt64()
                : throw new InvalidOperationException($"The replay cannot read {stored.Name} ({type.ClrType.Name}.{property.Name}) yet.");
            values[property.Name] = Text(value);
        }

        return values;
    }

    private static object? Convert(IProperty property, object? value) =>
        value is not null && property.GetValueConverter() is { } converter ? converter.ConvertToProvider(value) : value;

    private static string? Text(object? value) => System.Convert.ToString(value, CultureInfo.InvariantCulture);

    private static IEnumerable<string> Lines(string id, Dictionary<string, string?> row) =>
        row.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{id}: {c.Key}={c.Value ?? "<null>"}");
}
