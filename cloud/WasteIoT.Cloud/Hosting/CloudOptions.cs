using System.ComponentModel.DataAnnotations;

namespace WasteIoT.Cloud.Hosting;

/// <summary>The <c>Cloud</c> configuration section; embedded defaults need no set-up.</summary>
public sealed class CloudOptions
{
    public const string Section = "Cloud";

    /// <summary>Where the embedded SQLite database and other state live.</summary>
    [Required]
    public string DataDirectory { get; set; } = ".data/cloud";

    /// <summary>Port of the gateway-facing MQTT endpoint (hosted in the same Kestrel server).</summary>
    [Range(1, 65535)]
    public int MqttPort { get; set; } = 1884;

    /// <summary>Address the MQTT endpoint listens on.</summary>
    [Required]
    public string MqttBindAddress { get; set; } = "0.0.0.0";

    /// <summary>The county's time zone: days, opening hours and monthly figures are local.</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Shanghai";
}
