using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Tests.Infrastructure;
using static OrganisationRegistry.Tests.Infrastructure.TestData;

namespace OrganisationRegistry.Tests.Components;

/// <summary>
/// The register the edit pages are tested on, with the organisations the development personas work for:
/// <code>
/// Agentschap Digitaal Vlaanderen (central-admin)
/// Agentschap Overheidspersoneel (aop-expert; steward of the Bestuursdecreet)
/// Departement Financiën en Begroting (dfb-expert; steward of the VCO)
/// Departement Omgeving (org-manager)         in both domains since 01/01/2019
///   └ Vlaamse Milieumaatschappij             daughter since 01/01/2010, in no domain
/// Departement Mobiliteit en Openbare Werken  outside the org-manager's subtree
/// </code>
/// </summary>
internal sealed record EditingWorld(
    Organisation DigitaalVlaanderen,
    Organisation Aop,
    Organisation Dfb,
    Organisation Omgeving,
    Organisation Vmm,
    Organisation Mow,
    ApplicationDomain Bestuursdecreet,
    ApplicationDomain Vco)
{
    public const string BestuursdecreetCode = "bestuursdecreet";
    public const string VcoCode = "vco";

    public static async Task<EditingWorld> CreateAsync(TestData data, CancellationToken cancellationToken)
    {
        var organisations = await data.OrganisationsAsync(
            [
                new("Agentschap Digitaal Vlaanderen", "Digitaal Vlaanderen"),
                new("Agentschap Overheidspersoneel", "AOP"),
                new("Departement Financiën en Begroting", "DFB"),
                new("Departement Omgeving", "OMG"),
                new("Vlaamse Milieumaatschappij", "VMM"),
                new("Departement Mobiliteit en Openbare Werken", "MOW"),
            ],
            cancellationToken);
        var (aop, dfb, omgeving, vmm) = (organisations[1], organisations[2], organisations[3], organisations[4]);
        await data.ParentAsync(vmm, omgeving, Period("2010-01-01"), cancellationToken);
        var bestuursdecreet = await data.DomainAsync(
            BestuursdecreetCode,
            "Bestuursdecreet",
            [("departement", "Vlaamse administratie - departement"), ("iva-zonder-rp", "Vlaamse administratie - IVA zonder rechtspersoonlijkheid")],
            [aop],
            Article.Het,
            cancellationToken: cancellationToken);
        var vco = await data.DomainAsync(
            VcoCode,
            "Vlaamse Codex Overheidsfinanciën",
            [("diensten-vlaamse-regering", "Diensten van de Vlaamse Regering"), ("dab", "Dienst met afzonderlijk beheer")],
            [dfb],
            Article.De,
            cancellationToken: cancellationToken);
        await data.AssignAsync(omgeving, bestuursdecreet, "departement", Period("2019-01-01"), cancellationToken: cancellationToken);
        await data.AssignAsync(omgeving, vco, "diensten-vlaamse-regering", Period("2019-01-01"), cancellationToken: cancellationToken);
        return new EditingWorld(organisations[0], aop, dfb, omgeving, vmm, organisations[5], bestuursdecreet, vco);
    }
}
