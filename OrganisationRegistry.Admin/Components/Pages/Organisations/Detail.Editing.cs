using Microsoft.AspNetCore.Components;
using MudBlazor;
using OrganisationRegistry.Admin.Components.Dialogs;
using OrganisationRegistry.Domain.Kbo;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Admin.Components.Pages.Organisations;

/// <summary>
/// Editing on the organisation page: its general data, a new daughter, its structure (periods under a parent) and
/// its keys, each shown only where the user has the right (central staff; an organisation manager within its subtree,
/// and for a structure link only when it manages both ends).
/// </summary>
public partial class Detail
{
    private EditableOrganisation? _editable;
    private IReadOnlyList<EditableParentLink> _parentLinks = [];
    private IReadOnlyList<EditableKey> _keys = [];
    private HashSet<Guid> _manageableParents = [];
    private bool _mayEdit;
    private bool _mayCreateDaughter;
    private bool _mayCoupleKbo;

    [Inject]
    private OrganisationEditQueries EditQueries { get; set; } = null!;

    [Inject]
    private OrganisationService OrganisationService { get; set; } = null!;

    [Inject]
    private KboCouplingService KboCoupling { get; set; } = null!;

    private async Task LoadStructureAndKeysAsync()
    {
        var code = _detail!.OvoCode;
        _editable = await EditQueries.GetAsync(code);
        _parentLinks = await EditQueries.ParentLinksAsync(code, _asOn);
        _keys = await EditQueries.KeysAsync(code, _asOn);
        if (_editable is null)
        {
            return;
        }

        _mayEdit = await Rights.AllowsAsync(RegistryPolicies.EditOrganisation, new OrganisationResource(_editable.Id));
        _mayCreateDaughter = await Rights.AllowsAsync(RegistryPolicies.CreateOrganisation, new NewOrganisationResource(_editable.Id));
        _mayCoupleKbo = await Rights.AllowsAsync(RegistryPolicies.CoupleKbo);
        _manageableParents = [];
        if (_mayEdit)
        {
            foreach (var parentId in _parentLinks.Select(p => p.ParentId).Distinct())
            {
                if (await Rights.AllowsAsync(RegistryPolicies.EditOrganisation, new OrganisationResource(parentId)))
                {
                    _manageableParents.Add(parentId);
                }
            }
        }
    }

    /// <summary>After a change: everything on the page as it is now.</summary>
    private async Task ReloadAllAsync()
    {
        _detail = await Organisations.GetAsync(_detail!.OvoCode, _asOn) ?? _detail;
        await LoadStructureAndKeysAsync();
        await ReloadAssignmentsAsync();
    }

    private async Task EditAsync()
    {
        if (await Dialogs.ShowAsync("Gegevens wijzigen", new DialogParameters<OrganisationDialog> { { d => d.OvoCode, _detail!.OvoCode.Value } }))
        {
            await ReloadAllAsync();
        }
    }

    private async Task CreateDaughterAsync()
    {
        var parameters = new DialogParameters<OrganisationDialog>
        {
            { d => d.ParentOvoCode, _detail!.OvoCode.Value },
            { d => d.ParentName, _detail.Name },
        };
        if (await Dialogs.ShowForResultAsync("Nieuwe organisatie", parameters) is CreatedOrganisation created)
        {
            Navigation.NavigateTo(OrganisationLinks.Detail(OvoCode.Parse(created.OvoCode)));
        }
    }

    private async Task CoupleKboAsync()
    {
        var parameters = new DialogParameters<KboCoupleDialog>
        {
            { d => d.OvoCode, _editable!.OvoCode.Value },
            { d => d.OrganisationName, _editable.Name },
            { d => d.Version, _editable.Version },
        };
        if (await Dialogs.ShowAsync("Koppelen aan KBO", parameters))
        {
            await ReloadAllAsync();
        }
    }

    private async Task UncoupleKboAsync()
    {
        var editable = _editable!;
        var names = editable.NameBeforeKbo is { } before
            ? $"De namen van vóór de koppeling komen terug: '{before}'" + (editable.ShortNameBeforeKbo is { } shortName ? $" (korte naam '{shortName}')." : " (zonder korte naam).")
            : $"De organisatie werd uit de KBO aangemaakt: ze houdt haar huidige naam '{editable.Name}', die u daarna zelf beheert.";
        if (await Dialogs.ConfirmAsync(
                "Ontkoppelen van de KBO",
                $"{editable.Name} ({editable.OvoCode.Value}) ontkoppelen van de KBO ({editable.KboNumber?.Formatted})? {names} " +
                "Het KBO-nummer, de rechtsvorm en de maatschappelijke zetel worden gewist.",
                user => KboCoupling.UncoupleAsync(user, new UncoupleOrganisationFromKbo(editable.OvoCode.Value, editable.Version)),
                $"{editable.OvoCode.Value} is ontkoppeld van de KBO.",
                "Ontkoppelen"))
        {
            await ReloadAllAsync();
        }
    }

    private Task AddParentAsync() => ShowParentDialogAsync(linkId: null);

    private Task ChangeParentAsync(EditableParentLink link) => ShowParentDialogAsync(link.Id);

    private async Task ShowParentDialogAsync(Guid? linkId)
    {
        var parameters = new DialogParameters<ParentDialog>
        {
            { d => d.OvoCode, _detail!.OvoCode.Value },
            { d => d.OrganisationName, _detail.Name },
            { d => d.LinkId, linkId },
        };
        if (await Dialogs.ShowAsync(linkId is null ? "Moederorganisatie toevoegen" : "Moederorganisatie wijzigen", parameters))
        {
            await ReloadAllAsync();
        }
    }

    private async Task RemoveParentAsync(EditableParentLink link)
    {
        if (await Dialogs.ConfirmAsync(
                "Moederorganisatie verwijderen",
                $"{_detail!.Name} valt dan {link.Validity} niet meer onder {link.ParentName} ({link.ParentOvoCode.Value}).",
                user => OrganisationService.RemoveParentAsync(user, new RemoveOrganisationParent(link.Id, link.Version)),
                "De moederorganisatie is verwijderd."))
        {
            await ReloadAllAsync();
        }
    }

    private Task AddKeyAsync() => ShowKeyDialogAsync(keyId: null);

    private Task ChangeKeyAsync(EditableKey key) => ShowKeyDialogAsync(key.Id);

    private async Task ShowKeyDialogAsync(Guid? keyId)
    {
        var parameters = new DialogParameters<KeyDialog> { { d => d.OvoCode, _detail!.OvoCode.Value }, { d => d.KeyId, keyId } };
        if (await Dialogs.ShowAsync(keyId is null ? "Sleutel toevoegen" : "Sleutel wijzigen", parameters))
        {
            await ReloadAllAsync();
        }
    }

    private async Task RemoveKeyAsync(EditableKey key)
    {
        if (await Dialogs.ConfirmAsync(
                "Sleutel verwijderen",
                $"De sleutel {key.KeyTypeName} '{key.Value}' ({key.Validity}) van {_detail!.Name} verwijderen?",
                user => OrganisationService.RemoveKeyAsync(user, new RemoveOrganisationKey(key.Id, key.Version)),
                "De sleutel is verwijderd."))
        {
            await ReloadAllAsync();
        }
    }
}
