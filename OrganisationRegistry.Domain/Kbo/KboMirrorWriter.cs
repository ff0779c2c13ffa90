using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Persistence;
using OrganisationRegistry.Domain.Seeding;

namespace OrganisationRegistry.Domain.Kbo;

/// <summary>
/// Writes the mirror tables inside the import's transaction, fast. The mirror is not audited row by row
/// (<see cref="KboMirrorTables"/>), so emptying and deleting use <c>ExecuteDelete</c>. Loading a whole table: binary
/// COPY on PostgreSQL, the <see cref="BulkInserter"/> (one prepared INSERT re-executed on SQLite, multi-row INSERTs on
/// SQL Server) elsewhere. Rows of an update first delete the row with their key (an insert replaces).
/// </summary>
internal sealed class KboMirrorWriter(RegistryDbContext db) : IAsyncDisposable
{
    private const int DeleteBatch = 1_000;
    private const int InsertBatch = 2_000;

    private readonly BulkInserter _inserter = BulkInserter.Begin(db);

    /// <summary>Empties the four mirror tables (a full extract replaces them).</summary>
    public async Task EmptyAsync(CancellationToken cancellationToken)
    {
        await db.KboDenominations.ExecuteDeleteAsync(cancellationToken);
        await db.KboAddresses.ExecuteDeleteAsync(cancellationToken);
        await db.KboEnterprises.ExecuteDeleteAsync(cancellationToken);
        await db.KboCodes.ExecuteDeleteAsync(cancellationToken);
    }

    public async Task EmptyCodesAsync(CancellationToken cancellationToken) => await db.KboCodes.ExecuteDeleteAsync(cancellationToken);

    /// <summary>Deletes the rows of these entity numbers from the table of <paramref name="file"/> (a <c>*_delete.csv</c>).</summary>
    public async Task DeleteAsync(string file, IReadOnlyList<string> numbers, CancellationToken cancellationToken)
    {
        for (var offset = 0; offset < numbers.Count; offset += DeleteBatch)
        {
            var batch = numbers.Skip(offset).Take(DeleteBatch).ToList();
            _ = file switch
            {
                KboFiles.Enterprise => await db.KboEnterprises.Where(e => batch.Contains(e.Number)).ExecuteDeleteAsync(cancellationToken),
                KboFiles.Denomination => await db.KboDenominations.Where(d => batch.Contains(d.EntityNumber)).ExecuteDeleteAsync(cancellationToken),
                KboFiles.Address => await db.KboAddresses.Where(a => batch.Contains(a.EntityNumber)).ExecuteDeleteAsync(cancellationToken),
                _ => throw new ArgumentOutOfRangeException(nameof(file), file, "Not a file with a delete part."),
            };
        }
    }

    /// <summary>Resolves every enterprise's legal data into its own columns (see <see cref="ResolveLegalDataAsync(RegistryDbContext, CancellationToken)"/>).</summary>
    public Task<int> ResolveLegalDataAsync(CancellationToken cancellationToken) => ResolveLegalDataAsync(db, cancellationToken);

