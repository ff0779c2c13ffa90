namespace OrganisationRegistry.Admin.Components.Pages.Account;

/// <summary>An HTTP status for a page that is rendered on the server with its own content (a 403 or 404 with a Dutch explanation).</summary>
internal static class PageStatus
{
    /// <summary>
    /// Answers with <paramref name="statusCode"/> and this page's content. The status is set when the response starts:
    /// a Razor component endpoint that changes the status while rendering leaves its content out, for the status code
    /// pages to fill in (the general not-found page), and that would lose the page's own message.
    /// </summary>
    public static void Set(HttpContext? httpContext, int statusCode)
    {
        if (httpContext is null || httpContext.Response.HasStarted)
        {
            return;
        }

        httpContext.Response.OnStarting(() =>
        {
            httpContext.Response.StatusCode = statusCode;
            return Task.CompletedTask;
        });
    }
}
