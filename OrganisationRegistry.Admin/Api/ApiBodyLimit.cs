namespace OrganisationRegistry.Admin.Api;

/// <summary>
/// Refuses an API request that announces a body over <see cref="ApiRequestLimits.MaxBodyBytes"/> (<c>Content-Length</c>)
/// at once: 413 and <c>Connection: close</c>, before authentication or an endpoint looks at it. Without this, an answer
/// that does not read the body (401, 404, 405, ...) leaves Kestrel to skip a body it may not read either: it then drops
/// the connection after an answer that promised to keep it, and the client's next request on it fails. Bodies without
/// a length (chunked) are still held to the limit by the endpoints' metadata when they are read.
/// </summary>
public static class ApiBodyLimit
{
    public static IApplicationBuilder UseApiBodyLimit(this IApplicationBuilder api) => api.Use(async (context, next) =>
    {
        if (context.Request.ContentLength > ApiRequestLimits.MaxBodyBytes)
        {
            context.Response.Headers.Connection = "close";
            await ApiProblems.WriteAsync(context, ApiProblems.ForStatus(StatusCodes.Status413PayloadTooLarge));
            return;
        }

        await next(context);
    });
}
