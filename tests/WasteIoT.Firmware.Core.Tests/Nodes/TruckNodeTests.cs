using System.Text.Json;
using WasteIoT.Firmware.Core.Hardware;
using WasteIoT.Firmware.Core.Nodes;
using WasteIoT.Firmware.Core.Tests.Fakes;
using static WasteIoT.Firmware.Core.Tests.Gnss.NmeaTestFeed;

namespace WasteIoT.Firmware.Core.Tests.Nodes;

[Collection(SerialCollection.Name)]
public sealed class TruckNodeTests
{
    private readonly DeviceRig _rig = new("truck-07");
    private readonly FakeStream _gnss = new();
    private readonly FakeTags _tags = new();
    private readonly FakeInput _cover = new();
    private readonly FakeIndicator _indicator = new();
    private readonly TruckNode _node;

    public TruckNodeTests()
    {
        _node = new TruckNode(_rig.Boot(), new TruckNodeHardware { Gnss = _gnss, TagReader = _tags, Cover = _cover, Indicator = _indicator });
    }

    [Fact]
    public void DrivingProducesOnePositionPerSecond()
    {
        for (var s = 0; s < 10; s++)
        {
            _gnss.Push(Rmc(s, 3113.836 + (s * 0.01), knots: 12));
            Run(1_000);
        }

        var positions = Kind("pos");
        Assert.InRange(positions.Count, 9, 10);
        Assert.Equal(22.2, positions[0].GetProperty("speed").GetDouble(), 1);
        Assert.Equal(31 + (13.836 / 60), positions[0].GetProperty("lat").GetDouble(), 7);
    }

    [Fact]
    public void ScanCarriesTheLatestFixAndGetsFeedback()
    {
        _gnss.Push(Rmc(0, 3113.836, knots: 0));
        _gnss.Push(Rmc(1, 3113.836, knots: 0));
        Run(200);
        _tags.Pending.Enqueue("E2801160600002084F6D1A3C");
        _tags.Pending.Enqueue("E2801160600002084F6D1A3C");
        Run(300);

        var scan = Assert.Single(Kind("scan"));
        Assert.Equal("E2801160600002084F6D1A3C", scan.GetProperty("tag").GetString());
        Assert.Equal(31 + (13.836 / 60), scan.GetProperty("lat").GetDouble(), 7);
        Assert.Contains(FeedbackPattern.Read, _indicator.Shown);

        _rig.Mqtt.Deliver("wiot/v1/dev/truck-07/down/scanResult", $$"""{"kind":"scanResult","schema":1,"device":"truck-07","boot":1,"seq":{{scan.GetProperty("seq").GetInt64()}},"tag":"E2801160600002084F6D1A3C","outcome":"notOnRoute"}""");
        Assert.Equal(FeedbackPattern.NotOnRoute, _indicator.Shown[^1]);
    }

    [Fact]
    public void ScanWithoutFixIsStillAScan()
    {
        _tags.Pending.Enqueue("E28011606000AA");
        Run(100);
        var scan = Assert.Single(Kind("scan"));
        Assert.False(scan.TryGetProperty("lat", out _));
        Run(2_500);
        Assert.Equal(FeedbackPattern.Unconfirmed, _indicator.Shown[^1]);
    }

    [Fact]
    public void CoverChatterIsOneEventAndHeartbeatCarriesTheState()
    {
        Run(1_500);
        for (var i = 0; i < 10; i++)
        {
            _cover.IsHigh = !_cover.IsHigh;
            Run(100);
        }

        _cover.IsHigh = true;
        Run(1_500);
        var states = Kind("cover").Select(c => c.GetProperty("state").GetString()).ToList();
        Assert.Equal(["closed", "open"], states);
        Assert.Equal("closed", Kind("hb")[0].GetProperty("cover").GetString());
    }

    [Fact]
    public void RetainedMemoryDoesNotGrowWithUptime()
    {
        long Retained()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            return GC.GetTotalMemory(true);
        }

        _rig.Mqtt.Published.Capacity = 0;
        void Drive(int seconds)
        {
            for (var s = 0; s < seconds; s++)
            {
                _gnss.Push(Rmc(s % 86_000, 3113.836 + ((s % 100) * 0.01), knots: 12));
                if (s % 7 == 0)
                {
                    _tags.Pending.Enqueue($"E2801160600002084F6D{s % 5000:X4}");
                }

                _cover.IsHigh = s % 60 < 30;
                Run(1_000);
                _rig.Mqtt.Published.Clear();
            }
        }

        Drive(5_000);
        var warm = Retained();
        Drive(10_000);
        var middle = Retained();
        Drive(10_000);
        var late = Retained();
        Assert.True(late - middle < 32 * 1024, $"retained memory: {warm} after warm-up, {middle} and {late} bytes 10,000 s apart");
    }

    private void Run(int milliseconds)
    {
        for (var t = 0; t < milliseconds; t += 100)
        {
            _rig.Clock.Advance(100);
            _node.Tick();
        }
    }

    private List<JsonElement> Kind(string kind) => _rig.Mqtt.Payloads(kind).Select(p => JsonDocument.Parse(p).RootElement).ToList();

    internal static string Rmc(int second, double latMinutes, double knots)
    {
        var t = TimeSpan.FromSeconds((7 * 3600) + second);
        var lat = latMinutes.ToString("0000.00000", System.Globalization.CultureInfo.InvariantCulture);
        var speed = knots.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        return Sentence($"GNRMC,{t.Hours:00}{t.Minutes:00}{t.Seconds:00}.00,A,{lat},N,12128.44407,E,{speed},87.5,271126,,,A");
    }
}
