using Lachan.Features.Outbreak.Zones;
using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Outbreak.Rules;
using Lachan.Features.Outbreak.Testing;
using Lachan.Features.Registry;
using Lachan.Features.Rosters;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Cli;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Jobs;
using Lachan.Infrastructure.Web;

var builder = WebApplication.CreateBuilder(args);
builder.Services
    .AddData(builder.Configuration)
    .AddAuth()
    .AddWeb()
    .AddJobs(builder.Configuration)
    .AddRegistryModule()
    .AddRostersModule()
    .AddZoneControlModule()
    .AddCasesModule()
    .AddTestingModule()
    .AddRulesModule();

var app = builder.Build();

if (CommandLine.IsVerb(args))
    return await CommandLine.RunAsync(app, args);

await Startup.PrepareDatabaseAsync(app);

app.UseWeb();
app.MapRazorPages();
app.MapRegistryApi();
app.MapRostersApi();
app.MapZoneControlApi();
app.MapCasesApi();
app.MapTestingApi();
app.MapApiReference();
app.MapHealthChecks("/health").AllowAnonymous();
Startup.PrintWelcomeWhenStarted(app);
await app.RunAsync();
return 0;

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
