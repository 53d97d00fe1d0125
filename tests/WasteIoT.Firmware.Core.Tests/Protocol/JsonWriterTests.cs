using System.Globalization;
using System.Text;
using System.Text.Json;
using WasteIoT.Firmware.Core.Protocol;

namespace WasteIoT.Firmware.Core.Tests.Protocol;

public sealed class JsonWriterTests
{
    [Theory]
    [InlineData(0.72, 2, "0.72")]
    [InlineData(12.50, 1, "12.5")]
    [InlineData(61.0, 1, "61")]
    [InlineData(-3.25, 1, "-3.3")]
    [InlineData(-0.04, 1, "0")]
    [InlineData(0.0049, 3, "0.005")]
    [InlineData(0.1 + 0.2, 2, "0.3")]
    [InlineData(121.4737011, 7, "121.4737011")]
    [InlineData(-33.8688197, 7, "-33.8688197")]
    [InlineData(1.005, 0, "1")]
    public void FixedNumberIsRoundedAndTrimmed(double value, int decimals, string expected)
    {
        Assert.Equal("{\"v\":" + expected + "}", Write(w => w.WriteFixed("v", value, decimals)));
    }

    [Fact]
    public void FixedNumberMatchesDotNetShortestFormForRoundedValues()
    {
        // The cloud re-serialises the double it parsed; the firmware's text must be that same shortest form.
        var random = new Random(20261127);
        for (var i = 0; i < 20_000; i++)
        {
            var decimals = random.Next(0, 8);
            var value = Math.Round((random.NextDouble() - 0.5) * 400, decimals, MidpointRounding.AwayFromZero);
            var firmware = Write(w => w.WriteFixed("v", value, decimals));
            var dotnet = "{\"v\":" + JsonSerializer.Serialize(value == 0 ? 0.0 : value) + "}";
            Assert.True(dotnet == firmware, $"{value.ToString("R", CultureInfo.InvariantCulture)} at {decimals}: firmware {firmware}, .NET {dotnet}");
        }
    }

    [Fact]
    public void AbsentOptionalsAreLeftOut()
    {
        var json = Write(w =>
        {
            w.WriteFixed("a", double.NaN, 2);
            w.WriteOptionalInteger("b", Absent.Int);
            w.WriteString("c", null!);
            w.WriteInteger("d", 4);
        });
        Assert.Equal("{\"d\":4}", json);
    }

    [Fact]
    public void StringsAreEscapedAndUtf8()
    {
        var json = Write(w => w.WriteString("s", "a\"b\\c\n垃圾😀"));
        Assert.Equal("垃圾😀", JsonDocument.Parse(json).RootElement.GetProperty("s").GetString()![6..]);
        Assert.Equal("a\"b\\c\n", JsonDocument.Parse(json).RootElement.GetProperty("s").GetString()![..6]);
    }

    [Fact]
    public void OverflowIsReportedNotThrown()
    {
        var writer = new JsonWriter(new byte[10]);
        writer.BeginObject();
        writer.WriteString("device", "bin-0001");
        writer.EndObject();
        Assert.True(writer.Overflowed);
        Assert.Equal(10, writer.Length);
    }

    [Theory]
    [InlineData(long.MinValue)]
    [InlineData(long.MaxValue)]
    [InlineData(0L)]
    [InlineData(-1L)]
    public void IntegersRoundTrip(long value)
    {
        var json = Write(w => w.WriteInteger("v", value));
        Assert.Equal(value, JsonDocument.Parse(json).RootElement.GetProperty("v").GetInt64());
    }

    private static string Write(Action<JsonWriter> body)
    {
        var writer = new JsonWriter(new byte[256]);
        writer.BeginObject();
        body(writer);
        writer.EndObject();
        Assert.False(writer.Overflowed);
        return Encoding.UTF8.GetString(writer.Buffer, 0, writer.Length);
    }
}
