using System.Text;
using System.Text.Json;
using WasteIoT.Contracts;
using WasteIoT.Contracts.Downlink;
using WasteIoT.Contracts.Messages;
using WasteIoT.Contracts.Serialization;
using WasteIoT.Contracts.Uplink;
using WasteIoT.Testing;

namespace WasteIoT.Contracts.Tests;

/// <summary>The examples of docs/protocol.md, decoded and re-encoded by the .NET contract.</summary>
public sealed class ProtocolDocumentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> ValidVectors() => Names(v => v.ExpectedReason is null);

    public static TheoryData<string> InvalidVectors() => Names(v => v.ExpectedReason is not null);

    [Fact]
    public void DocumentHasAnExampleOfEveryKind()
    {
        var kinds = ProtocolDocument.Vectors
            .Where(v => v.ExpectedReason is null)
            .Select(v => JsonDocument.Parse(v.Json).RootElement.GetProperty("kind").GetString())
            .ToHashSet();
        string[] all =
        [
            .. MessageKinds.DeviceUplink,
            MessageKinds.Status, MessageKinds.Config, MessageKinds.ScanResult, MessageKinds.Route, MessageKinds.Batch, MessageKinds.Ack, MessageKinds.Alarm,
        ];
        Assert.Empty(all.Except(kinds!));
        Assert.True(ProtocolDocument.Vectors.Count(v => v.ExpectedReason is not null) >= 10);
    }

    [Theory]
    [MemberData(nameof(ValidVectors))]
    public void ValidExampleRoundTripsThroughContract(string name)
    {
        var vector = Find(name);
        var payload = Encoding.UTF8.GetBytes(vector.Json);
        var kind = JsonDocument.Parse(payload).RootElement.GetProperty("kind").GetString()!;

        var encoded = MessageKinds.DeviceUplink.Contains(kind)
            ? RoundTripDeviceMessage(vector, payload)
            : RoundTripOther(kind, payload);

        var expected = vector.IsCanonical ? vector.Json : Compact(vector.Json);
        Assert.Equal(expected, Encoding.UTF8.GetString(encoded));
    }

    [Theory]
    [MemberData(nameof(InvalidVectors))]
    public void InvalidExampleIsRefusedWithDocumentedReason(string name)
    {
        var vector = Find(name);
        var payload = Encoding.UTF8.GetBytes(vector.Json);
        var result = vector.Topic is null
            ? WireCodec.DecodeDeviceMessage(payload, Now)
            : WireCodec.DecodeDevicePublish(vector.Topic, payload, Now);

        Assert.False(result.IsValid, $"{vector} was accepted");
        Assert.Equal(vector.ExpectedReason, result.Violation.Reason);
        Assert.False(string.IsNullOrWhiteSpace(result.Violation.Detail));
    }

    [Fact]
    public void BinReadingFitsTheDevicePayloadBudget()
    {
        foreach (var vector in ProtocolDocument.Vectors.Where(v => v.Name.StartsWith("fill", StringComparison.Ordinal) && v.ExpectedReason is null))
        {
            Assert.True(Encoding.UTF8.GetByteCount(vector.Json) <= 200, $"{vector} is {vector.Json.Length} bytes");
        }
    }

    private static byte[] RoundTripDeviceMessage(ProtocolVector vector, byte[] payload)
    {
        var result = vector.Topic is null
            ? WireCodec.DecodeDeviceMessage(payload, Now)
            : WireCodec.DecodeDevicePublish(vector.Topic, payload, Now);
        Assert.True(result.IsValid, $"{vector}: {result.Violation}");
        return WireCodec.Encode(result.Value);
    }

    private static byte[] RoundTripOther(string kind, byte[] payload)
    {
        var ctx = ContractJsonContext.Default;
        return kind switch
        {
            MessageKinds.Status => RoundTrip(payload, ctx.StatusMessage, WireLimits.MaxDevicePayloadBytes, m => m.Validate()),
            MessageKinds.Config => RoundTrip(payload, ctx.DeviceConfig, WireLimits.MaxDevicePayloadBytes, m => m.Validate()),
            MessageKinds.ScanResult => RoundTrip(payload, ctx.ScanFeedback, WireLimits.MaxDevicePayloadBytes, m => m.Validate()),
            MessageKinds.Route => RoundTrip(payload, ctx.DailyRoute, WireLimits.MaxDownlinkBytes, m => m.Validate()),
            MessageKinds.Batch => RoundTrip(payload, ctx.UplinkBatch, WireLimits.MaxBatchBytes, m => m.Validate()),
            MessageKinds.Ack => RoundTrip(payload, ctx.CloudAck, WireLimits.MaxDevicePayloadBytes, _ => null),
            MessageKinds.Alarm => RoundTrip(payload, ctx.GatewayAlarm, WireLimits.MaxDevicePayloadBytes, m => m.Validate()),
            _ => throw new InvalidOperationException($"no round trip for kind '{kind}'"),
        };
    }

    private static byte[] RoundTrip<T>(byte[] payload, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info, int maxBytes, Func<T, Validation.ContractViolation?> validate)
        where T : class
    {
        var result = WireCodec.Decode(payload, info, maxBytes);
        Assert.True(result.IsValid, result.Violation?.ToString());
        Assert.Null(validate(result.Value));
        return WireCodec.Encode(result.Value, info);
    }

    private static string Compact(string json)
    {
        using var doc = JsonDocument.Parse(json);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            doc.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static ProtocolVector Find(string name) => ProtocolDocument.Vectors.Single(v => v.Name == name);

    private static TheoryData<string> Names(Func<ProtocolVector, bool> filter)
    {
        var data = new TheoryData<string>();
        foreach (var v in ProtocolDocument.Vectors.Where(filter))
        {
            data.Add(v.Name);
        }

        return data;
    }
}
