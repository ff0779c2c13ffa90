namespace OrganisationRegistry.Admin.Api;

/// <summary>
/// Turns what the services throw (invalid command, missing right, broken rule, concurrent change) into the API's
/// problem details; anything else is a real fault and goes on to the exception handler (500, no details).
/// </summary>
public sealed class ApiExceptionFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception exception) when (ApiProblems.FromException(
            exception,
            context.HttpContext,
            context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<ApiFieldNames>()?.Names) is { } problem)
        {
            return new ProblemResult(problem);
        }
    }
}

/// <summary>
/// Endpoint metadata: how the request names the fields of the command it sends (<c>DomainCode</c> is <c>domain</c>),
/// so that validation errors name the fields the client sent.
/// </summary>
public sealed record ApiFieldNames(IReadOnlyDictionary<string, string> Names);

/// <summary>An <see cref="IResult"/> that writes a problem the API's way (<see cref="ApiProblems.WriteAsync"/>).</summary>
public sealed class ProblemResult(Microsoft.AspNetCore.Mvc.ProblemDetails problem) : IResult, IStatusCodeHttpResult
{
    public Microsoft.AspNetCore.Mvc.ProblemDetails Problem { get; } = problem;

    public int? StatusCode => Problem.Status;

    public Task ExecuteAsync(HttpContext httpContext) => ApiProblems.WriteAsync(httpContext, Problem);
}
