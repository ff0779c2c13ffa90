using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace OrganisationRegistry.Tests.Components;

/// <summary>Finding and using controls by what people see on them, as a browser test would (by role and name).</summary>
internal static class EditingTestExtensions
{
    /// <summary>The texts of the buttons in <paramref name="fragment"/> (their accessible names).</summary>
    public static List<string> ButtonTexts<TComponent>(this IRenderedComponent<TComponent> fragment)
        where TComponent : IComponent =>
        [.. fragment.FindAll("button").Select(b => b.TextContent.Trim()).Where(t => t.Length > 0)];

    public static IElement Button<TComponent>(this IRenderedComponent<TComponent> fragment, string text)
        where TComponent : IComponent =>
        fragment.FindAll("button").SingleOrDefault(b => b.TextContent.Trim() == text)
        ?? throw new InvalidOperationException($"No button '{text}' in: {string.Join(", ", fragment.ButtonTexts())}");

    public static Task ClickButtonAsync<TComponent>(this IRenderedComponent<TComponent> fragment, string text)
        where TComponent : IComponent => fragment.Button(text).ClickAsync(new());

    /// <summary>
    /// Clicks a button that opens a dialog without waiting for its handler, which waits for the dialog to close
    /// (find the dialog in the <c>MudDialogProvider</c>).
    /// </summary>
    public static void OpenDialog<TComponent>(this IRenderedComponent<TComponent> fragment, string text)
        where TComponent : IComponent => fragment.Button(text).Click();

    /// <summary>The button <paramref name="text"/> in the table row that mentions <paramref name="rowText"/>.</summary>
    public static IElement RowButton<TComponent>(this IRenderedComponent<TComponent> fragment, string rowText, string text)
        where TComponent : IComponent =>
        fragment.FindAll("tr").Single(r => r.TextContent.Contains(rowText, StringComparison.Ordinal))
            .QuerySelectorAll("button").Single(b => b.TextContent.Trim() == text);

    /// <summary>Types a date (dd/MM/yyyy) into the date field with <paramref name="inputId"/>.</summary>
    public static Task TypeAsync<TComponent>(this IRenderedComponent<TComponent> fragment, string inputId, string text)
        where TComponent : IComponent =>
        fragment.Find($"#{inputId}").ChangeAsync(new ChangeEventArgs { Value = text });
}
