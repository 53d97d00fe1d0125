using System.ComponentModel.DataAnnotations;

namespace WasteIoT.Gateway.Uplink;

/// <summary>The gateway's connection to the cloud.</summary>
public sealed class UplinkOptions
{
    /// <summary><c>Mqtt</c> (the WasteIoT cloud or any broker), <c>AzureIotHub</c>, or <c>None</c> (store only).</summary>
    [Required]
    [RegularExpression("^(Mqtt|AzureIotHub|None)$", ErrorMessage = "Gateway:Uplink:Mode must be Mqtt, AzureIotHub or None")]
    public string Mode { get; set; } = "Mqtt";

    /// <summary>Azure IoT Hub: the hub's host name (<c>{hub}.azure-devices.net</c>); <see cref="Host"/> may point elsewhere (a test hub).</summary>
    public string? HubHostName { get; set; }

    /// <summary>Azure IoT Hub: the gateway's device key (base64), from the hub's device registry.</summary>
    public string? SharedAccessKey { get; set; }

    /// <summary>Azure IoT Hub: lifetime of each SAS token; the session is renewed at 80 % of it.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    public string ApiVersion { get; set; } = "2021-04-12";

    [Required]
    public string Host { get; set; } = "127.0.0.1";

    [Range(1, 65535)]
    public int Port { get; set; } = 1884;

    public bool UseTls { get; set; }

    /// <summary>
    /// With TLS: a PEM file of the CA that signed the cloud's certificate, trusted instead of the system's roots
    /// (a county's own CA). Unset: the system's trusted roots.
    /// </summary>
    public string? CaCertificatePath { get; set; }

    /// <summary>With TLS: the name the cloud's certificate must carry, when it differs from <see cref="Host"/>.</summary>
    public string? TlsServerName { get; set; }

    /// <summary>The gateway's credentials at the cloud (user name is the gateway id).</summary>
    public string? Password { get; set; }

    [Range(1, 1000)]
    public int MaxBatchRecords { get; set; } = 500;

    /// <summary>Batches awaiting their PUBACK at once.</summary>
    [Range(1, 64)]
    public int InFlightBatches { get; set; } = 4;

    /// <summary>How often the gateway's presence with its backlog is refreshed at the cloud.</summary>
    public TimeSpan PresenceInterval { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MinBackoff { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(2);
}
