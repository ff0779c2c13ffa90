using System.Globalization;
using System.Text;
using CsvHelper;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;

namespace OrganisationRegistry.Domain.ApplicationDomains.Reconciliation;

/// <summary>
/// Reads a domain expert's own list of an application domain's members, the way such lists really are kept: Excel's
/// "CSV (;)" on Belgian Windows (Windows-1252) or UTF-8 with or without BOM, separated by <c>;</c>, <c>,</c> or a tab
/// (whichever the header line uses), Dutch headers in any case or spelling, unknown and empty columns, blank lines,
/// quoted fields, dates as <c>d/MM/yyyy</c> (and a few other forms). Each row is parsed on its own: what is wrong with
/// one row is kept on that row (<see cref="MemberListRow.Problem"/>); only a file that cannot be read as a list at all
/// (too large, no identifier column) is refused, with a <see cref="DomainRuleException"/>.
/// </summary>
public static class MemberListReader
{
    /// <summary>5 MB: far more than a domain's ~20,000 members take, small enough to hold in memory.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    public const int MaxRows = 20_000;

    private static readonly string[] DateFormats = ["d/M/yyyy", "d-M-yyyy", "yyyy-M-d", "d.M.yyyy", "d/M/yyyy H:mm", "d/M/yyyy H:mm:ss"];

    /// <summary>Header names (normalised: letters and digits only, lower case, no accents) and the field they hold.</summary>
    private static readonly Dictionary<string, MemberListField> Headers = new(StringComparer.Ordinal)
    {
        ["ovo"] = MemberListField.Ovo,
        ["ovocode"] = MemberListField.Ovo,
        ["ovonummer"] = MemberListField.Ovo,
        ["ovonumber"] = MemberListField.Ovo,
        ["ovonr"] = MemberListField.Ovo,
        ["kbo"] = MemberListField.Kbo,
        ["kbonummer"] = MemberListField.Kbo,
        ["kbonumber"] = MemberListField.Kbo,
        ["kbonr"] = MemberListField.Kbo,
        ["ondernemingsnummer"] = MemberListField.Kbo,
        ["ondernemingsnr"] = MemberListField.Kbo,
        ["categoriecode"] = MemberListField.CategoryCode,
        ["codecategorie"] = MemberListField.CategoryCode,
        ["categorycode"] = MemberListField.CategoryCode,
        ["categorie"] = MemberListField.Category,
        ["category"] = MemberListField.Category,
        ["categorienaam"] = MemberListField.Category,
        ["geldigvanaf"] = MemberListField.From,
        ["geldigvan"] = MemberListField.From,
        ["vanaf"] = MemberListField.From,
        ["begindatum"] = MemberListField.From,
        ["formelebegindatum"] = MemberListField.From,
        ["startdatum"] = MemberListField.From,
        ["validfrom"] = MemberListField.From,
        ["geldigtot"] = MemberListField.To,
        ["geldigtotenmet"] = MemberListField.To,
        ["einddatum"] = MemberListField.To,
        ["formeleeinddatum"] = MemberListField.To,
        ["validto"] = MemberListField.To,
        ["naam"] = MemberListField.Name,
        ["naamalgemeen"] = MemberListField.Name,
        ["organisatie"] = MemberListField.Name,
        ["organisatienaam"] = MemberListField.Name,
        ["name"] = MemberListField.Name,
    };

