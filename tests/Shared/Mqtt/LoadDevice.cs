using System.Collections.Concurrent;
using System.Globalization;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace WasteIoT.Testing;

/// <summary>
/// A device as the firmware behaves on the wire, but as fast as the test wants: numbered messages, each sent until the
/// gateway acknowledges it (a refused or dropped connection is retried with the same message), the acknowledged
/// ones recorded.
/// </summary>
internal sealed class LoadDevice(string device, string password, int port, Func<string, long, (string Kind, string Payload)> message)
{
    public string Device => device;

    /// <summary>Sequence numbers the gateway acknowledged.</summary>
    public ConcurrentQueue<long> Acknowledged { get; } = new();

    /// <summary>Publishes refused or left without a PUBACK (each retried).</summary>
    public int Refusals { get; private set; }

    /// <summary>Time between messages (zero: as fast as PUBACKs come).</summary>
    public TimeSpan Interval { get; init; }

    public long NextSeq { get; private set; } = 1;

    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            using var client = new MqttClientFactory().CreateMqttClient();
            try
            {
                await client.ConnectAsync(
                    new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithProtocolVersion(MqttProtocolVersion.V311)
                        .WithClientId(device).WithCredentials(device, password).WithCleanSession(false).WithTimeout(TimeSpan.FromSeconds(3)).Build(),
                    stop);
                while (!stop.IsCancellationRequested)
                {
                    var (kind, payload) = message(device, NextSeq);
                    var result = await client.PublishAsync(
                        new MqttApplicationMessageBuilder().WithTopic($"wiot/v1/dev/{device}/up/{kind}").WithPayload(payload)
                            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(),
                        stop);
                    if (!result.IsSuccess)
                    {
                        break;
                    }

                    Acknowledged.Enqueue(NextSeq);
                    NextSeq++;
                    if (Interval > TimeSpan.Zero)
                    {
                        await Task.Delay(Interval, stop);
                    }
                }
            }
            catch (Exception)
            {
                // Killed gateway, refused connection, PUBACK that never came: the same message again, as the firmware does.
                if (stop.IsCancellationRequested)
                {
                    return;
                }

                Refusals++;
                await Task.Delay(50, CancellationToken.None);
            }
        }
    }

    /// <summary>A truck fix a second apart per sequence number, driving east from <paramref name="start"/>.</summary>
    public static (string Kind, string Payload) Position(DateTimeOffset start, string device, long seq) => ("pos", string.Create(
        CultureInfo.InvariantCulture,
        $$"""{"kind":"pos","schema":1,"device":"{{device}}","boot":1,"seq":{{seq}},"ts":"{{start.AddSeconds(seq):yyyy-MM-ddTHH:mm:ssZ}}","lat":31.2304167,"lon":{{121.4737 + (seq * 0.0001):0.0000000}},"speed":23.4,"heading":90,"hdop":0.9,"sats":11,"fix":1}"""));

    /// <summary>A cargo cover change a second apart per sequence number, open and closed in turn.</summary>
    public static (string Kind, string Payload) Cover(DateTimeOffset start, string device, long seq) => ("cover", string.Create(
        CultureInfo.InvariantCulture,
        $$"""{"kind":"cover","schema":1,"device":"{{device}}","boot":1,"seq":{{seq}},"ts":"{{start.AddSeconds(seq):yyyy-MM-ddTHH:mm:ssZ}}","state":"{{(seq % 2 == 1 ? "open" : "closed")}}"}"""));

    /// <summary>A bin's fill reading a minute apart per sequence number.</summary>
    public static (string Kind, string Payload) Fill(DateTimeOffset start, string device, long seq) => ("fill", string.Create(
        CultureInfo.InvariantCulture,
        $$"""{"kind":"fill","schema":1,"device":"{{device}}","boot":1,"seq":{{seq}},"ts":"{{start.AddMinutes(seq):yyyy-MM-ddTHH:mm:ssZ}}","fillingLevel":{{(seq % 100) / 100.0:0.00}},"status":"ok","echo":"ok"}"""));
}
