using System.Text.Json;

namespace Lachan.Tests.Unit;

/// <summary>The app's runtime settings that its measured figures depend on (ADR-0025).</summary>
public sealed class RuntimeSettingsTests
{
    [Fact]
    public void The_app_runs_without_dynamic_pgo()
    {
        // the app's runtimeconfig.json is copied next to the tests (the test host starts the app from it)
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Lachan.runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.True(properties.TryGetProperty("System.Runtime.TieredPGO", out var pgo), "System.Runtime.TieredPGO is not set");
        Assert.False(pgo.GetBoolean());
    }
}
