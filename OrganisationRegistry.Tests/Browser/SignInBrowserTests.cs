using Microsoft.Playwright;
using OrganisationRegistry.Domain.Rights;
using static Microsoft.Playwright.Assertions;

namespace OrganisationRegistry.Tests.Browser;

/// <summary>Signing in and out in a real Chromium, as a person would: by link, by keyboard, and back out.</summary>
public sealed class SignInBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Anonymous_IsSentToThePersonaPicker()
    {
        await GotoAsync("/organisaties");

        await ExpectPathAsync("/dev/signin?returnUrl=%2Forganisaties");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Aanmelden als persona", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { NameRegex = new("^Aanmelden als ") })).ToHaveCountAsync(DevelopmentPersonas.All.Count);
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ThePersonas_AreReachedByTab_AndAopExpertSignsInWithEnter()
    {
        await GotoAsync("/dev/signin");
        var aopExpert = $"Aanmelden als {DevelopmentPersonas.AopExpert.DisplayName}";

        var focused = new List<string>();
        for (var press = 0; press < 20 && !focused.Contains(aopExpert); press++)
        {
            await Page.Keyboard.PressAsync("Tab");
            focused.Add(await Page.EvaluateAsync<string>("() => document.activeElement?.textContent?.trim() ?? ''"));
        }

        Assert.Contains(aopExpert, focused);
        await Page.Keyboard.PressAsync("Enter");

        await ExpectPathAsync("/");
        await Expect(SignedInUser).ToContainTextAsync(DevelopmentPersonas.AopExpert.DisplayName);
        await Expect(SignedInUser).ToContainTextAsync("Agentschap Overheidspersoneel (OVO");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Organisatieregister", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ChoosingAPersona_ReturnsToThePageAskedFor()
    {
        await GotoAsync("/organisaties");

        await Page.GetByRole(AriaRole.Link, new() { Name = $"Aanmelden als {DevelopmentPersonas.Reader.DisplayName}" }).ClickAsync();

        await ExpectPathAsync("/organisaties");
        await Expect(SignedInUser).ToContainTextAsync(DevelopmentPersonas.Reader.DisplayName);
    }

    [Fact]
    public async Task SignOut_GoesBackToSignIn_AndTheAppIsClosedAgain()
    {
        await SignInAsAsync("central-admin");
        await WaitForInteractivityAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Afmelden" }).ClickAsync();

        await ExpectPathAsync("/dev/signin");
        await GotoAsync("/");
        await ExpectPathAsync("/dev/signin");
        await Expect(Page.GetByTestId("signed-in-user")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AfterSignIn_ThePageIsInteractive()
    {
        await SignInAsAsync("org-manager");
        await WaitForInteractivityAsync();
        var drawer = Page.Locator(".mud-drawer");
        await Expect(drawer).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-drawer--open"));

        await Page.GetByRole(AriaRole.Button, new() { Name = "Menu tonen of verbergen" }).ClickAsync();

        await Expect(drawer).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-drawer--closed"));
    }
}
