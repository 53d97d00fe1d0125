using System.Text.Json;
using Json.Schema;

namespace WasteIoT.Cloud.Tests.Ngsi;

/// <summary>The Smart Data Models schemas (copied into Fixtures/fiware, see SOURCE.md), with their shared schema served locally.</summary>
internal static class FiwareSchemas
{
    private const string CommonUrl = "https://smart-data-models.github.io/data-models/common-schema.json";
    private static readonly Lazy<Dictionary<string, JsonSchema>> Schemas = new(Load);

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "fiware");

    /// <summary>The validation errors of an entity against its type's schema (formats checked too); empty when valid.</summary>
    public static List<string> Errors(string type, JsonElement entity)
    {
        var result = Schemas.Value[type].Evaluate(entity, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return result.IsValid ? [] : [.. (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")).DefaultIfEmpty("invalid")];
    }

    private static Dictionary<string, JsonSchema> Load()
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var common = JsonSchema.FromText(File.ReadAllText(Path.Combine(Folder, "common-schema.json")), options, new Uri(CommonUrl));
        options.SchemaRegistry.Register(new Uri(CommonUrl), common);

        // AirQualityObserved's airQualityLevel refers to the Environment subject's shared schema, which is not in the
        // reference data; a permissive stand-in lets the rest be checked (the view does not emit airQualityLevel).
        var environment = JsonSchema.FromText("""{"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://raw.githubusercontent.com/smart-data-models/dataModel.Environment/master/Environment-schema.json","definitions":{"airQualityLevel":{}}}""", options);
        options.SchemaRegistry.Register(new Uri("https://raw.githubusercontent.com/smart-data-models/dataModel.Environment/master/Environment-schema.json"), environment);
        return new[] { "WasteContainer", "Vehicle", "AirQualityObserved" }.ToDictionary(
            type => type,
            type => JsonSchema.FromText(File.ReadAllText(Path.Combine(Folder, type, "schema.json")), options));
    }
}