    static MemberListReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Reads at most <see cref="MaxBytes"/> from <paramref name="stream"/> (asynchronously: a browser upload has no synchronous reads).</summary>
    public static async Task<byte[]> ReadContentAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                throw TooLarge();
            }
        }

        return buffer.ToArray();
    }

    public static DomainRuleException TooLarge() =>
        new(RuleCodes.InvalidValue, $"Het bestand is groter dan {MaxBytes / (1024 * 1024)} MB. Splits de lijst of laat overbodige kolommen weg.");

    public static MemberList Read(byte[] content)
    {
        if (content.Length > MaxBytes)
        {
            throw TooLarge();
        }

        var text = Decode(content);
        var separator = TakeSeparatorHint(ref text) ?? DetectSeparator(text);
        var options = new CsvReaderOptions
        {
            Separator = separator,
            HasHeader = false,
            SkipEmptyLines = true,
            TrimWhitespace = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
        };

        using var reader = CsvReader.FromText(text, options);
        Dictionary<MemberListField, int>? columns = null;
        var rows = new List<MemberListRow>();
        while (reader.Read())
        {
            var record = new string[reader.FieldCount];
            for (var i = 0; i < record.Length; i++)
            {
                record[i] = reader.GetString(i);
            }

            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (columns is null)
            {
                columns = MapHeader(record);
                continue;
            }

            if (rows.Count == MaxRows)
            {
                throw new DomainRuleException(
                    RuleCodes.InvalidValue,
                    $"Het bestand heeft meer dan {MaxRows.ToString("N0", Validity.DutchBelgium)} rijen. Splits de lijst in kleinere bestanden.");
            }

            rows.Add(ParseRow((int)reader.LineNumber, record, columns));
        }

        if (columns is null)
        {
            throw new DomainRuleException(RuleCodes.InvalidValue, "Het bestand is leeg: er is geen kopregel met kolomnamen.");
        }

        return new MemberList(new MemberListColumns(columns.Keys.ToHashSet()), rows);
    }

    /// <summary>UTF-8 (with or without BOM) when the bytes are valid UTF-8; UTF-16 with its BOM; else Windows-1252 (Excel on Belgian Windows).</summary>
    private static string Decode(byte[] content)
    {
        if (content is [0xEF, 0xBB, 0xBF, ..])
        {
            return new UTF8Encoding(false, true).GetString(content, 3, content.Length - 3);
        }

        if (content is [0xFF, 0xFE, ..])
        {
            return Encoding.Unicode.GetString(content, 2, content.Length - 2);
        }

        if (content is [0xFE, 0xFF, ..])
        {
            return Encoding.BigEndianUnicode.GetString(content, 2, content.Length - 2);
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252).GetString(content);
        }
    }

    /// <summary>
    /// Excel's own first line <c>sep=;</c> names the separator; it is taken off, and counts as a blank line (line
    /// numbers stay those of the file).
    /// </summary>
    private static char? TakeSeparatorHint(ref string text)
    {
        var start = text.TrimStart();
        if (start.Length < 5 || !start.StartsWith("sep=", StringComparison.OrdinalIgnoreCase) || (start.Length > 5 && start[5] is not ('\r' or '\n')))
        {
            return null;
        }

        var offset = text.Length - start.Length;
        text = text[..offset] + text[(offset + 5)..];
        return start[4];
    }

    /// <summary>The separator the header line uses most, outside quotes (<c>;</c> when tied or absent).</summary>
    private static char DetectSeparator(string text)
    {
        var counts = new Dictionary<char, int> { [';'] = 0, [','] = 0, ['\t'] = 0 };
        var quoted = false;
        var seenText = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\r' or '\n')
            {
                if (seenText)
                {
                    break;
                }
            }
            else if (!quoted && counts.TryGetValue(c, out var count))
            {
                counts[c] = count + 1;
            }
            else if (!char.IsWhiteSpace(c))
            {
                seenText = true;
            }
        }

        var best = counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key == ';' ? 0 : 1).First();
        return best.Value == 0 ? ';' : best.Key;
    }

    private static Dictionary<MemberListField, int> MapHeader(string[] header)
    {
        var columns = new Dictionary<MemberListField, int>();
        for (var i = 0; i < header.Length; i++)
        {
            if (Headers.TryGetValue(Normalise(header[i]), out var field))
            {
                columns.TryAdd(field, i);
            }
        }

        if (!columns.ContainsKey(MemberListField.Ovo) && !columns.ContainsKey(MemberListField.Kbo))
        {
            var found = string.Join(", ", header.Where(h => !string.IsNullOrWhiteSpace(h)).Select(h => $"'{h.Trim()}'"));
            throw new DomainRuleException(
                RuleCodes.InvalidValue,
                $"De kopregel heeft geen kolom met de OVO-code of het KBO-nummer (bv. 'OVO-code', 'ovoNumber', 'KBO-nummer', 'Ondernemingsnummer'). " +
                $"Gevonden kolommen: {(found.Length == 0 ? "geen" : found)}.");
        }

        return columns;
    }

    private static MemberListRow ParseRow(int line, string[] record, Dictionary<MemberListField, int> columns)
    {
        string? Field(MemberListField field) =>
            columns.TryGetValue(field, out var index) && index < record.Length && !string.IsNullOrWhiteSpace(record[index]) ? record[index].Trim() : null;

        var ovoText = Field(MemberListField.Ovo);
        var kboText = Field(MemberListField.Kbo);
        var categoryText = Field(MemberListField.CategoryCode) ?? Field(MemberListField.Category);
        var fromText = Field(MemberListField.From);
        var toText = Field(MemberListField.To);
        var row = new MemberListRow(line, ovoText, kboText, categoryText, fromText, toText, Field(MemberListField.Name));

        var problems = new List<string>();
        if (ovoText is null && kboText is null)
        {
            problems.Add("Geen OVO-code of KBO-nummer.");
        }

        OvoCode? ovo = null;
        if (ovoText is not null)
        {
            if (OvoCode.TryParse(ovoText, out var code))
            {
                ovo = code;
            }
            else
            {
                problems.Add($"'{ovoText}' is geen geldige OVO-code (verwacht: OVO gevolgd door 6 cijfers, bv. OVO000123).");
            }
        }

        KboNumber? kbo = null;
        if (kboText is not null)
        {
            if (KboNumber.TryParse(kboText, out var number, out var error))
            {
                kbo = number;
            }
            else
            {
                problems.Add(error);
            }
        }

        var from = ParseDate(fromText, "begindatum", problems);
        var to = ParseDate(toText, "einddatum", problems);
        if (from is not null && to is not null && to < from)
        {
            problems.Add($"De einddatum ({Validity.Format(to.Value)}) ligt voor de begindatum ({Validity.Format(from.Value)}).");
        }

        return row with { Ovo = ovo, Kbo = kbo, From = from, To = to, Problem = problems.Count == 0 ? null : string.Join(" ", problems) };
    }

    private static DateOnly? ParseDate(string? text, string what, List<string> problems)
    {
        if (text is null)
        {
            return null;
        }

        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date))
        {
            return DateOnly.FromDateTime(date);
        }

        problems.Add($"De {what} '{text}' is geen datum (verwacht: dd/mm/jjjj, bv. 1/01/2024).");
        return null;
    }

    /// <summary>Letters and digits only, lower case, without accents: "Naam (algemeen)" and "naam algemeen" are the same header.</summary>
    internal static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}

