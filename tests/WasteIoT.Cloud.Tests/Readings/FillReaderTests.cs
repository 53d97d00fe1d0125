using System.Text;
using System.Text.Json;
using WasteIoT.Cloud.Readings;
using WasteIoT.Contracts.Messages;
using WasteIoT.Contracts.Serialization;
using WasteIoT.Testing;

namespace WasteIoT.Cloud.Tests.Readings;

/// <summary>The fast fill path gives exactly what the contract's deserializer gives, or steps aside.</summary>
public sealed class FillReaderTests
{
    [Fact]
    public void DocumentedFillReadingsReadTheSameBothWays()
    {
        var fills = ProtocolDocument.Vectors.Where(v => v.ExpectedReason is null && v.Json.StartsWith("{\"kind\":\"fill\"", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(fills);
        foreach (var vector in fills)
        {
            var json = Encoding.UTF8.GetBytes(vector.Json);
            Assert.True(FillReader.TryRead(json, null, out var fast), vector.ToString());
            Assert.Equal(JsonSerializer.Deserialize(json, ContractJsonContext.Default.DeviceMessage), fast);
        }
    }

    [Fact]
    public void RandomFillReadingsReadTheSameBothWaysAndShareTheRowsDeviceName()
    {
        var random = new Random(11);
        for (var i = 0; i < 2_000; i++)
        {
            var message = new BinFillReading
            {
                Device = $"bin-{i % 17:0000}",
                Boot = random.Next(1, 50),
                Seq = random.NextInt64(1, 1L << 40),
                Ts = new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero).AddMilliseconds(random.Next(0, 86_400_000)),
                FillingLevel = random.Next(4) == 0 ? null : Math.Round(random.NextDouble(), 3),
                DistanceMm = random.Next(3) == 0 ? null : random.Next(0, 10_000),
                Temperature = random.Next(3) == 0 ? null : Math.Round((random.NextDouble() * 125) - 40, 1),
                Status = (BinStatus)random.Next(0, 5),
                Echo = (EchoStatus)random.Next(0, 4),
                Battery = random.Next(3) == 0 ? null : Math.Round(random.NextDouble() * 5, 2),
            };
            var json = WireCodec.Encode(message);
            var rowDevice = new string(message.Device.AsSpan());
            Assert.True(FillReader.TryRead(json, rowDevice, out var fast), Encoding.UTF8.GetString(json));
            Assert.Equal(JsonSerializer.Deserialize(json, ContractJsonContext.Default.DeviceMessage), fast);
            Assert.Same(rowDevice, fast!.Device);
        }
    }

    [Theory]
    [InlineData("""{"kind":"pos","schema":1,"device":"truck-1","boot":1,"seq":1,"ts":"2026-11-26T00:00:00Z","lat":30.1,"lon":120.1,"speed":3,"fix":1}""")]
    [InlineData("""{"kind":"fill","schema":1,"device":"bin-1","boot":1,"seq":1,"ts":"2026-11-26T00:00:00Z","fillingLevel":0.5,"status":"ok","echo":"ok","lid":1}""")]
    [InlineData("""{"kind":"fill","schema":1,"device":"bin-1","boot":1,"seq":1,"ts":"2026-11-26T00:00:00Z","fillingLevel":0.5,"status":"ok"}""")]
    [InlineData("""{"kind":"fill","schema":1,"device":"bin-1","boot":1,"seq":1,"ts":"2026-11-26T00:00:00Z","fillingLevel":0.5,"status":"Ok","echo":"ok"}""")]
    [InlineData("""{"kind":"fill","schema":1,"device":"bin-1","boot":1,"seq":1,"ts":"2026-11-26T00:00:00Z","fillingLevel":"0.5","status":"ok","echo":"ok"}""")]
    [InlineData("""{"kind":"fill","schema":1,"device":null,"boot":1,"seq":1,"ts":"2026-11-26T00:00:00Z","status":"ok","echo":"ok"}""")]
    [InlineData("""[1,2]""")]
    public void AnythingUnexpectedStepsAside(string json)
    {
        Assert.False(FillReader.TryRead(Encoding.UTF8.GetBytes(json), "bin-1", out _), json);
    }
}
