using System.ComponentModel.DataAnnotations;

namespace WasteIoT.Cloud.Dashboard;

/// <summary>
/// The <c>Cloud:Map</c> section: where the map's tiles come from. Chinese tile services (AutoNavi, Tencent) draw in
/// GCJ-02, so positions (WGS-84 from GNSS) are shifted for display when <see cref="Coordinates"/> says so. The map
/// works with no tiles at all (an offline county, or the tests).
/// </summary>
public sealed class MapOptions
{
    public const string Section = "Cloud:Map";

    /// <summary>Tile URL template; empty for no tiles.</summary>
    public string TileUrl { get; set; } = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    public string Attribution { get; set; } = "© OpenStreetMap contributors";

    /// <summary><c>wgs84</c> or <c>gcj02</c>: the datum the tiles are drawn in.</summary>
    [RegularExpression("^(wgs84|gcj02)$", ErrorMessage = "Cloud:Map:Coordinates must be wgs84 or gcj02")]
    public string Coordinates { get; set; } = "wgs84";

    [Range(-90, 90)]
    public double CenterLat { get; set; } = 30.27;

    [Range(-180, 180)]
    public double CenterLon { get; set; } = 120.15;

    [Range(1, 19)]
    public int Zoom { get; set; } = 13;
}
