using Microsoft.AspNetCore.Components;

namespace OrganisationRegistry.Admin.Components.Shared;

public partial class DateText
{
    /// <summary>
    /// The same markup without a component instance (<c>@DateText.Of(date)</c>), for long tables: each component
    /// instance stays in the server's memory for as long as the page is open.
    /// </summary>
    public static RenderFragment Of(DateOnly? value) => builder =>
    {
        if (value is { } date)
        {
            builder.OpenElement(0, "span");
            builder.AddContent(1, RegistryDates.Display(date));
            builder.CloseElement();
        }
        else
        {
            builder.OpenElement(2, "span");
            builder.AddAttribute(3, "aria-hidden", "true");
            builder.AddContent(4, "–");
            builder.CloseElement();
            builder.OpenElement(5, "span");
            builder.AddAttribute(6, "class", "sr-only");
            builder.AddContent(7, "geen datum");
            builder.CloseElement();
        }
    };
}
