using System.Net.Http.Json;
using System.Text.Json;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;

namespace Lachan.Tests.Integration.Home;

/// <summary>The support desks find on their home the employer lists waiting at their step and, of them, the overdue ones,
/// each equal to the worklist it links to; a desk with no step of the chain (the IZ board reads only) gets no section.</summary>
public sealed class SupportHomeTests(DemoApps apps) : IClassFixture<DemoApps>
{
    [Theory, BothProviders]
    public async Task Each_desk_sees_the_lists_at_its_step_equal_to_its_worklist(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        long waiting = 0;
        foreach (var user in new[] { "laodong", "bhxh", "doanhnghiep", "admin" })
        {
            var api = await app.ApiClientAsync(user);
            var figures = (await api.GetFromJsonAsync<JsonElement>("/api/v1/home")).GetProperty("figures");
            var mine = (await api.GetFromJsonAsync<JsonElement>("/api/v1/support/lists?mine=true")).GetArrayLength();
            var overdue = (await api.GetFromJsonAsync<JsonElement>("/api/v1/support/lists?mine=true&overdue=true")).GetArrayLength();
            Assert.True(mine == figures.GetProperty("support.mine").GetProperty("value").GetInt64(), $"{user}: worklist {mine}");
            Assert.True(overdue == figures.GetProperty("support.mineOverdue").GetProperty("value").GetInt64(), $"{user}: overdue {overdue}");
            Assert.Equal("/Support/Lists?Mine=true", figures.GetProperty("support.mine").GetProperty("page").GetString());
            waiting += mine;
        }
        Assert.True(waiting > 0, "the demo has lists waiting at some desk's step");
        var kcn = (await (await app.ApiClientAsync("kcn")).GetFromJsonAsync<JsonElement>("/api/v1/home")).GetProperty("figures");
        Assert.False(kcn.TryGetProperty("support.mine", out _));
    }
}
