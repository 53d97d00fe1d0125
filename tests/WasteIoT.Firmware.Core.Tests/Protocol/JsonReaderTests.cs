using System.Text;
using WasteIoT.Firmware.Core.Protocol;

namespace WasteIoT.Firmware.Core.Tests.Protocol;

public sealed class JsonReaderTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("[]")]
    [InlineData("{")]
    [InlineData("{\"a\":1")]
    [InlineData("{\"a\" 1}")]
    [InlineData("{\"a\":1,}")]
    [InlineData("{\"a\":01}")]
    [InlineData("{\"a\":1.}")]
    [InlineData("{\"a\":-}")]
    [InlineData("{\"a\":1e}")]
    [InlineData("{\"a\":tru}")]
    [InlineData("{\"a\":\"x}")]
    [InlineData("{\"a\":\"\\q\"}")]
    [InlineData("{\"a\":\"\\u12G4\"}")]
    [InlineData("{\"a\":\"tab\there\"}")]
    [InlineData("{\"a\":1}garbage")]
    [InlineData("{\"a\":1,\"a\":2}")]
    [InlineData("{\"a\":[1,2}")]
    [InlineData("{\"a\":[[[[[[[[[[1]]]]]]]]]]}")]
    [InlineData("{a:1}")]
    public void MalformedJsonIsAnErrorNotAnException(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new JsonReader(64);
        Assert.False(reader.TryParseObject(bytes, 0, bytes.Length, new JsonFields()));
        Assert.False(string.IsNullOrEmpty(reader.Error));
    }

    [Theory]
    [InlineData(new byte[] { 0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC3, 0x22, 0x7D })]
    [InlineData(new byte[] { 0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC0, 0xAF, 0x22, 0x7D })]
    [InlineData(new byte[] { 0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x7D })]
    [InlineData(new byte[] { 0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D })]
    public void InvalidUtf8IsRefused(byte[] bytes)
    {
        var reader = new JsonReader(64);
        Assert.False(reader.TryParseObject(bytes, 0, bytes.Length, new JsonFields()));
        Assert.Contains("UTF-8", reader.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadsEveryValueKind()
    {
        var json = " { \"s\" : \"a\\u00e9\\n\\\"\" , \"i\":-42,\"d\":31.2304167,\"e\":1.5E-3,\"t\":true,\"f\":false,\"n\":null,\"o\":{\"x\":[1,{}]},\"a\":[] } ";
        var bytes = Encoding.UTF8.GetBytes(json);
        var fields = new JsonFields();
        var reader = new JsonReader(64);
        Assert.True(reader.TryParseObject(bytes, 0, bytes.Length, fields), reader.Error);

        Assert.True(fields.TryGetString("s", out var s));
        Assert.Equal("aé\n\"", s);
        Assert.True(fields.TryGetLong("i", out var i));
        Assert.Equal(-42, i);
        Assert.True(fields.TryGetDouble("d", out var d));
        Assert.Equal(31.2304167, d);
        Assert.True(fields.TryGetDouble("e", out var e));
        Assert.Equal(0.0015, e);
        Assert.False(fields.TryGetLong("e", out _), "an exponent makes a number non-integer");
        Assert.True(fields.TryGetBool("t", out var t) && t);
        Assert.True(fields.TryGetBool("f", out var f) && !f);
        Assert.Equal(JsonValueKind.Null, fields.KindAt(fields.IndexOf("n")));
        Assert.Equal(JsonValueKind.Object, fields.KindAt(fields.IndexOf("o")));
        Assert.Equal(JsonValueKind.Array, fields.KindAt(fields.IndexOf("a")));
        Assert.False(fields.TryGetString("i", out _), "a number is not a string");
    }

    [Fact]
    public void ParsedDoublesAreCorrectlyRoundedForDeviceValues()
    {
        var random = new Random(7);
        var reader = new JsonReader(64);
        var fields = new JsonFields();
        for (var k = 0; k < 20_000; k++)
        {
            var decimals = random.Next(0, 8);
            var text = Math.Round((random.NextDouble() - 0.5) * 360, decimals).ToString("F" + decimals, System.Globalization.CultureInfo.InvariantCulture);
            var bytes = Encoding.UTF8.GetBytes("{\"v\":" + text + "}");
            Assert.True(reader.TryParseObject(bytes, 0, bytes.Length, fields), reader.Error);
            Assert.True(fields.TryGetDouble("v", out var parsed));
            Assert.Equal(double.Parse(text, System.Globalization.CultureInfo.InvariantCulture), parsed);
        }
    }

    [Fact]
    public void TooManyPropertiesIsAnError()
    {
        var json = "{" + string.Join(",", Enumerable.Range(0, JsonFields.Capacity + 1).Select(i => $"\"p{i}\":{i}")) + "}";
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new JsonReader(64);
        Assert.False(reader.TryParseObject(bytes, 0, bytes.Length, new JsonFields()));
    }

    [Fact]
    public void StringLongerThanScratchIsAnError()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"tag\":\"" + new string('A', 100) + "\"}");
        var reader = new JsonReader(32);
        Assert.False(reader.TryParseObject(bytes, 0, bytes.Length, new JsonFields()));
    }

    [Fact]
    public void ParsesWithinABufferSlice()
    {
        var bytes = Encoding.UTF8.GetBytes("xx{\"a\":1}yy");
        var fields = new JsonFields();
        Assert.True(new JsonReader(16).TryParseObject(bytes, 2, bytes.Length - 4, fields));
        Assert.True(fields.TryGetLong("a", out var a) && a == 1);
    }
}
