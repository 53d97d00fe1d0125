using System.ComponentModel.DataAnnotations;

namespace WasteIoT.Gateway.Broker;

/// <summary>The device-facing MQTT broker.</summary>
public sealed class BrokerOptions
{
    /// <summary>Plain MQTT port (0: a free port, for tests).</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 1883;

    /// <summary>Address to listen on; the Pi's access-point interface in the field.</summary>
    [Required]
    public string BindAddress { get; set; } = "0.0.0.0";

    /// <summary>TLS port (0: no TLS listener).</summary>
    [Range(0, 65535)]
    public int TlsPort { get; set; }

    /// <summary>PKCS#12 certificate for the TLS listener.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    [Range(1, 100_000)]
    public int MaxConnections { get; set; } = 2_000;

    /// <summary>A socket must have completed CONNECT (and been accepted) within this time of opening, or it is closed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Sockets not yet past CONNECT, in all and from one address: idle or half-sent connections use this budget, not
    /// the devices' <see cref="MaxConnections"/>, so they cannot lock real devices out.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxPendingConnections { get; set; } = 256;

    [Range(1, 100_000)]
    public int MaxPendingPerAddress { get; set; } = 16;

    /// <summary>Largest MQTT packet accepted, checked on the length header before MQTTnet allocates anything.</summary>
    [Range(64, 16 * 1024 * 1024)]
    public int MaxPacketBytes { get; set; } = 4 * 1024;

    /// <summary>Sustained publishes per second allowed per device (a burst of twice this is tolerated).</summary>
    [Range(1, 100_000)]
    public int MaxMessagesPerSecondPerDevice { get; set; } = 50;

    /// <summary>
    /// Over the rate a device is paced (its PUBACKs wait for its tokens); one whose publishes run this far ahead of
    /// the rate — more than a device waiting for its acknowledgements can — is a flood and is disconnected.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan FloodAfter { get; set; } = TimeSpan.FromSeconds(10);
}
