using WasteIoT.Contracts.Serialization;
using WasteIoT.Firmware.Core.Protocol;

namespace WasteIoT.Firmware.Core.Tests.Protocol;

public sealed class Iso8601Tests
{
    [Fact]
    public void FormatMatchesTheContractForRandomInstants()
    {
        var random = new Random(1);
        var writer = new JsonWriter(new byte[64]);
        for (var i = 0; i < 20_000; i++)
        {
            var ms = random.NextInt64(0, 4_102_444_800_000); // 1970 .. 2100
            if (i % 3 == 0)
            {
                ms -= ms % 1000;
            }

            writer.Reset();
            writer.BeginObject();
            writer.WriteTimestamp("t", ms);
            writer.EndObject();
            var text = System.Text.Encoding.ASCII.GetString(writer.Buffer, 6, writer.Length - 8);
            Assert.Equal(UtcTimestampConverter.Format(DateTimeOffset.FromUnixTimeMilliseconds(ms)), text);
            Assert.True(Iso8601.TryParse(text, out var back));
            Assert.Equal(ms, back);
        }
    }

    [Theory]
    [InlineData("2026-11-27T08:00:00+08:00", "2026-11-27T00:00:00Z")]
    [InlineData("2026-11-27T00:30:00.5-01:00", "2026-11-27T01:30:00.500Z")]
    [InlineData("2028-02-29T23:59:59.123456Z", "2028-02-29T23:59:59.123Z")]
    public void OffsetsAreConvertedToUtc(string input, string utc)
    {
        Assert.True(Iso8601.TryParse(input, out var ms));
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds(), ms);
    }

    [Theory]
    [InlineData("2026-11-27T08:00:00")]
    [InlineData("2026-02-29T08:00:00Z")]
    [InlineData("2026-13-01T08:00:00Z")]
    [InlineData("2026-11-27 08:00:00Z")]
    [InlineData("2026-11-27T24:00:00Z")]
    [InlineData("2026-11-27T08:00:00.Z")]
    [InlineData("2026-11-27T08:00:00+0800")]
    [InlineData("not a time at all....")]
    public void BadTimestampsAreRefused(string input)
    {
        Assert.False(Iso8601.TryParse(input, out _));
    }
}
