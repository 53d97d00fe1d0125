using System.Globalization;
using System.Text;
using System.Text.Json;
using WasteIoT.Cloud.Readings;
using WasteIoT.Contracts.Messages;
using WasteIoT.Contracts.Serialization;
using WasteIoT.Testing;

namespace WasteIoT.Cloud.Tests.Readings;

/// <summary>The fast position path gives exactly what the contract's deserializer gives, or steps aside.</summary>
public sealed class PositionReaderTests
{
    [Fact]
    public void DocumentedPositionsReadTheSameBothWays()
    {
        var positions = ProtocolDocument.Vectors.Where(v => v.ExpectedReason is null && v.Json.StartsWith("{\"kind\":\"pos\"", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(positions);
        foreach (var vector in positions)
        {
            var json = Encoding.UTF8.GetBytes(vector.Json);
            Assert.True(PositionReader.TryRead(json, out var fast), vector.ToString());
            Assert.Equal(JsonSerializer.Deserialize(json, ContractJsonContext.Default.DeviceMessage), fast);
        }
    }

    [Fact]
    public void RandomPositionsReadTheSameBothWays()
    {
        var random = new Random(7);
        for (var i = 0; i < 2_000; i++)
        {
            var message = new TruckPosition
            {
                Device = $"truck-{i % 13:00}",
                Boot = random.Next(1, 50),
                Seq = random.NextInt64(1, 1L << 40),
                Ts = new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero).AddMilliseconds(random.Next(0, 86_400_000)),
                Lat = Math.Round((random.NextDouble() * 180) - 90, 7),
                Lon = Math.Round((random.NextDouble() * 360) - 180, 7),
                Speed = Math.Round(random.NextDouble() * 120, 1),
                Heading = random.Next(3) == 0 ? null : Math.Round(random.NextDouble() * 359.9, 1),
                Hdop = random.Next(3) == 0 ? null : Math.Round(random.NextDouble() * 5, 1),
                Sats = random.Next(3) == 0 ? null : random.Next(0, 30),
                Fix = random.Next(1, 7),
            };
            var json = WireCodec.Encode(message);
            Assert.True(PositionReader.TryRead(json, out var fast), Encoding.UTF8.GetString(json));
            Assert.Equal(JsonSerializer.Deserialize(json, ContractJsonContext.Default.DeviceMessage), fast);
        }
    }

    [Theory]
    [InlineData("""{"kind":"fill","schema":1,"device":"bin-1","boot":1,"seq":1,"ts":"2026-11-26T00:00:00Z","fillingLevel":0.5,"status":"ok","echo":"ok"}""")]
    [InlineData("""{"kind":"pos","schema":1,"device":"truck-1","boot":1,"seq":1,"ts":"2026-11-26T00:00:00Z","lat":30.1,"lon":120.1,"speed":3,"fix":1,"altitude":12}""")]
    [InlineData("""{"kind":"pos","schema":1,"device":"truck-1","boot":1,"seq":1,"ts":"2026-11-26T00:00:00Z","lat":30.1,"lon":120.1,"fix":1}""")]
    [InlineData("""{"kind":"pos","schema":1,"device":"truck-1","boot":1,"seq":1,"ts":"2026-11-26T00:00:00Z","lat":"30.1","lon":120.1,"speed":3,"fix":1}""")]
    [InlineData("""[1,2]""")]
    public void AnythingUnexpectedStepsAside(string json)
    {
        Assert.False(PositionReader.TryRead(Encoding.UTF8.GetBytes(json), out _), json.ToString(CultureInfo.InvariantCulture));
    }
}
