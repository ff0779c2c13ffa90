using System.Globalization;
using System.Text;

namespace OrganisationRegistry.Domain.Organisations;

/// <summary>
/// Normalises names for search: lower case, without diacritics, single spaces. Stored beside the names so that
/// "financien" finds "Financiën" the same way on every database provider.
/// </summary>
public static class SearchText
{
    public static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var decomposed = text.Trim().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            builder.Append(char.ToLowerInvariant(c));
            lastWasSpace = false;
        }

        return builder.ToString();
    }

    public static string For(string name, string? shortName) =>
        string.IsNullOrWhiteSpace(shortName) ? Normalise(name) : $"{Normalise(name)} | {Normalise(shortName)}";
}
