namespace WasteIoT.Cloud.Checks.Roads;

/// <summary>The work a road segment needs, each done with one kind of equipment: sweeping (brushes), sprinkling (pump), dust suppression (fog cannon).</summary>
public enum RoadTask
{
    Sweep,
    Sprinkle,
    Fog,
}
