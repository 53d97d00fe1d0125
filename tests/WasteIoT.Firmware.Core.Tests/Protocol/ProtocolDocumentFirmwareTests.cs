using System.Text;
using WasteIoT.Contracts.Serialization;
using WasteIoT.Firmware.Core.Protocol;
using WasteIoT.Testing;

namespace WasteIoT.Firmware.Core.Tests.Protocol;

/// <summary>The examples of docs/protocol.md through the firmware's own decoder and encoder.</summary>
public sealed class ProtocolDocumentFirmwareTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> DeviceVectors()
    {
        var data = new TheoryData<string>();
        foreach (var v in ProtocolDocument.Vectors.Where(v => v.ExpectedReason is null && MessageCodec.Create(KindOf(v)) is not null))
        {
            data.Add(v.Name);
        }

        return data;
    }

    [Fact]
    public void EveryDeviceKindHasAVector()
    {
        string[] kinds = ["fill", "air", "badge", "disinfect", "pos", "cover", "scan", "level", "hb"];
        Assert.All(kinds, k => Assert.NotNull(MessageCodec.Create(k)));
        Assert.Empty(kinds.Except(ProtocolDocument.Vectors.Where(v => v.ExpectedReason is null).Select(KindOf)));
    }

    [Theory]
    [MemberData(nameof(DeviceVectors))]
    public void FirmwareReEncodesExampleByteForByte(string name)
    {
        var vector = ProtocolDocument.Vectors.Single(v => v.Name == name);
        Assert.True(vector.IsCanonical, $"{vector}: device examples are one-line canonical JSON");
        var payload = Encoding.UTF8.GetBytes(vector.Json);

        var codec = new MessageCodec();
        Assert.True(codec.TryDecode(payload, 0, payload.Length, out var message, out var error), $"{vector}: {error}");

        var writer = new JsonWriter(new byte[MessageCodec.MaxPayloadBytes]);
        var length = MessageCodec.Encode(message, writer);
        Assert.Equal(vector.Json, Encoding.UTF8.GetString(writer.Buffer, 0, length));
        if (vector.Topic is not null)
        {
            Assert.Equal(vector.Topic, Topics.DeviceUp(message.Device, message.Kind));
        }
    }

    [Theory]
    [MemberData(nameof(DeviceVectors))]
    public void FirmwareEncodingIsAcceptedByTheContract(string name)
    {
        var vector = ProtocolDocument.Vectors.Single(v => v.Name == name);
        var payload = Encoding.UTF8.GetBytes(vector.Json);
        var codec = new MessageCodec();
        Assert.True(codec.TryDecode(payload, 0, payload.Length, out var message, out _));
        var writer = new JsonWriter(new byte[MessageCodec.MaxPayloadBytes]);
        var length = MessageCodec.Encode(message, writer);

        var topic = Topics.DeviceUp(message.Device, message.Kind);
        var result = WireCodec.DecodeDevicePublish(topic, writer.Buffer.AsSpan(0, length), Now);
        Assert.True(result.IsValid, result.Violation?.ToString());
        Assert.Equal(message.Seq, result.Value.Seq);
        Assert.Equal(message.Boot, result.Value.Boot);
        Assert.Equal(message.Timestamp, result.Value.Ts.ToUnixTimeMilliseconds());
    }

    [Fact]
    public void FirmwareAppliesTheConfigExample()
    {
        var vector = ProtocolDocument.Vectors.Single(v => v.Name == "config");
        var payload = Encoding.UTF8.GetBytes(vector.Json);
        var codec = new MessageCodec();
        Assert.True(codec.TryParse(payload, 0, payload.Length, out var error), error);
        Assert.Equal("config", Topics.DownKind(vector.Topic, "bin-0001"));

        var config = new DeviceConfig { ScanDebounceS = 45 };
        Assert.True(config.TryApply(codec.Fields, "bin-0001", out error), error);
        Assert.Equal(3, config.Revision);
        Assert.Equal(900, config.MeasureIntervalS);
        Assert.Equal(3600, config.PublishIntervalS);
        Assert.Equal(21600, config.HeartbeatIntervalS);
        Assert.Equal(0.1, config.FillChangeThreshold);
        Assert.Equal(45, config.ScanDebounceS);

        Assert.False(config.TryApply(codec.Fields, "bin-0001", out error), "the same revision twice is not newer");
        Assert.Null(error);
        Assert.False(new DeviceConfig().TryApply(codec.Fields, "bin-0002", out error));
        Assert.NotNull(error);
    }

    [Fact]
    public void FirmwareReadsTheScanResultExample()
    {
        var vector = ProtocolDocument.Vectors.Single(v => v.Name == "scan-result");
        var payload = Encoding.UTF8.GetBytes(vector.Json);
        var codec = new MessageCodec();
        Assert.True(codec.TryParse(payload, 0, payload.Length, out var error), error);

        var feedback = new ScanFeedback();
        Assert.True(feedback.TryRead(codec.Fields, "truck-07", out error), error);
        Assert.Equal(ScanOutcome.Accepted, feedback.Outcome);
        Assert.Equal(5010, feedback.Seq);
        Assert.Equal("E2801160600002084F6D1A3C", feedback.Tag);
        Assert.Equal("hh-0101-0203", feedback.Household);
    }

    private static string KindOf(ProtocolVector v) =>
        System.Text.Json.JsonDocument.Parse(v.Json).RootElement.GetProperty("kind").GetString()!;
}
