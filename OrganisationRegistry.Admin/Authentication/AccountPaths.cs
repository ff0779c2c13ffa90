namespace OrganisationRegistry.Admin.Authentication;

/// <summary>The addresses of signing in and out; they answer without a signed-in user.</summary>
public static class AccountPaths
{
    /// <summary>GET <c>?returnUrl=</c>: starts signing in (Entra ID, or the persona picker in development).</summary>
    public const string SignIn = "/account/signin";

    /// <summary>POST (with an antiforgery token): signs out of the app and, in production, of Entra ID.</summary>
    public const string SignOut = "/account/signout";

    /// <summary>Where a signed-in user without the right for a page lands (answers 403).</summary>
    public const string NoAccess = "/account/geen-toegang";

    /// <summary>Where Entra ID sends the user back after signing out.</summary>
    public const string SignedOut = "/account/afgemeld";

    /// <summary>The persona picker of development sign-in.</summary>
    public const string DevelopmentSignIn = "/dev/signin";

    /// <summary>The query parameter that carries the local address to return to after signing in.</summary>
    public const string ReturnUrlParameter = "returnUrl";

    public static string SignInFor(string? returnUrl) => WithReturnUrl(SignIn, returnUrl);

    public static string DevelopmentSignInFor(string? returnUrl) => WithReturnUrl(DevelopmentSignIn, returnUrl);

    /// <summary><c>/dev/signin/{persona}</c>, returning to <paramref name="returnUrl"/> afterwards.</summary>
    public static string DevelopmentSignInAs(string personaKey, string? returnUrl = null) =>
        WithReturnUrl($"{DevelopmentSignIn}/{Uri.EscapeDataString(personaKey)}", returnUrl);

    private static string WithReturnUrl(string path, string? returnUrl)
    {
        var local = LocalReturnUrl.OrNull(returnUrl);
        return local is null or "/" ? path : $"{path}?{ReturnUrlParameter}={Uri.EscapeDataString(local)}";
    }
}