    /// <summary>
    /// Resolves, in one statement, every enterprise's legal data from the other mirror tables into its own columns, as
    /// the register uses it: name and abbreviation (types 001 and 002) in the order NL (2), FR (1), DE (3), EN (4),
    /// unknown (0); the legal form's description in Dutch, else French; the REGO address as "Straat 12 bus 3, 1000
    /// Brussel", with the country when it is not Belgium (Dutch fields, else French). Values are cut to the lengths of
    /// the organisation's columns. Run after every import, in its transaction, so lists compare stored columns.
    /// </summary>
    internal static Task<int> ResolveLegalDataAsync(RegistryDbContext db, CancellationToken cancellationToken) =>
        db.KboEnterprises.ExecuteUpdateAsync(
            setters => setters
                .SetProperty(
                    e => e.Name,
                    e => db.KboDenominations
                        .Where(d => d.EntityNumber == e.Number && d.Type == KboDenomination.NameType)
                        .OrderBy(d => d.Language == "2" ? 0 : d.Language == "1" ? 1 : d.Language == "3" ? 2 : d.Language == "4" ? 3 : 4)
                        .Select(d => d.Value.Trim().Substring(0, Organisation.NameMaxLength))
                        .FirstOrDefault())
                .SetProperty(
                    e => e.ShortName,
                    e => db.KboDenominations
                        .Where(d => d.EntityNumber == e.Number && d.Type == KboDenomination.AbbreviationType)
                        .OrderBy(d => d.Language == "2" ? 0 : d.Language == "1" ? 1 : d.Language == "3" ? 2 : d.Language == "4" ? 3 : 4)
                        .Select(d => d.Value.Trim().Substring(0, Organisation.ShortNameMaxLength))
                        .FirstOrDefault())
                .SetProperty(
                    e => e.LegalForm,
                    e => db.KboCodes
                        .Where(c => c.Category == KboQueries.JuridicalFormCategory && c.Code == e.JuridicalForm && (c.Language == "NL" || c.Language == "FR"))
                        .OrderBy(c => c.Language == "NL" ? 0 : 1)
                        .Select(c => c.Description.Trim().Substring(0, Organisation.LegalFormMaxLength))
                        .FirstOrDefault())
                .SetProperty(
                    e => e.RegisteredSeat,
                    e => db.KboAddresses
                        .Where(a => a.EntityNumber == e.Number)
                        .Select(a => new
                        {
                            a.HouseNumber,
                            a.Box,
                            a.Zipcode,
                            Street = a.StreetNL != null && a.StreetNL != "" ? a.StreetNL : a.StreetFR,
                            Municipality = a.MunicipalityNL != null && a.MunicipalityNL != "" ? a.MunicipalityNL : a.MunicipalityFR,
                            Country = a.CountryNL != null && a.CountryNL != "" ? a.CountryNL : a.CountryFR,
                        })
                        .Select(a => ((a.Street != null && a.Street != ""
                                    ? a.Street
                                      + (a.HouseNumber != null && a.HouseNumber != "" ? " " + a.HouseNumber : "")
                                      + (a.Box != null && a.Box != "" ? " bus " + a.Box : "")
                                      + ", "
                                    : "")
                                + (a.Zipcode != null && a.Zipcode != "" ? a.Zipcode + " " : "")
                                + (a.Municipality ?? "")
                                + (a.Country != null && a.Country != "" && a.Country != "België" ? ", " + a.Country : ""))
                            .Substring(0, Organisation.RegisteredSeatMaxLength))
                        .FirstOrDefault()),
            cancellationToken);

    /// <summary>A sink for the rows of one file: loaded into an emptied table (<paramref name="replace"/> false) or replacing rows with the same key.</summary>
    public ITableSink<T> Open<T>(bool replace)
        where T : class =>
        !replace && db is PostgreSqlRegistryDbContext ? new CopySink<T>(db) : new InsertSink<T>(db, _inserter, replace);

    public ValueTask DisposeAsync() => _inserter.DisposeAsync();

    internal interface ITableSink<in T> : IAsyncDisposable
    {
        ValueTask AddAsync(T row, CancellationToken cancellationToken);

        Task CompleteAsync(CancellationToken cancellationToken);
    }

