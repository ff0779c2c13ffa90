using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Persistence;

namespace OrganisationRegistry.Domain.Kbo;

/// <summary>
/// Reads the register's KBO copy (the mirror tables the import fills). <see cref="LegalData"/> is the one place that
/// turns the mirror rows into an organisation's legal data; coupling, creating from the KBO, the synchronisation and
/// the API all read through it, so they can never disagree on a name, a legal form or a seat.
/// </summary>
public sealed class KboQueries(IDbContextFactory<RegistryDbContext> contexts, TimeProvider time)
{
    /// <summary>The category of legal forms in <c>code.csv</c>.</summary>
    public const string JuridicalFormCategory = "JuridicalForm";

    /// <summary>What the KBO copy holds for <paramref name="text"/> (any notation), for a person about to couple or create.</summary>
    public async Task<KboLookup> LookupAsync(string? text, CancellationToken cancellationToken = default)
    {
        if (!KboNumber.TryParse(text, out var number, out var error))
        {
            return new KboLookup(text ?? string.Empty, null, error, []);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await FindAsync(db, number, cancellationToken);
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var holders = await db.Organisations.AsNoTracking()
            .Where(o => o.KboNumber == number && (o.ValidTo == null || o.ValidTo >= today))
            .OrderBy(o => o.OvoCode)
            .Select(o => new KboHolder(o.OvoCode, o.Name))
            .ToListAsync(cancellationToken);
        var problem = record is null
            ? (await UnknownAsync(db, number, cancellationToken)).Message
            : record.Name is null ? NoName(number).Message : null;
        return new KboLookup(text!, record, problem, holders);
    }

    /// <summary>The latest KBO import, or <c>null</c> when none was ever read.</summary>
    public async Task<KboSnapshot?> LatestImportAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await LatestImportAsync(db, cancellationToken);
    }

    /// <remarks>The order of the import history (<see cref="KboImportHistory.NewestFirstAsync"/>).</remarks>
    internal static async Task<KboSnapshot?> LatestImportAsync(RegistryDbContext db, CancellationToken cancellationToken)
    {
        var newest = await KboImportHistory.NewestFirstAsync(db, cancellationToken);
        return newest.Count == 0
            ? null
            : await db.KboImports.AsNoTracking()
                .Where(i => i.Id == newest[0])
                .Select(i => new KboSnapshot(i.Id, i.ExtractType, i.ExtractNumber, i.SnapshotDate, i.FinishedAt))
                .SingleAsync(cancellationToken);
    }

    /// <summary>Whether a full extract was ever read: only then does "absent from the copy" mean "stopped".</summary>
    internal static Task<bool> AnyFullImportAsync(RegistryDbContext db, CancellationToken cancellationToken) =>
        db.KboImports.AnyAsync(i => i.ExtractType == KboImport.Full, cancellationToken);

    /// <summary>The enterprise's legal data, or <c>null</c> when the KBO copy does not hold it.</summary>
    internal static async Task<KboRecord?> FindAsync(RegistryDbContext db, KboNumber number, CancellationToken cancellationToken)
    {
        var digits = number.Digits;
        var row = await LegalData(db).Where(k => k.Number == digits).FirstOrDefaultAsync(cancellationToken);
        return row?.ToRecord();
    }

    /// <summary>The enterprise's legal data; refused with a rule when the copy lacks it or gives it no name.</summary>
    internal static async Task<KboRecord> RequireAsync(RegistryDbContext db, KboNumber number, CancellationToken cancellationToken)
    {
        var record = await FindAsync(db, number, cancellationToken) ?? throw await UnknownAsync(db, number, cancellationToken);
        return record.Name is null ? throw NoName(number) : record;
    }

    internal static async Task<DomainRuleException> UnknownAsync(RegistryDbContext db, KboNumber number, CancellationToken cancellationToken)
    {
        var latest = await LatestImportAsync(db, cancellationToken);
        return new DomainRuleException(
            RuleCodes.NotFound,
            $"Het KBO-nummer {number} komt niet voor in de KBO-gegevens van het register " +
            (latest is null ? "(er werd nog geen KBO-extract ingelezen)." : $"(laatste import: {latest.Description})."));
    }

    private static DomainRuleException NoName(KboNumber number) =>
        new(RuleCodes.InvalidValue, $"De onderneming {number} heeft geen naam in de KBO-gegevens van het register: ze kan niet gekoppeld worden.");

    /// <summary>
    /// Every enterprise of the copy with its legal data, as the import resolved it
    /// (<see cref="KboMirrorWriter.ResolveLegalDataAsync(RegistryDbContext, CancellationToken)"/>): name and abbreviation in the order NL, FR, DE, EN,
    /// unknown; the legal form's description in Dutch, else French; the registered seat on one line.
    /// </summary>
    internal static IQueryable<KboLegalData> LegalData(RegistryDbContext db) =>
        db.KboEnterprises.AsNoTracking().Select(e => new KboLegalData
        {
            Number = e.Number,
            Status = e.Status,
            Name = e.Name,
            ShortName = e.ShortName,
            LegalForm = e.LegalForm,
            RegisteredSeat = e.RegisteredSeat,
        });
}

/// <summary>A row of <see cref="KboQueries.LegalData"/>: an enterprise's legal data as SQL resolves it.</summary>
internal sealed class KboLegalData
{
    public string Number { get; init; } = null!;

    public string Status { get; init; } = null!;

    public string? Name { get; init; }

    public string? ShortName { get; init; }

    public string? LegalForm { get; init; }

    public string? RegisteredSeat { get; init; }

    public KboRecord ToRecord() => new(
        KboNumber.FromStored(Number),
        Status,
        Blank(Name),
        Blank(ShortName),
        Blank(LegalForm),
        Blank(RegisteredSeat));

    // Stored as SQL gives them (no trimming here), so that the synchronisation, which compares in SQL, sees no difference.
    private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
