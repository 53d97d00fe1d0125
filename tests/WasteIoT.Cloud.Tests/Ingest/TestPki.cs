using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace WasteIoT.Cloud.Tests.Ingest;

/// <summary>A throwaway county CA, a cloud server certificate it signed (localhost, 127.0.0.1), and an unrelated CA.</summary>
internal sealed class TestPki : IDisposable
{
    public const string Password = "test-only";
    private readonly string _folder;

    private TestPki(string folder, X509Certificate2 otherCa)
    {
        _folder = folder;
        OtherCa = otherCa;
    }

    public string CaPem => Path.Combine(_folder, "ca.pem");

    public string ServerPfx => Path.Combine(_folder, "cloud.pfx");

    public X509Certificate2 OtherCa { get; }

    public static TestPki Create()
    {
        var folder = Directory.CreateTempSubdirectory("wiot-pki-").FullName;
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var ca = NewCa("CN=WasteIoT Test County CA", caKey);
        File.WriteAllText(Path.Combine(folder, "ca.pem"), ca.ExportCertificatePem());

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var signed = request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30), [1, 2, 3, 4]);
        using var server = signed.CopyWithPrivateKey(serverKey);
        File.WriteAllBytes(Path.Combine(folder, "cloud.pfx"), server.Export(X509ContentType.Pfx, Password));

        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new TestPki(folder, NewCa("CN=Some Other CA", otherKey));
    }

    public void Dispose()
    {
        OtherCa.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static X509Certificate2 NewCa(string subject, ECDsa key)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(365));
    }
}
