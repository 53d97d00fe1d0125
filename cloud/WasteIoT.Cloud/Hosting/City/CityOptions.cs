using System.ComponentModel.DataAnnotations;

namespace WasteIoT.Cloud.Hosting.City;

/// <summary>
/// The <c>City</c> configuration section of a city instance (<c>WasteIoT.Cloud city city.json</c>): the counties it
/// answers for, each at its own host names with its own settings (its database above all), and the ones whose
/// gateways it takes. Every instance of a city has the same counties; they differ in <see cref="TakesGatewaysOf"/>.
/// </summary>
public sealed class CityOptions
{
    public const string Section = "City";

    /// <summary>The HTTP addresses the city's users and API clients reach (every county, told apart by host name).</summary>
    [Required]
    public string Urls { get; set; } = "http://127.0.0.1:5090";

    /// <summary>Where a county with no <c>Cloud:DataDirectory</c> of its own keeps its local state: a folder per county under this one.</summary>
    [Required]
    public string DataDirectory { get; set; } = ".data/city";

    public List<CountySite> Counties { get; set; } = [];

    /// <summary>Keys of the counties whose gateways this instance takes and whose background work it runs; empty: every county's.</summary>
    public List<string> TakesGatewaysOf { get; set; } = [];
}
