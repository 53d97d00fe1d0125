using System.ComponentModel.DataAnnotations;
using WasteIoT.Gateway.Broker;
using WasteIoT.Gateway.EdgeRules;
using WasteIoT.Gateway.Store;
using WasteIoT.Gateway.Uplink;

namespace WasteIoT.Gateway.Hosting;

/// <summary>The <c>Gateway</c> configuration section (appsettings.json, then WASTEIOT_ environment variables).</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>This gateway's id: the <c>{gateway}</c> level of its cloud topics.</summary>
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9-]{2,31}$", ErrorMessage = "Gateway:Id must be 3..32 of [a-z0-9-]")]
    public string Id { get; set; } = "gw-local";

    /// <summary>SQLite database and other state.</summary>
    [Required]
    public string DataDirectory { get; set; } = ".data/gateway";

    [Required]
    public BrokerOptions Broker { get; set; } = new();

    [Required]
    public StoreOptions Store { get; set; } = new();

    [Required]
    public UplinkOptions Uplink { get; set; } = new();

    [Required]
    public EdgeRuleOptions EdgeRule { get; set; } = new();
}