    /// <summary>The mapped columns of a mirror table, as the EF Core model gives them.</summary>
    private static (string Table, (IProperty Property, string Column)[] Columns) Mapping<T>(DbContext db)
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity of the model.");
        var tableName = entityType.GetTableName()!;
        var table = StoreObjectIdentifier.Table(tableName, entityType.GetSchema());
        return (tableName, [.. entityType.GetProperties().Select(p => (p, p.GetColumnName(table)!))]);
    }

    /// <summary>PostgreSQL binary COPY on the context's connection, in its transaction.</summary>
    private sealed class CopySink<T> : ITableSink<T>
        where T : class
    {
        private readonly NpgsqlBinaryImporter _importer;
        private readonly (IClrPropertyGetter Getter, NpgsqlDbType Type)[] _columns;

        public CopySink(DbContext db)
        {
            var sql = db.GetService<ISqlGenerationHelper>();
            var (table, columns) = Mapping<T>(db);
            _columns = [.. columns.Select(c => (c.Property.GetGetter(), TypeOf(c.Property.ClrType)))];
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            _importer = connection.BeginBinaryImport(
                $"COPY {sql.DelimitIdentifier(table)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Column)))}) FROM STDIN (FORMAT BINARY)");
            _importer.Timeout = TimeSpan.FromHours(1);
        }

        // Synchronous writes: they fill the importer's buffer and only block when it is sent (measured: per-field awaits
        // cost more than the COPY itself).
        public ValueTask AddAsync(T row, CancellationToken cancellationToken)
        {
            _importer.StartRow();
            foreach (var (getter, type) in _columns)
            {
                switch (getter.GetClrValue(row))
                {
                    case null:
                        _importer.WriteNull();
                        break;
                    case string text:
                        _importer.Write(text, type);
                        break;
                    case DateOnly date:
                        _importer.Write(date, type);
                        break;
                    case var value:
                        _importer.Write(value, type);
                        break;
                }
            }

            return ValueTask.CompletedTask;
        }

        public async Task CompleteAsync(CancellationToken cancellationToken)
        {
            await _importer.CompleteAsync(cancellationToken);
        }

        // Disposed without completing (an error): the COPY is cancelled, and the transaction rolls back.
        public ValueTask DisposeAsync() => _importer.DisposeAsync();

        private static NpgsqlDbType TypeOf(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
        {
            var t when t == typeof(string) => NpgsqlDbType.Text,
            var t when t == typeof(DateOnly) => NpgsqlDbType.Date,
            var t when t == typeof(int) => NpgsqlDbType.Integer,
            var t => throw new NotSupportedException($"No COPY type for {t.Name}."),
        };
    }

    /// <summary>Through the <see cref="BulkInserter"/>, in batches; replacing first deletes the row with the same key.</summary>
    private sealed class InsertSink<T> : ITableSink<T>
        where T : class
    {
        private readonly BulkInserter _inserter;
        private readonly List<T> _batch = new(InsertBatch);
        private readonly DbCommand? _delete;
        private readonly (IClrPropertyGetter Getter, DbParameter Parameter)[] _key = [];

        public InsertSink(DbContext db, BulkInserter inserter, bool replace)
        {
            _inserter = inserter;
            if (!replace)
            {
                return;
            }

            var sql = db.GetService<ISqlGenerationHelper>();
            var entityType = db.Model.FindEntityType(typeof(T))!;
            var (table, columns) = Mapping<T>(db);
            var keyProperties = entityType.FindPrimaryKey()!.Properties;
            _delete = db.Database.GetDbConnection().CreateCommand();
            _delete.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            _key =
            [
                .. keyProperties.Select((p, i) =>
                {
                    var name = "k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    var parameter = p.GetRelationalTypeMapping().CreateParameter(_delete, sql.GenerateParameterName(name), value: null, nullable: false);
                    _delete.Parameters.Add(parameter);
                    return (p.GetGetter(), parameter);
                }),
            ];
            _delete.CommandText = $"DELETE FROM {sql.DelimitIdentifier(table)} WHERE " + string.Join(
                " AND ",
                keyProperties.Select((p, i) => $"{sql.DelimitIdentifier(columns.Single(c => c.Property == p).Column)} = {sql.GenerateParameterNamePlaceholder("k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))}"));
        }

        public async ValueTask AddAsync(T row, CancellationToken cancellationToken)
        {
            if (_delete is not null)
            {
                foreach (var (getter, parameter) in _key)
                {
                    parameter.Value = getter.GetClrValue(row);
                }

                await _delete.ExecuteNonQueryAsync(cancellationToken);
            }

            _batch.Add(row);
            if (_batch.Count == InsertBatch)
            {
                await FlushAsync(cancellationToken);
            }
        }

        public Task CompleteAsync(CancellationToken cancellationToken) => FlushAsync(cancellationToken);

        public async ValueTask DisposeAsync()
        {
            if (_delete is not null)
            {
                await _delete.DisposeAsync();
            }
        }

        private async Task FlushAsync(CancellationToken cancellationToken)
        {
            await _inserter.InsertAsync(_batch, cancellationToken);
            _batch.Clear();
        }
    }
}
