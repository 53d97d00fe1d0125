using System.Globalization;
using System.Text;
using System.Text.Json;

namespace WasteIoT.Cloud.Registry;

/// <summary>
/// Road segments from GeoJSON (RFC 7946), the form a county's GIS exports: a FeatureCollection of LineString features
/// whose properties carry <c>id</c>, <c>name</c>, <c>contractor</c>, <c>class</c> and <c>work</c> (a string as in the
/// CSV, or an array of its items). Turned into the CSV rows the registry imports, so both take the same rules and give
/// the same report; a feature that is not a LineString arrives without a path and is refused with its id.
/// </summary>
public static class RoadGeoJson
{
    public static bool TryToCsv(ReadOnlyMemory<byte> json, out string csv, out string error)
    {
        csv = string.Empty;
        error = string.Empty;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            error = "not JSON: " + ex.Message;
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
                || type.GetString() != "FeatureCollection" || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                error = "not a GeoJSON FeatureCollection";
                return false;
            }

            var text = new StringBuilder("id,name,contractor,class,path,work\n");
            foreach (var feature in features.EnumerateArray())
            {
                var properties = feature.ValueKind == JsonValueKind.Object && feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
                string Property(string name) => properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out var v)
                    ? v.ValueKind switch
                    {
                        JsonValueKind.String => v.GetString() ?? string.Empty,
                        JsonValueKind.Array => string.Join(';', v.EnumerateArray().Select(i => i.ValueKind == JsonValueKind.String ? i.GetString() : i.GetRawText())),
                        _ => v.GetRawText(),
                    }
                    : string.Empty;
                text.AppendJoin(',', [Field(Property("id")), Field(Property("name")), Field(Property("contractor")), Field(Property("class")), Field(Path(feature)), Field(Property("work"))]);
                text.Append('\n');
            }

            csv = text.ToString();
            return true;
        }
    }

    // GeoJSON positions are [longitude, latitude]; the registry writes lat:lon.
    private static string Path(JsonElement feature)
    {
        if (feature.ValueKind != JsonValueKind.Object || !feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object
            || !geometry.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "LineString"
            || !geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
        {
            return string.Empty;
        }

        var points = new List<string>();
        foreach (var position in coordinates.EnumerateArray())
        {
            if (position.ValueKind == JsonValueKind.Array && position.GetArrayLength() >= 2
                && position[0].TryGetDouble(out var lon) && position[1].TryGetDouble(out var lat))
            {
                points.Add(lat.ToString("R", CultureInfo.InvariantCulture) + ":" + lon.ToString("R", CultureInfo.InvariantCulture));
            }
            else
            {
                points.Add(position.GetRawText().Replace(",", " ", StringComparison.Ordinal));
            }
        }

        return string.Join(';', points);
    }

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
