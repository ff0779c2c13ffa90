using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Kbo;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Persistence;

namespace OrganisationRegistry.Tests.Infrastructure;

/// <summary>An enterprise of the register's KBO copy as a test wants it; the defaults make an active public institution in Brussels.</summary>
public sealed record KboSeed(
    string Number,
    string Name,
    string? Abbreviation = null,
    string? JuridicalForm = "124",
    string Status = KboRecord.ActiveStatus,
    string NameLanguage = "2",
    string? Street = "Havenlaan",
    string? HouseNumber = "88",
    string? Box = null,
    string? Zipcode = "1000",
    string? Municipality = "Brussel",
    string? Country = "België");

/// <summary>
/// Fills the KBO mirror tables directly (the import is another feature): enterprises with their names, seat and legal
/// form, the code descriptions, and import records. Every call is its own unit of work.
/// </summary>
public sealed class KboTestData(IDbContextFactory<RegistryDbContext> contexts)
{
    public static readonly DateOnly SnapshotDate = new(2026, 11, 1);

    public KboTestData(DatabaseFixture database)
        : this(database.Contexts)
    {
    }

    /// <summary>An import record; the latest (by <paramref name="finishedAt"/>) is "the KBO copy's date".</summary>
    public async Task<KboImport> ImportAsync(
        string extractType = KboImport.Full, int? extractNumber = 123, DateOnly? snapshotDate = null, DateTimeOffset? finishedAt = null, CancellationToken cancellationToken = default)
    {
        var at = finishedAt ?? new DateTimeOffset(2026, 11, 2, 6, 0, 0, TimeSpan.Zero);
        var import = new KboImport
        {
            Id = Guid.CreateVersion7(),
            ExtractType = extractType,
            ExtractNumber = extractNumber,
            SnapshotDate = snapshotDate ?? SnapshotDate,
            ExtractTimestamp = at,
            Source = $"KboOpenData_{extractNumber}_{extractType}.zip",
            StartedAt = at.AddMinutes(-3),
            FinishedAt = at,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.KboImports.Add(import);
        await db.SaveChangesAsync(cancellationToken);
        return import;
    }

    /// <summary>The legal forms the tests use, in Dutch and French (and one in French only).</summary>
    public Task CodesAsync(CancellationToken cancellationToken = default) => AddAsync(
        [
            Code("124", "NL", "Openbare instelling"),
            Code("124", "FR", "Établissement public"),
            Code("017", "NL", "Vereniging zonder winstoogmerk"),
            Code("017", "FR", "Association sans but lucratif"),
            Code("400", "FR", "Forme seulement en français"),
            new KboCode { Category = "JuridicalSituation", Code = "000", Language = "NL", Description = "Normale toestand" },
        ],
        cancellationToken);

    public static KboCode Code(string code, string language, string description) =>
        new() { Category = KboQueries.JuridicalFormCategory, Code = code, Language = language, Description = description };

    /// <summary>Enterprises with their name (type 001), abbreviation (002, same language) and registered seat (REGO).</summary>
    public Task EnterprisesAsync(params KboSeed[] seeds) => EnterprisesAsync(seeds, CancellationToken.None);

    public Task EnterprisesAsync(IReadOnlyList<KboSeed> seeds, CancellationToken cancellationToken)
    {
        var rows = new List<object>();
        foreach (var seed in seeds)
        {
            var number = KboNumber.Parse(seed.Number).Digits;
            rows.Add(new KboEnterprise
            {
                Number = number,
                Status = seed.Status,
                JuridicalSituation = "000",
                TypeOfEnterprise = "2",
                JuridicalForm = seed.JuridicalForm,
                StartDate = new DateOnly(1990, 1, 1),
            });
            rows.Add(new KboDenomination { EntityNumber = number, Type = KboDenomination.NameType, Language = seed.NameLanguage, Value = seed.Name });
            if (seed.Abbreviation is not null)
            {
                rows.Add(new KboDenomination { EntityNumber = number, Type = KboDenomination.AbbreviationType, Language = seed.NameLanguage, Value = seed.Abbreviation });
            }

            if (seed.Municipality is not null)
            {
                rows.Add(new KboAddress
                {
                    EntityNumber = number,
                    StreetNL = seed.Street,
                    HouseNumber = seed.HouseNumber,
                    Box = seed.Box,
                    Zipcode = seed.Zipcode,
                    MunicipalityNL = seed.Municipality,
                    CountryNL = seed.Country,
                });
            }
        }

        return AddAsync(rows, cancellationToken);
    }

    /// <summary>Any mirror rows (extra denominations, French-only addresses, ...).</summary>
    public async Task AddAsync(IEnumerable<object> rows, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
        await KboMirrorWriter.ResolveLegalDataAsync(db, cancellationToken);
    }

    /// <summary>Changes the mirror as a later import would (e.g. a new name): <paramref name="change"/> works on a tracked context.</summary>
    public async Task ChangeAsync(Func<RegistryDbContext, Task> change, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await change(db);
        await db.SaveChangesAsync(cancellationToken);
        await KboMirrorWriter.ResolveLegalDataAsync(db, cancellationToken);
    }
}
