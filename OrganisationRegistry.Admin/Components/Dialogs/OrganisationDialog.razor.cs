using FluentValidation;
using Microsoft.AspNetCore.Components;
using OrganisationRegistry.Admin.Components.Shared;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Admin.Components.Dialogs;

/// <summary>
/// "Nieuwe organisatie" (under <see cref="ParentOvoCode"/>, or a parent to choose) or the general data of
/// <see cref="OvoCode"/>: name, short name, article, description, validity and policy domain. While the organisation
/// is coupled to the KBO its name and short name are shown read-only (they come from the KBO; coupling and uncoupling
/// are on the organisation page). A new organisation's dialog closes with the <see cref="CreatedOrganisation"/>.
/// </summary>
public partial class OrganisationDialog
{
    private readonly FormModel _model = new();
    private IReadOnlyList<ReferenceChoice> _policyDomains = [];
    private EditableOrganisation? _editing;
    private bool _mayCreateAtTop;
    private bool _loaded;

    [Inject]
    private OrganisationEditQueries Queries { get; set; } = null!;

    [Inject]
    private OrganisationService Service { get; set; } = null!;

    [Inject]
    private PageRights Rights { get; set; } = null!;

    [Inject]
    private IValidator<CreateOrganisation> CreateValidator { get; set; } = null!;

    [Inject]
    private IValidator<UpdateOrganisation> UpdateValidator { get; set; } = null!;

    /// <summary>The organisation to edit; <c>null</c> for a new one.</summary>
    [Parameter]
    public string? OvoCode { get; set; }

    /// <summary>The parent of a new organisation when the page fixes it (a new daughter).</summary>
    [Parameter]
    public string? ParentOvoCode { get; set; }

    [Parameter]
    public string? ParentName { get; set; }

    private bool IsCoupled => _editing?.IsCoupledToKbo == true;

    private string Title => _editing is null ? "Nieuwe organisatie" : $"Gegevens wijzigen: {_editing.Name}";

    protected override async Task OnInitializedAsync()
    {
        _policyDomains = await Queries.PolicyDomainsAsync();
        _mayCreateAtTop = await Rights.AllowsAsync(RegistryPolicies.CreateOrganisation, new NewOrganisationResource(null));
        if (!await ReloadAsync())
        {
            Dialog.Close();
            return;
        }

        _loaded = true;
    }

    protected override async Task<bool> ReloadAsync()
    {
        if (OvoCode is null)
        {
            _model.ParentOvoCode = ParentOvoCode;
            return true;
        }

        _editing = Domain.Organisations.OvoCode.TryParse(OvoCode, out var code) ? await Queries.GetAsync(code) : null;
        if (_editing is null)
        {
            return false;
        }

        _model.Name = _editing.Name;
        _model.ShortName = _editing.ShortName;
        _model.Article = _editing.Article;
        _model.Description = _editing.Description;
        _model.ValidFrom = RegistryDates.ToPicker(_editing.ValidFrom);
        _model.ValidTo = RegistryDates.ToPicker(_editing.ValidTo);
        _model.PolicyDomainCode = _editing.PolicyDomainCode;
        return true;
    }

    private Task SaveAsync() => _editing is { } editing
        ? SubmitAsync(user => Service.UpdateAsync(user, UpdateCommand(editing)), $"De gegevens van {_model.Name} zijn gewijzigd.")
        : SubmitAsync(user => Service.CreateAsync(user, CreateCommand()), created => $"{_model.Name} is aangemaakt met OVO-code {created.OvoCode}.");

    private Func<T, Task<IEnumerable<string>>> Field<T>(string property) => FormValidation.Field<T>(ValidateAsync, property);

    private Task<IEnumerable<string>> ValidateAsync(string property) => _editing is { } editing
        ? UpdateValidator.MessagesForAsync(UpdateCommand(editing), property)
        : CreateValidator.MessagesForAsync(CreateCommand(), property);

    private CreateOrganisation CreateCommand() => new(
        _model.Name ?? string.Empty,
        Blank(_model.ShortName),
        _model.Article,
        Blank(_model.Description),
        RegistryDates.FromPicker(_model.ValidFrom),
        RegistryDates.FromPicker(_model.ValidTo),
        Blank(_model.PolicyDomainCode),
        Blank(_model.ParentOvoCode));

    private UpdateOrganisation UpdateCommand(EditableOrganisation editing) => new(
        editing.OvoCode.Value,
        editing.Version,
        _model.Name ?? string.Empty,
        Blank(_model.ShortName),
        _model.Article,
        Blank(_model.Description),
        RegistryDates.FromPicker(_model.ValidFrom),
        RegistryDates.FromPicker(_model.ValidTo),
        Blank(_model.PolicyDomainCode));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string ArticleText(Article? article) => article switch
    {
        Article.De => "de",
        Article.Het => "het",
        _ => string.Empty,
    };

    /// <summary>What the form holds; the names are those of the commands' properties, so their messages land on the right field.</summary>
    private sealed class FormModel
    {
        public string? ParentOvoCode { get; set; }

        public string? Name { get; set; }

        public string? ShortName { get; set; }

        public Article? Article { get; set; }

        public string? Description { get; set; }

        public DateTime? ValidFrom { get; set; }

        public DateTime? ValidTo { get; set; }

        public string? PolicyDomainCode { get; set; }
    }
}
