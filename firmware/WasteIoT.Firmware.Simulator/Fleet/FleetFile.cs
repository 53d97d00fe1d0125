using System.Text.Json;
using System.Text.Json.Serialization;

namespace WasteIoT.Firmware.Simulator.Fleet;

/// <summary>Reads and checks a fleet file.</summary>
public static class FleetFile
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static FleetDefinition Load(string path)
    {
        var fleet = JsonSerializer.Deserialize<FleetDefinition>(File.ReadAllText(path), Options)
            ?? throw new InvalidDataException($"{path}: empty fleet file");
        Validate(fleet);
        return fleet;
    }

    public static void Validate(FleetDefinition fleet)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        var ids = fleet.Bins.Select(b => b.Device).Concat(fleet.Sites.Select(s => s.Device)).Concat(fleet.Trucks.Select(t => t.Device)).ToList();
        var duplicate = ids.GroupBy(i => i, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"device '{duplicate.Key}' is defined twice");
        }

        var known = ids.ToHashSet(StringComparer.Ordinal);
        foreach (var fault in fleet.Faults)
        {
            if (!FaultTypes.All.Contains(fault.Type))
            {
                throw new InvalidDataException($"unknown fault type '{fault.Type}'");
            }

            if (!known.Contains(fault.Device))
            {
                throw new InvalidDataException($"fault '{fault.Type}' names unknown device '{fault.Device}'");
            }
        }

        if (fleet.Duration <= TimeSpan.Zero)
        {
            throw new InvalidDataException("duration must be positive");
        }
    }
}
