using System.Globalization;
using System.Text;
using WasteIoT.Cloud.Ingest;
using WasteIoT.Cloud.Store;

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
            Row($"truck-{t:000}", b, "pos", Noon.AddSeconds(b), $$"""{"kind":"pos","schema":1,"device":"truck-{{t:000}}","boot":1,"seq":{{b}},"ts":"2026-11-26T04:00:{{b:00}}Z","lat":30.{{b}},"lon":120.1,"speed":3,"fix":1}"""),
            Row($"bin-{t:0000}", b, "fill", Noon.AddSeconds(b), """{"kind":"fill"}"""),
        }).Concat(b % 10 == 0 ? [Row("truck-003", 1000 + b, "cover", Noon.AddSeconds(b), $$"""{"kind":"cover","seq":{{b}}}""")] : [])]).ToList();

        var notices = PeerFeed.Notices("me", batches).ToList();

        Assert.True(notices.Count > 1);
        Assert.All(notices, n => Assert.True(Encoding.UTF8.GetByteCount(n) < 8000, n.Length.ToString(CultureInfo.InvariantCulture)));
        var rows = notices.Select(n => PeerFeed.Read(n)!.Value).SelectMany(n => { Assert.Equal("me", n.From); return n.Rows; }).ToList();
        Assert.Equal(40, rows.Count(r => r.Kind == "pos"));
        Assert.All(rows.Where(r => r.Kind == "pos"), r => Assert.Equal(Noon.AddSeconds(29), r.Ts));
        Assert.Equal(3, rows.Count(r => r.Kind == "cover"));
        Assert.DoesNotContain(rows, r => r.Kind == "fill");
        var fix = rows.First(r => r.Device == "truck-007");
        Assert.Equal("""{"kind":"pos","schema":1,"device":"truck-007","boot":1,"seq":29,"ts":"2026-11-26T04:00:29Z","lat":30.29,"lon":120.1,"speed":3,"fix":1}""", Encoding.UTF8.GetString(fix.Json));
        Assert.Equal(("gw-1", 29L, Noon.AddSeconds(29).AddSeconds(1)), (fix.Gateway, fix.Seq, fix.GatewayRx));
    }

    [Fact]
    public void ABatchOfNothingAViewNeedsStillMakesOneEmptyNotice()
    {
        var notice = Assert.Single(PeerFeed.Notices("me", [[Row("bin-0001", 1, "fill", Noon, """{"kind":"fill"}""")]]));
        Assert.Empty(PeerFeed.Read(notice)!.Value.Rows);
    }

    [Fact]
    public void AnyTextThatIsNotANoticeIsRefusedWithoutThrowing()
    {
        var random = new Random(5);
        string[] hostile = ["", "{", "[]", "null", """{"from":1,"rows":[]}""", """{"from":"x"}""", """{"from":"x","rows":[{"d":"t"}]}""",
            """{"from":"x","rows":[{"d":"t","b":"1","s":1,"k":"pos","t":1,"r":1,"g":"g","m":{}}]}""", """{"from":"x","rows":[{"d":"t","b":1,"s":1,"k":"pos","t":1e400,"r":1,"g":"g","m":{}}]}"""];
        var valid = PeerFeed.Notices("x", [[Row("truck-001", 1, "pos", Noon, """{"kind":"pos"}""")]]).Single();
        var mangled = Enumerable.Range(0, 500).Select(_ =>
        {
            var chars = valid.ToCharArray();
            chars[random.Next(chars.Length)] = (char)random.Next(32, 127);
            return new string(chars, 0, random.Next(chars.Length + 1));
        });
        foreach (var text in hostile.Concat(mangled))
        {
            var read = PeerFeed.Read(text);
            Assert.True(read is null || read.Value.Rows.All(r => r.Device.Length > 0 || r.Device.Length == 0), text);
        }

        Assert.All(hostile, text => Assert.Null(PeerFeed.Read(text)));
    }

    private static StoredReading Row(string device, long seq, string kind, DateTimeOffset ts, string json) =>
        new(device, 1, seq, kind, ts, ts.AddSeconds(1), "gw-1", Encoding.UTF8.GetBytes(json));
}
