using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace OrganisationRegistry.Domain.Common;

/// <summary>
/// Runs the <see cref="AbstractValidator{T}"/> registered beside a command (the same one the forms and the API use)
/// and throws <see cref="ValidationException"/> with the Dutch messages when the command is invalid.
/// </summary>
public sealed class CommandValidator(IServiceProvider services)
{
    public Task ValidateAsync<TCommand>(TCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return services.GetRequiredService<IValidator<TCommand>>().ValidateAndThrowAsync(command, cancellationToken);
    }
}
