using System.Globalization;
using System.IO.Compression;

namespace OrganisationRegistry.Domain.Kbo;

/// <summary>What <c>meta.csv</c> says about an extract.</summary>
public sealed record KboExtractMeta(string ExtractType, int ExtractNumber, DateOnly SnapshotDate, DateTimeOffset? ExtractTimestamp, string? Version)
{
    public bool IsFull => ExtractType == KboImport.Full;
}

/// <summary>
/// An extract that cannot be imported at all (a missing or invalid <c>meta.csv</c>, a missing required file, a file
/// without the expected header, an update refused): the import stops and writes nothing. The message is Dutch.
/// </summary>
public sealed class KboExtractException(string message) : Exception(message);

/// <summary>
/// The files of one KBO Open Data extract, in a .zip or in a folder, opened one at a time as streams (never read whole
/// into memory). File names are matched without case and without the folders they may sit in inside the zip.
/// </summary>
public sealed class KboExtractSource : IDisposable
{
    private readonly ZipArchive? _zip;
    private readonly Dictionary<string, ZipArchiveEntry> _entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly string? _folder;

    private KboExtractSource(string path, ZipArchive? zip, string? folder)
    {
        Name = Path.GetFileName(Path.TrimEndingDirectorySeparator(path));
        _zip = zip;
        _folder = folder;
        if (zip is not null)
        {
            foreach (var entry in zip.Entries.Where(e => e.Name.Length > 0))
            {
                _entries.TryAdd(entry.Name, entry);
            }
        }
    }

    /// <summary>The zip's or folder's own name, without directories (what the import records as its source).</summary>
    public string Name { get; }

    /// <summary>Opens <paramref name="path"/>: a folder of CSV files or a .zip.</summary>
    public static KboExtractSource Open(string path)
    {
        if (Directory.Exists(path))
        {
            return new KboExtractSource(path, zip: null, folder: path);
        }

        if (!File.Exists(path))
        {
            throw new KboExtractException($"'{Path.GetFileName(path)}' bestaat niet: geef een .zip of een map met de CSV-bestanden van een KBO-extract.");
        }

        try
        {
            return new KboExtractSource(path, ZipFile.OpenRead(path), folder: null);
        }
        catch (InvalidDataException)
        {
            throw new KboExtractException($"'{Path.GetFileName(path)}' is geen geldig zip-bestand.");
        }
    }

    public bool Contains(string file) => _zip is not null ? _entries.ContainsKey(file) : FindInFolder(file) is not null;

    /// <summary>The uncompressed size of <paramref name="file"/> (for progress), 0 when absent.</summary>
    public long Length(string file) =>
        _zip is not null ? _entries.TryGetValue(file, out var entry) ? entry.Length : 0
        : FindInFolder(file) is { } path ? new FileInfo(path).Length : 0;

    public Stream OpenRead(string file)
    {
        if (_zip is not null)
        {
            return _entries.TryGetValue(file, out var entry) ? entry.Open() : throw Missing(file);
        }

        var path = FindInFolder(file) ?? throw Missing(file);
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
    }

    public void Dispose() => _zip?.Dispose();

    internal static KboExtractException Missing(string file) =>
        new($"Het extract bevat geen {file}: zonder dat bestand kan het niet ingelezen worden. Er is niets gewijzigd.");

    private string? FindInFolder(string file) =>
        Directory.EnumerateFiles(_folder!).FirstOrDefault(f => string.Equals(Path.GetFileName(f), file, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A malformed row: reported (file, line, Dutch reason) and skipped, the import goes on.</summary>
public sealed record KboSkippedRow(string File, long Line, string Reason)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{File}, regel {Line}: {Reason}");
}

/// <summary>Where an import is.</summary>
public enum KboImportPhase
{
    /// <summary>Reading meta.csv, checking the files and the extract number.</summary>
    Checking,

    /// <summary>Emptying the mirror (full) or applying the <c>*_delete.csv</c> files (update).</summary>
    Deleting,

    /// <summary>Reading a CSV file and writing its rows.</summary>
    Loading,

    /// <summary>Recording the import and committing.</summary>
    Committing,

    Done,
}

/// <summary>Progress of an import: the phase, the file being read, its rows so far, and the bytes read of all files.</summary>
public sealed record KboImportProgress(KboImportPhase Phase, string? File, long RowsRead, long BytesRead, long TotalBytes)
{
    public double Fraction => TotalBytes <= 0 ? 0 : Math.Clamp((double)BytesRead / TotalBytes, 0, 1);
}

/// <summary>What an import did: the recorded <see cref="KboImport"/>, the first skipped rows, and the time per phase.</summary>
public sealed record KboImportResult(KboImport Import, IReadOnlyList<KboSkippedRow> Skipped, IReadOnlyList<(string Step, TimeSpan Elapsed, long Rows)> Steps)
{
    public TimeSpan Elapsed => Import.FinishedAt - Import.StartedAt;
}

/// <summary>Reads <c>meta.csv</c>.</summary>
internal static class KboMetaReader
{
    public const string File = "meta.csv";

    public static KboExtractMeta Read(KboExtractSource source)
    {
        if (!source.Contains(File))
        {
            throw new KboExtractException("Het extract bevat geen meta.csv: het is geen KBO-extract, of niet volledig. Er is niets gewijzigd.");
        }

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        using (var csv = new KboCsvFile(source, File, ["Variable", "Value"]))
        {
            while (csv.Read())
            {
                if (csv.Malformed is null)
                {
                    values[csv.Fields[0].Trim()] = csv.Fields[1].Trim();
                }
            }
        }

        var type = values.GetValueOrDefault("ExtractType")?.ToLowerInvariant();
        if (type is not (KboImport.Full or KboImport.Update))
        {
            throw Invalid($"ExtractType is '{values.GetValueOrDefault("ExtractType")}', verwacht 'full' of 'update'");
        }

        if (!int.TryParse(values.GetValueOrDefault("ExtractNumber"), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            throw Invalid($"ExtractNumber is '{values.GetValueOrDefault("ExtractNumber")}', verwacht een getal");
        }

        if (!KboValues.TryParseDate(values.GetValueOrDefault("SnapshotDate"), out var snapshot) || snapshot is null)
        {
            throw Invalid($"SnapshotDate is '{values.GetValueOrDefault("SnapshotDate")}', verwacht een datum dd-mm-jjjj");
        }

        DateTimeOffset? timestamp = null;
        if (values.GetValueOrDefault("ExtractTimestamp") is { Length: > 0 } text)
        {
            if (!DateTime.TryParseExact(text, ["dd-MM-yyyy HH:mm:ss", "dd-MM-yyyy H:mm:ss", "dd-MM-yyyy HH:mm", "dd-MM-yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                throw Invalid($"ExtractTimestamp is '{text}', verwacht dd-mm-jjjj uu:mm:ss");
            }

            timestamp = KboValues.BrusselsTime(local).ToUniversalTime();
        }

        return new KboExtractMeta(type, number, snapshot.Value, timestamp, values.GetValueOrDefault("Version"));
    }

    private static KboExtractException Invalid(string reason) =>
        new($"meta.csv is ongeldig: {reason}. Er is niets gewijzigd.");
}
