using System.Text.Json;
using WasteIoT.Firmware.Core.Hardware;
using WasteIoT.Firmware.Core.Nodes;
using WasteIoT.Firmware.Core.Sensing;
using WasteIoT.Firmware.Core.Tests.Fakes;

namespace WasteIoT.Firmware.Core.Tests.Nodes;

public sealed class SiteNodeTests
{
    private readonly DeviceRig _rig = new("site-t01");
    private readonly FakeAnalog _nh3 = new() { Volts = 0.400 };
    private readonly FakeAnalog _h2s = new() { Volts = 0.200 };
    private readonly FakeTags _badges = new();
    private readonly FakeInput _button = new();
    private readonly FakeIndicator _indicator = new();
    private readonly SiteNode _node;

    public SiteNodeTests()
    {
        var hardware = new SiteNodeHardware
        {
            Nh3 = _nh3,
            Nh3Calibration = new GasCellCalibration(0.400, 0.010, GasCellCalibration.MolarMassNh3) { WarmUpMs = 400_000 },
            H2s = _h2s,
            H2sCalibration = new GasCellCalibration(0.200, 0.500, GasCellCalibration.MolarMassH2s) { WarmUpMs = 180_000 },
            Climate = new FakeClimate(),
            BadgeReader = _badges,
            DisinfectButton = _button,
            Indicator = _indicator,
        };
        var context = _rig.Boot();
        context.State.Config.PublishIntervalS = 300;
        _node = new SiteNode(context, hardware);
    }

    [Fact]
    public void CleaningVisitIsCheckInThenCheckOut()
    {
        _badges.Pending.Enqueue("04A2B9C1");
        Run(1_000);
        Run(12 * 60_000);
        _badges.Pending.Enqueue("04A2B9C1");
        Run(1_000);

        var events = Kind("badge");
        Assert.Equal(["checkIn", "checkOut"], events.Select(e => e.GetProperty("action").GetString()));
        Assert.InRange(events[1].GetProperty("dwellS").GetInt32(), 720, 722);
        Assert.Equal([FeedbackPattern.CheckedIn, FeedbackPattern.CheckedOut], _indicator.Shown);
    }

    [Fact]
    public void Sds011IsToldItsWorkPeriodOnceAtStart()
    {
        var rig = new DeviceRig("site-0003");
        var dust = new FakeStream();
        var node = new SiteNode(rig.Boot(), new SiteNodeHardware { Dust = dust, DustParser = new Sds011Parser() });
        for (var t = 0; t < 10; t++)
        {
            node.Tick();
            rig.Clock.Advance(200);
        }

        var command = Assert.Single(dust.Written);
        Assert.Equal([0xAA, 0xB4, 0x08, 0x01, (byte)SiteNode.DustWorkPeriodMinutes], command[..5]);
    }

    [Fact]
    public void AirReadingStatesEachCellsResolution()
    {
        var rig = new DeviceRig("site-0002");
        var context = rig.Boot();
        context.State.Config.PublishIntervalS = 300;
        var node = new SiteNode(context, new SiteNodeHardware
        {
            Nh3 = new FakeAnalog { Volts = 0.416 },
            Nh3Calibration = GasCellCalibration.Ze03Nh3(),
            H2s = new FakeAnalog { Volts = 0.4 },
            H2sCalibration = GasCellCalibration.Ze03H2s(),
        });
        for (var t = 0; t < 1600; t++)
        {
            node.Tick();
            rig.Clock.Advance(200);
        }

        var air = JsonDocument.Parse(rig.Mqtt.Payloads("air").First()).RootElement;
        Assert.Equal(0.697, air.GetProperty("nh3").GetDouble(), 2);
        Assert.Equal(0, air.GetProperty("sh2").GetDouble());
        Assert.Equal(0.07, air.GetProperty("nh3Resolution").GetDouble());
        Assert.Equal(0.014, air.GetProperty("sh2Resolution").GetDouble());
    }

    [Fact]
    public void OdourIsAveragedAndFlaggedDuringWarmUp()
    {
        _nh3.Volts = 0.410;
        Run(5 * 60_000 + 200);
        _nh3.Volts = 0.420;
        Run(5 * 60_000);

        var air = Kind("air");
        Assert.Equal(2, air.Count);
        Assert.True(air[0].GetProperty("warmingUp").GetBoolean());
        Assert.Equal(0.70, air[0].GetProperty("nh3").GetDouble(), 2);
        Assert.False(air[1].GetProperty("warmingUp").GetBoolean());
        Assert.Equal(0, air[1].GetProperty("sh2").GetDouble());
    }

    [Fact]
    public void DisinfectionButtonRecordsTheCleanerOnSite()
    {
        _badges.Pending.Enqueue("04A2B9C1");
        Run(500);
        _button.IsHigh = true;
        Run(500);
        _button.IsHigh = false;
        Run(500);
        var record = Assert.Single(Kind("disinfect"));
        Assert.Equal("04A2B9C1", record.GetProperty("badge").GetString());
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
}
