namespace OrganisationRegistry.Domain.Organisations;

/// <summary>The Dutch article used with an organisation's name ("de Vlaamse Milieumaatschappij", "het Facilitair Bedrijf").</summary>
public enum Article
{
    De,
    Het,
}