/// <summary>The fields a list may have.</summary>
public enum MemberListField
{
    Ovo,
    Kbo,
    CategoryCode,
    Category,
    From,
    To,
    Name,
}

/// <summary>Which fields the list's header has: a period bound is only compared when its column is there.</summary>
public sealed record MemberListColumns(IReadOnlySet<MemberListField> Present)
{
    public bool HasCategory => Present.Contains(MemberListField.Category) || Present.Contains(MemberListField.CategoryCode);

    public bool HasFrom => Present.Contains(MemberListField.From);

    public bool HasTo => Present.Contains(MemberListField.To);
}

/// <summary>A list as read: its columns and its non-blank rows.</summary>
public sealed record MemberList(MemberListColumns Columns, IReadOnlyList<MemberListRow> Rows);

/// <summary>
/// One row of a list, with the texts as written and what they parse to. <see cref="Problem"/> (Dutch) says why the
/// row cannot be compared (no identifier, a bad OVO code, a KBO number with a wrong check digit, a bad date).
/// </summary>
/// <param name="Line">The line of the file the row ends on (1 is the first line).</param>
public sealed record MemberListRow(int Line, string? OvoText, string? KboText, string? CategoryText, string? FromText, string? ToText, string? Name)
{
    public OvoCode? Ovo { get; init; }

    public KboNumber? Kbo { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public string? Problem { get; init; }

    /// <summary>How the row names its organisation, for messages: the OVO code, else the KBO number, as written.</summary>
    public string Identifier => OvoText ?? KboText ?? string.Empty;
}
