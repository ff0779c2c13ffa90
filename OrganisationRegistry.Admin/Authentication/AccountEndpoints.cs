using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace OrganisationRegistry.Admin.Authentication;

/// <summary>
/// Our own sign-in and sign-out endpoints (Microsoft.Identity.Web.UI, which would bring them, is not available):
/// GET <see cref="AccountPaths.SignIn"/> and POST <see cref="AccountPaths.SignOut"/>. Both answer without a signed-in user.
/// </summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(AccountPaths.SignIn, SignIn).AllowAnonymous().WithName("SignIn");
        endpoints.MapPost(AccountPaths.SignOut, SignOutAsync).AllowAnonymous().WithName("SignOut");
        return endpoints;
    }

    /// <summary>
    /// Lets the pages in <paramref name="pageTypes"/> answer without a signed-in user (the error and not-found pages),
    /// without an attribute on the page itself.
    /// </summary>
    public static RazorComponentsEndpointConventionBuilder AllowAnonymousPages(this RazorComponentsEndpointConventionBuilder builder, params Type[] pageTypes)
    {
        builder.Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<ComponentTypeMetadata>().Any(m => pageTypes.Contains(m.Type)))
            {
                endpoint.Metadata.Add(new Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute());
            }
        });
        return builder;
    }

    /// <summary>Development: the persona picker. Production: Entra ID, returning to <paramref name="returnUrl"/> (local only).</summary>
    internal static Results<RedirectHttpResult, ChallengeHttpResult> SignIn(
        [FromQuery(Name = AccountPaths.ReturnUrlParameter)] string? returnUrl,
        IOptions<RegistrySignInOptions> options)
    {
        var target = LocalReturnUrl.OrHome(returnUrl);
        return options.Value.DevelopmentSignIn.Enabled
            ? TypedResults.Redirect(AccountPaths.DevelopmentSignInFor(target))
            : TypedResults.Challenge(new AuthenticationProperties { RedirectUri = target }, [OpenIdConnectDefaults.AuthenticationScheme]);
    }

    /// <summary>
    /// Ends the session: the cookie, and in production also the Entra ID session (which then returns to
    /// <see cref="AccountPaths.SignedOut"/>). A form post with an antiforgery token, so another site cannot sign people out.
    /// </summary>
    internal static async Task<Results<RedirectHttpResult, SignOutHttpResult, ProblemHttpResult>> SignOutAsync(
        HttpContext httpContext,
        IAntiforgery antiforgery,
        IOptions<RegistrySignInOptions> options)
    {
        if (!await antiforgery.IsRequestValidAsync(httpContext))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Afmelden is niet gelukt",
                detail: "Het formulier is verlopen. Herlaad de pagina en kies opnieuw 'Afmelden'.");
        }

        if (options.Value.DevelopmentSignIn.Enabled)
        {
            await httpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.Redirect(AccountPaths.DevelopmentSignIn);
        }

        return TypedResults.SignOut(
            new AuthenticationProperties { RedirectUri = AccountPaths.SignedOut },
            [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]);
    }
}
