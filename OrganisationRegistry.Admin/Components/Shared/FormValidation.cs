using FluentValidation;

namespace OrganisationRegistry.Admin.Components.Shared;

/// <summary>
/// Lets a MudForm show the messages of the validator beside a command (the one the write service runs) on the
/// field they are about: a field's <c>Validation</c> builds the command from the form and keeps the messages for
/// the command's property of the same name. So the form and the service can never disagree on a rule.
/// </summary>
public static class FormValidation
{
    /// <summary>The messages of <paramref name="validator"/> for <paramref name="property"/> of <paramref name="command"/>.</summary>
    public static async Task<IEnumerable<string>> MessagesForAsync<TCommand>(this IValidator<TCommand> validator, TCommand command, string property)
    {
        ArgumentNullException.ThrowIfNull(validator);
        var context = ValidationContext<TCommand>.CreateWithOptions(command, options => options.IncludeProperties(property));
        var result = await validator.ValidateAsync(context);
        return [.. result.Errors.Select(e => e.ErrorMessage).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// A field's <c>Validation</c> (typed for the field's value, as MudBlazor asks) that validates the whole command
    /// as the form now holds it, for one property.
    /// </summary>
    public static Func<T, Task<IEnumerable<string>>> Field<T>(Func<string, Task<IEnumerable<string>>> validate, string property) =>
        _ => validate(property);
}
