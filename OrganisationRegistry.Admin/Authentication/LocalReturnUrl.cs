namespace OrganisationRegistry.Admin.Authentication;

/// <summary>
/// Where to go after signing in: only an address on this site, so that a link can never send a freshly signed-in
/// user to another site (an open redirect).
/// </summary>
public static class LocalReturnUrl
{
    public const string Home = "/";

    /// <summary><paramref name="url"/> when it is a local path (<c>/organisaties?zoek=x</c>); otherwise the home page.</summary>
    public static string OrHome(string? url) => OrNull(url) ?? Home;

    /// <summary><paramref name="url"/> when it is a local path; otherwise <c>null</c>.</summary>
    public static string? OrNull(string? url)
    {
        if (string.IsNullOrEmpty(url) || url[0] != '/')
        {
            return null;
        }

        // "//host" and "/\host" are protocol-relative addresses of another site in browsers; control characters
        // (tabs, new lines) are dropped by browsers and could turn the rest into one.
        if (url.Length > 1 && (url[1] == '/' || url[1] == '\\'))
        {
            return null;
        }

        return url.Any(char.IsControl) ? null : url;
    }
}
