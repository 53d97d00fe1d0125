using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using MQTTnet.Protocol;
using MQTTnet.Server;
using WasteIoT.Testing;

namespace WasteIoT.Gateway.Tests.Uplink;

/// <summary>
/// A local stand-in for Azure IoT Hub's MQTT endpoint that checks what the real hub checks at CONNECT:
/// MQTT 3.1.1, client id = device id, user name <c>{hub}/{device}/?api-version=…</c>, a SAS token signed with the
/// device key over <c>{hub}/devices/{device}</c> and not expired; and that telemetry goes only to
/// <c>devices/{device}/messages/events/…</c>. Written from the protocol description, independently of the gateway's code.
/// </summary>
internal sealed class FakeIotHub : IAsyncDisposable
{
    private readonly MqttServer _server;

    private FakeIotHub(MqttServer server, int port, string hub, byte[] key)
    {
        _server = server;
        Port = port;
        Hub = hub;
        Key = key;
    }

    public int Port { get; }

    public string Hub { get; }

    public byte[] Key { get; }

    public ConcurrentQueue<string> Refusals { get; } = new();

    public ConcurrentQueue<long> AcceptedExpiries { get; } = new();

    public ConcurrentQueue<(string Topic, byte[] Payload)> Telemetry { get; } = new();

    public static async Task<FakeIotHub> StartAsync(string hub)
    {
        var port = MosquittoBroker.FreePort();
        var server = new MqttServerFactory().CreateMqttServer(
            new MqttServerOptionsBuilder().WithDefaultEndpoint().WithDefaultEndpointBoundIPAddress(IPAddress.Loopback).WithDefaultEndpointPort(port).Build());
        var fake = new FakeIotHub(server, port, hub, RandomNumberGenerator.GetBytes(32));
        server.ValidatingConnectionAsync += fake.Validate;
        server.InterceptingPublishAsync += e =>
        {
            if (!e.ApplicationMessage.Topic.StartsWith($"devices/{e.ClientId}/messages/events/", StringComparison.Ordinal))
            {
                fake.Refusals.Enqueue("publish to " + e.ApplicationMessage.Topic);
                e.CloseConnection = true;
                return Task.CompletedTask;
            }

            fake.Telemetry.Enqueue((e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray()));
            return Task.CompletedTask;
        };
        await server.StartAsync();
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        _server.Dispose();
    }

    private Task Validate(ValidatingConnectionEventArgs e)
    {
        var refusal = Check(e);
        if (refusal is not null)
        {
            Refusals.Enqueue(refusal);
            e.ReasonCode = MqttConnectReasonCode.NotAuthorized;
        }

        return Task.CompletedTask;
    }

    private string? Check(ValidatingConnectionEventArgs e)
    {
        if (e.ProtocolVersion != MQTTnet.Formatter.MqttProtocolVersion.V311)
        {
            return "not MQTT 3.1.1";
        }

        if (e.UserName is null || !e.UserName.StartsWith($"{Hub}/{e.ClientId}/?api-version=", StringComparison.Ordinal))
        {
            return $"bad user name '{e.UserName}'";
        }

        const string Prefix = "SharedAccessSignature ";
        if (e.Password is null || !e.Password.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return "no SAS token";
        }

        var fields = e.Password[Prefix.Length..].Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");
        var resource = WebUtility.UrlDecode(fields.GetValueOrDefault("sr", ""));
        if (!string.Equals(resource, $"{Hub}/devices/{e.ClientId}", StringComparison.OrdinalIgnoreCase))
        {
            return $"token for '{resource}'";
        }

        var expiry = long.Parse(fields.GetValueOrDefault("se", "0"), CultureInfo.InvariantCulture);
        if (expiry <= DateTimeOffset.UtcNow.ToUnixTimeSeconds())
        {
            return "token expired";
        }

        var expected = HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(fields["sr"] + "\n" + fields["se"]));
        var given = Convert.FromBase64String(WebUtility.UrlDecode(fields.GetValueOrDefault("sig", "")));
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return "bad signature";
        }

        AcceptedExpiries.Enqueue(expiry);
        return null;
    }
}
