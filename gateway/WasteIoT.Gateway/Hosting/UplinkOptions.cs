using System.ComponentModel.DataAnnotations;

namespace WasteIoT.Gateway.Hosting;

/// <summary>The gateway's connection to the cloud.</summary>
public sealed class UplinkOptions
{
    /// <summary><c>Mqtt</c> (the WasteIoT cloud or any broker), or <c>None</c> (store only).</summary>
    [Required]
    [RegularExpression("^(Mqtt|None)$", ErrorMessage = "Gateway:Uplink:Mode must be Mqtt or None")]
    public string Mode { get; set; } = "Mqtt";

    [Required]
    public string Host { get; set; } = "127.0.0.1";

    [Range(1, 65535)]
    public int Port { get; set; } = 1884;

    public bool UseTls { get; set; }

    /// <summary>The gateway's credentials at the cloud (user name is the gateway id).</summary>
    public string? Password { get; set; }

    [Range(1, 1000)]
    public int MaxBatchRecords { get; set; } = 500;

    /// <summary>Batches awaiting their PUBACK at once.</summary>
    [Range(1, 64)]
    public int InFlightBatches { get; set; } = 4;

    public TimeSpan MinBackoff { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(2);
}
