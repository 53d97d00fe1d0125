namespace WasteIoT.Cloud.Checks.Ponds;

/// <summary>
/// Effluent limits of the leachate treatment unit, mg/L: GB 16889-2008 table 2 (COD 100, NH3-N 25) by default; a county
/// under table 3's special limits sets COD 60, NH3-N 8 (<c>Cloud:Rules:Leachate</c>).
/// </summary>
public sealed record LeachateRules
{
    public double EffluentCodMgL { get; init; } = 100;

    public double EffluentNh3nMgL { get; init; } = 25;
}
