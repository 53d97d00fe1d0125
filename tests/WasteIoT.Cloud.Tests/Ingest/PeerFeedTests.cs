using System.Globalization;
using System.Text;
using WasteIoT.Cloud.Ingest;
using WasteIoT.Cloud.Store;
using WasteIoT.Contracts.Messages;
using WasteIoT.Contracts.Serialization;

namespace WasteIoT.Cloud.Tests.Ingest;

/// <summary>What one instance tells a county's others about what it stored: small enough for NOTIFY, read back whole, and hostile text never throws.</summary>
public sealed class PeerFeedTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 26, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public void NoticesCarryEachTrucksNewestFixAndEveryCoverEventUnderTheSizeLimit()
    {
        var batches = Enumerable.Range(0, 30).Select(b => (IReadOnlyList<StoredReading>)[.. Enumerable.Range(0, 40).SelectMany(t => new[]
        {
            Row(Fix($"truck-{t:000}", b, Noon.AddSeconds(b), 30 + (b / 100.0))),
            Row(new BinFillReading { Device = $"bin-{t:0000}", Boot = 1, Seq = b, Ts = Noon.AddSeconds(b), FillingLevel = 0.5, Status = BinStatus.Ok, Echo = EchoStatus.Ok }),
        }).Concat(b % 10 == 0 ? [Row(new CargoCoverEvent { Device = "truck-003", Boot = 1, Seq = 1000 + b, Ts = Noon.AddSeconds(b), State = CoverState.Open })] : [])]).ToList();

        var notices = PeerFeed.Notices("me", batches).ToList();

        Assert.True(notices.Count > 1);
        Assert.All(notices, n => Assert.True(Encoding.UTF8.GetByteCount(n) < 8000, n.Length.ToString(CultureInfo.InvariantCulture)));
        var rows = notices.Select(n => PeerFeed.Read(n)!.Value).SelectMany(n => { Assert.Equal("me", n.From); return n.Rows; }).ToList();
        Assert.Equal(40, rows.Count(r => r.Kind == MessageKinds.Position));
        Assert.All(rows.Where(r => r.Kind == MessageKinds.Position), r => Assert.Equal(Noon.AddSeconds(29), r.Ts));
        Assert.Equal(3, rows.Count(r => r.Kind == MessageKinds.Cover));
        Assert.DoesNotContain(rows, r => r.Kind == MessageKinds.Fill);
        var fix = rows.First(r => r.Device == "truck-007");
        Assert.Equal(Encoding.UTF8.GetString(WireCodec.Encode(Fix("truck-007", 29, Noon.AddSeconds(29), 30.29))), Encoding.UTF8.GetString(fix.Json));
        Assert.Equal(("gw-1", 29L, Noon.AddSeconds(30)), (fix.Gateway, fix.Seq, fix.GatewayRx));
    }

    [Fact]
    public void ABatchOfNothingAViewNeedsStillMakesOneEmptyNotice()
    {
        var notice = Assert.Single(PeerFeed.Notices("me", [[Row(new BinFillReading { Device = "bin-0001", Boot = 1, Seq = 1, Ts = Noon, Status = BinStatus.Ok, Echo = EchoStatus.Ok })]]));
        Assert.Empty(PeerFeed.Read(notice)!.Value.Rows);
    }

    [Fact]
    public void AnyTextThatIsNotANoticeIsRefusedWithoutThrowing()
    {
        var random = new Random(5);
        var fix = Encoding.UTF8.GetString(WireCodec.Encode(Fix("truck-001", 1, Noon, 30.1)));
        string[] hostile = ["", "{", "[]", "null", """{"from":1,"rows":[]}""", """{"from":"x"}""", """{"from":"x","rows":[{"d":"t"}]}""",
            """{"from":"x","rows":[{"d":"truck-001","b":"1","s":1,"k":"pos","t":1,"r":1,"g":"g","m":{}}]}""",
            """{"from":"x","rows":[{"d":"truck-001","b":1,"s":1,"k":"pos","t":1e400,"r":1,"g":"g","m":{}}]}""",
            // Well-formed rows whose message is not what the row says: none, another kind, another device.
            """{"from":"x","rows":[{"d":"truck-001","b":1,"s":1,"k":"cover","t":1,"r":1,"g":"g","m":{}}]}""",
            $$"""{"from":"x","rows":[{"d":"truck-001","b":1,"s":1,"k":"cover","t":1,"r":1,"g":"g","m":{{fix}}}]}""",
            $$"""{"from":"x","rows":[{"d":"truck-002","b":1,"s":1,"k":"pos","t":1,"r":1,"g":"g","m":{{fix}}}]}"""];
        var valid = PeerFeed.Notices("x", [[Row(Fix("truck-001", 1, Noon, 30.1))]]).Single();
        Assert.Single(PeerFeed.Read(valid)!.Value.Rows);
        var mangled = Enumerable.Range(0, 500).Select(_ =>
        {
            var chars = valid.ToCharArray();
            chars[random.Next(chars.Length)] = (char)random.Next(32, 127);
            return new string(chars, 0, random.Next(chars.Length + 1));
        });
        foreach (var text in hostile.Concat(mangled))
        {
            Assert.Null(Record.Exception(() => PeerFeed.Read(text)));
        }

        Assert.All(hostile, text => Assert.Null(PeerFeed.Read(text)));
    }

    private static TruckPosition Fix(string device, long seq, DateTimeOffset ts, double lat) =>
        new() { Device = device, Boot = 1, Seq = seq, Ts = ts, Lat = lat, Lon = 120.1, Speed = 3, Fix = 1 };

    private static StoredReading Row(DeviceMessage message) =>
        new(message.Device, message.Boot, message.Seq, message.Kind, message.Ts, message.Ts.AddSeconds(1), "gw-1", WireCodec.Encode(message));
}
