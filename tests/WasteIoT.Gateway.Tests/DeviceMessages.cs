using System.Globalization;
using MQTTnet;
using MQTTnet.Protocol;

namespace WasteIoT.Gateway.Tests;

/// <summary>Canonical device messages for tests, in the shape of docs/protocol.md's examples.</summary>
internal static class DeviceMessages
{
    public static readonly DateTimeOffset At = DateTimeOffset.UtcNow.AddMinutes(-1);

    public static string Fill(string device, long boot, long seq, double level = 0.5) => string.Create(
        CultureInfo.InvariantCulture,
        $$"""{"kind":"fill","schema":1,"device":"{{device}}","boot":{{boot}},"seq":{{seq}},"ts":"{{At.AddMilliseconds(seq):yyyy-MM-ddTHH:mm:ss.fffZ}}","fillingLevel":{{level}},"status":"ok","echo":"ok"}""");

    public static string Scan(string device, long boot, long seq, string tag) => string.Create(
        CultureInfo.InvariantCulture,
        $$"""{"kind":"scan","schema":1,"device":"{{device}}","boot":{{boot}},"seq":{{seq}},"ts":"{{At.AddMilliseconds(seq):yyyy-MM-ddTHH:mm:ss.fffZ}}","tag":"{{tag}}"}""");

    public static MqttApplicationMessage Up(string device, string kind, string payload) =>
        new MqttApplicationMessageBuilder()
            .WithTopic($"wiot/v1/dev/{device}/up/{kind}")
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
}
