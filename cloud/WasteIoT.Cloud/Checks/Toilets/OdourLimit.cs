namespace WasteIoT.Cloud.Checks.Toilets;

/// <summary>
/// Whether a reading exceeds an odour limit as far as its cell can tell: a node states its cell's resolution, and a
/// reading less than one resolution step above the limit is not a measured exceedance (a ZE03-H2S resolves 0.01 ppm,
/// 0.014 mg/m³, coarser than a class I toilet's 0.01 mg/m³ limit).
/// </summary>
public static class OdourLimit
{
    public static bool Exceeds(double value, double limit, double? resolution) =>
        value > limit && (resolution is not { } step || value - limit >= step);
}
