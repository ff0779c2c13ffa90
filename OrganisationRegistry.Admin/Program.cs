using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using MudBlazor.Services;
using OrganisationRegistry.Admin.Api;
using OrganisationRegistry.Admin.ApplicationDomains;
using OrganisationRegistry.Admin.Auditing;
using OrganisationRegistry.Admin.Authentication;
using OrganisationRegistry.Admin.CommandLine;
using OrganisationRegistry.Admin.Components;
using OrganisationRegistry.Admin.Components.Pages;
using OrganisationRegistry.Admin.Components.Shared;
using OrganisationRegistry.Domain;
using OrganisationRegistry.Domain.Persistence;

// `dotnet run -- <command> [options]` runs a command (seed, migrate, ...) with the app's configuration and services
// instead of the web app; its options are the command's, not configuration.
var command = RegistryCommandLine.Parse(args);
var builder = WebApplication.CreateBuilder(command is null ? args : []);

builder.Services.AddRegistry(builder.Configuration);
builder.Services.AddRegistryApi(builder.Configuration);
if (command is null)
{
    // Only the web app signs people in; the start-up guard refuses unsafe or missing sign-in settings.
    builder.Services.AddRegistrySignIn(builder.Configuration, builder.Environment);
}

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddRegistryAdminUi();
builder.Services.AddSingleton<OrganisationRegistry.Admin.Kbo.KboImportRunner>();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);

var app = builder.Build();

if (command is not null)
{
    return await command.RunAsync(app.Services, app.Lifetime.ApplicationStopping);
}

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

app.UseRequestLocalization(new RequestLocalizationOptions()
    .SetDefaultCulture("nl-BE")
    .AddSupportedCultures("nl-BE")
    .AddSupportedUICultures("nl-BE"));
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseRegistryApiProblems();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

// Everything needs a signed-in user with access (the fallback policy) except what is mapped anonymous here and the
// pages marked [AllowAnonymous] (sign-in, no access, signed out).
app.MapStaticAssets().AllowAnonymous();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
app.MapAccountEndpoints();
app.MapApplicationDomainExport();
app.MapAuditExport();
app.MapRegistryApi();
app.MapApiDocumentation();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode()
    .AllowAnonymousPages(typeof(Error), typeof(NotFound));

await DatabaseStartup.PrepareAsync(app.Services, app.Environment, app.Lifetime.ApplicationStopping);

await app.RunAsync();
return 0;

/// <summary>The web app's entry point (named so integration tests can host it).</summary>
public partial class Program;
