using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using MudBlazor.Services;
using OrganisationRegistry.Admin.ApplicationDomains;
using OrganisationRegistry.Admin.CommandLine;
using OrganisationRegistry.Admin.Components;
using OrganisationRegistry.Admin.Components.Shared;
using OrganisationRegistry.Domain;
using OrganisationRegistry.Domain.Persistence;

// `dotnet run -- <command> [options]` runs a command (seed, migrate, ...) with the app's configuration and services
// instead of the web app; its options are the command's, not configuration.
var command = RegistryCommandLine.Parse(args);
var builder = WebApplication.CreateBuilder(command is null ? args : []);

builder.Services.AddRegistry(builder.Configuration);
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddRegistryAdminUi();
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
app.UseAntiforgery();

app.MapStaticAssets();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
app.MapApplicationDomainExport();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await DatabaseStartup.PrepareAsync(app.Services, app.Environment, app.Lifetime.ApplicationStopping);

await app.RunAsync();
return 0;

/// <summary>The web app's entry point (named so integration tests can host it).</summary>
public partial class Program;
