using System.ComponentModel.DataAnnotations;

namespace WasteIoT.Cloud.Settings;

/// <summary>The <c>Cloud</c> configuration section (its storage settings are <c>Store.StoreOptions</c>); embedded defaults need no set-up.</summary>
public sealed class CloudOptions
{
    public const string Section = "Cloud";

    /// <summary>
    /// Whether this instance takes the county's gateways (its MQTT endpoints) and runs the county's background work (the
    /// case filer, the alert webhook). False: it answers the county's users and API only, while another instance of
    /// the county, on the same database, does those — how a city spreads its counties over several instances.
    /// </summary>
    public bool TakesGateways { get; set; } = true;

    /// <summary>Port of the gateway-facing MQTT endpoint (hosted in the same Kestrel server).</summary>
    [Range(1, 65535)]
    public int MqttPort { get; set; } = 1884;

    /// <summary>Port of the gateway-facing MQTT endpoint over TLS (0: none). Needs <see cref="CertificatePath"/>.</summary>
    [Range(0, 65535)]
    public int MqttTlsPort { get; set; }

    /// <summary>The server certificate for MQTT over TLS: a PKCS#12 (.pfx/.p12) file, or a PEM certificate with its key beside it (<c>.key</c>).</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Address the MQTT endpoint listens on.</summary>
    [Required]
    public string MqttBindAddress { get; set; } = "0.0.0.0";

    /// <summary>A connected gateway with no presence report for this long is shown as silent (it reports every minute).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan GatewaySilentAfter { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>A gateway whose oldest waiting message is older than this is flagged as behind on the health page.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan GatewayBehindAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The county's time zone: days, opening hours and monthly figures are local.</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>The county, as printed on the monthly report.</summary>
    [Required]
    public string CountyName { get; set; } = "示范县";

    /// <summary>The bureau that issues the monthly report and signs it.</summary>
    [Required]
    public string BureauName { get; set; } = "示范县城市管理局";

    /// <summary>Loads the TLS server certificate named by <see cref="CertificatePath"/>.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2 LoadCertificate()
    {
        var path = CertificatePath ?? throw new InvalidOperationException($"{Section}:CertificatePath is required when {Section}:MqttTlsPort is set");
        return Path.GetExtension(path).ToUpperInvariant() is ".PFX" or ".P12"
            ? System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(path, CertificatePassword)
            : System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPemFile(path, Path.ChangeExtension(path, ".key"));
    }
}
