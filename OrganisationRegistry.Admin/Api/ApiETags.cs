using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace OrganisationRegistry.Admin.Api;

/// <summary>What a request's <c>If-Match</c> says.</summary>
public enum IfMatchKind
{
    /// <summary>No <c>If-Match</c> header.</summary>
    Missing,

    /// <summary><c>If-Match: *</c>: whatever version is current.</summary>
    Any,

    /// <summary><c>If-Match: "7"</c>: exactly this version.</summary>
    Version,

    /// <summary>Not a strong ETag of this API (a weak one, several, or garbage).</summary>
    Invalid,
}

/// <summary>
/// Versions as HTTP entity tags: a row's <see cref="Domain.Common.IVersioned.Version"/> as a strong ETag
/// (<c>"7"</c>). A write that changes a versioned resource needs <c>If-Match</c> with the ETag it read (428 without,
/// 412 when stale).
/// </summary>
public static class ApiETags
{
    public static string Format(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>Reads <c>If-Match</c>; <paramref name="version"/> is set for <see cref="IfMatchKind.Version"/>.</summary>
    public static IfMatchKind ReadIfMatch(HttpRequest request, out long version)
    {
        version = 0;
        var values = request.Headers.IfMatch;
        if (values.Count == 0 || values.All(string.IsNullOrWhiteSpace))
        {
            return IfMatchKind.Missing;
        }

        if (!EntityTagHeaderValue.TryParseList(values, out var tags) || tags.Count != 1)
        {
            return IfMatchKind.Invalid;
        }

        var tag = tags[0];
        if (tag.Equals(EntityTagHeaderValue.Any))
        {
            return IfMatchKind.Any;
        }

        return !tag.IsWeak && long.TryParse(tag.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out version)
            ? IfMatchKind.Version
            : IfMatchKind.Invalid;
    }

    /// <summary>
    /// The version a write changes: the one in <c>If-Match</c>, the current one for <c>If-Match: *</c> or, when the
    /// precondition is not <paramref name="required"/>, without <c>If-Match</c>. Otherwise <paramref name="problem"/>:
    /// 428 (missing), or 400 for a value that is no strong ETag of this API.
    /// </summary>
    /// <param name="resource">The address to read the ETag from, for the 428's message.</param>
    public static bool TryExpectedVersion(HttpRequest request, long currentVersion, bool required, string resource, out long expected, out ProblemResult? problem)
    {
        problem = null;
        switch (ReadIfMatch(request, out expected))
        {
            case IfMatchKind.Version:
                return true;
            case IfMatchKind.Any:
            case IfMatchKind.Missing when !required:
                expected = currentVersion;
                return true;
            case IfMatchKind.Missing:
                problem = new ProblemResult(ApiProblems.PreconditionRequired(
                    $"Stuur If-Match met de ETag die u las (GET {resource}), of If-Match: * om de huidige versie te wijzigen."));
                return false;
            case IfMatchKind.Invalid:
            default:
                problem = new ProblemResult(ApiProblems.Validation(HeaderNames.IfMatch, "If-Match moet één sterke ETag van deze API zijn (bv. \"3\") of *."));
                return false;
        }
    }

    /// <summary>Sets the <c>ETag</c> header of the response.</summary>
    public static void Set(HttpResponse response, long version) => response.Headers.ETag = Format(version);
}
