using Lachan.Features.Admin;
using Lachan.Features.Home;
using Lachan.Features.Outbreak;
using Lachan.Features.Registry;
using Lachan.Features.Relief;
using Lachan.Features.Rosters;
using Lachan.Features.Support;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Cli;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Jobs;
using Lachan.Infrastructure.Modules;
using Lachan.Infrastructure.Web;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddData(builder.Configuration).AddAuth().AddWeb().AddJobs(builder.Configuration);

// One line per module (ADR-0016): it brings its services, API, pages' access, menu entries, verbs and demo data.
builder.AddModule<RegistryModule>();
builder.AddModule<RostersModule>();
builder.AddModule<OutbreakModule>();
builder.AddModule<ReliefModule>();
builder.AddModule<SupportModule>();
builder.AddModule<AdminModule>();
builder.AddModule<HomeModule>();

var app = builder.Build();

if (CommandLine.IsCommand(args))
    return await CommandLine.RunAsync(app, args);

await Startup.PrepareDatabaseAsync(app);

app.UseWeb();
app.MapRazorPages();
app.MapModules();
app.MapApiReference();
app.MapHealthChecks("/health").AllowAnonymous();
Startup.PrintWelcomeWhenStarted(app);
await app.RunAsync();
return 0;

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
