namespace OrganisationRegistry.Domain.Rights;

/// <summary>
/// The user lacks a right for what a service was asked to do; nothing was written. <see cref="Exception.Message"/> is
/// Dutch and names the missing right ("U mag de toewijzingen van de Vlaamse Codex Overheidsfinanciën niet beheren.");
/// <see cref="Code"/> is stable and meant for machines: the policy name of the right (<see cref="RegistryPolicies"/>).
/// The API maps it to 403.
/// </summary>
public sealed class ForbiddenException(RegistryRight right, string message) : Exception(message)
{
    public RegistryRight Right { get; } = right;

    public string Code => RegistryPolicies.For(Right);
}
