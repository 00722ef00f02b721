using System.Text.Json;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;

namespace Lachan.Tests.Integration;

/// <summary>The OpenAPI contract is strict: generated clients get integers for ids, not `integer | string` with a pattern
/// (what lenient number reading makes of them).</summary>
public sealed class OpenApiContractTests(EmptyApps apps) : IClassFixture<EmptyApps>
{
    [Theory, BothProviders]
    public async Task Ids_are_integers_without_a_string_alternative(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        using var doc = JsonDocument.Parse(await app.NewClient().GetStringAsync("/openapi/v1.json"));
        var root = doc.RootElement;

        // a path parameter
        var get = root.GetProperty("paths").GetProperty("/api/v1/cases/{id}").GetProperty("get");
        var id = get.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "id");
        AssertInteger(Resolve(root, id.GetProperty("schema")), "parameter id of GET /api/v1/cases/{id}");

        // a property of a response body and of a request body
        var schemas = root.GetProperty("components").GetProperty("schemas");
        AssertInteger(Resolve(root, schemas.GetProperty("CaseRow").GetProperty("properties").GetProperty("id")), "CaseRow.id");
        AssertInteger(Resolve(root, schemas.GetProperty("CaseRow").GetProperty("properties").GetProperty("workerId")), "CaseRow.workerId");

        // nowhere in the document does a number come with a string alternative
        Assert.DoesNotContain(@"""pattern"": ""^-?(?:0|[1-9]\\d*)$""", root.GetRawText());   // as written in the JSON text
    }

    private static JsonElement Resolve(JsonElement root, JsonElement schema)
    {
        if (!schema.TryGetProperty("$ref", out var r)) return schema;
        var name = r.GetString()!.Split('/').Last();
        return root.GetProperty("components").GetProperty("schemas").GetProperty(name);
    }

    private static void AssertInteger(JsonElement schema, string what)
    {
        var type = schema.GetProperty("type");
        Assert.True(type.ValueKind == JsonValueKind.String && type.GetString() == "integer", $"{what}: {schema.GetRawText()}");
        Assert.False(schema.TryGetProperty("pattern", out _), $"{what}: {schema.GetRawText()}");
    }
}
