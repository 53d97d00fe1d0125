using System.Text;
using System.Text.Json;
using WasteIoT.Firmware.Core.Nodes;
using WasteIoT.Firmware.Core.Sensing;
using WasteIoT.Firmware.Core.Tests.Fakes;

namespace WasteIoT.Firmware.Core.Tests.Nodes;

public sealed class BinNodeTests
{
    private readonly DeviceRig _rig = new("bin-0001");
    private readonly FakeRange _range = new();
    private readonly FakeInput _lid = new();

    [Fact]
    public void FirstWakePublishesAReadingAndAHeartbeat()
    {
        var sleep = Wake();
        Assert.Equal(900_000, sleep);
        var fill = Fill().Single();
        Assert.Equal(0.13, fill.GetProperty("fillingLevel").GetDouble(), 2);
        Assert.Single(_rig.Mqtt.Payloads("hb"));
    }

    [Fact]
    public void SmallChangeWaitsForThePublishInterval()
    {
        Wake();
        _range.DistanceMm = 870;
        SleepAndWake(15);
        SleepAndWake(15);
        Assert.Single(Fill());
        SleepAndWake(15);
        SleepAndWake(15);
        Assert.Equal(2, Fill().Count);
    }

    [Fact]
    public void MeaningfulRiseIsPublishedAtOnce()
    {
        Wake();
        _range.DistanceMm = 700;
        SleepAndWake(15);
        Assert.Equal(2, Fill().Count);
        Assert.Equal(0.38, Fill()[1].GetProperty("fillingLevel").GetDouble(), 2);
    }

    [Fact]
    public void EmptyingIsPublishedAtOnce()
    {
        _range.DistanceMm = 400;
        Wake();
        _range.DistanceMm = 990;
        SleepAndWake(15);
        Assert.Equal(2, Fill().Count);
        Assert.True(Fill()[1].GetProperty("fillingLevel").GetDouble() < 0.05);
    }

    [Fact]
    public void LostEchoIsPublishedAsAStatusWithoutLevel()
    {
        Wake();
        _range.Echo = false;
        SleepAndWake(15);
        var lost = Fill()[1];
        Assert.Equal("lost", lost.GetProperty("echo").GetString());
        Assert.Equal("unknown", lost.GetProperty("status").GetString());
        Assert.False(lost.TryGetProperty("fillingLevel", out _));
    }

    [Fact]
    public void OpenLidIsReportedWithoutLevel()
    {
        Wake();
        _lid.IsHigh = true;
        SleepAndWake(15);
        var open = Fill()[1];
        Assert.Equal("lidOpen", open.GetProperty("status").GetString());
        Assert.False(open.TryGetProperty("fillingLevel", out _));
    }

    [Fact]
    public void DeepSleepKeepsTheBootAndSequenceCountsOn()
    {
        Wake();
        _range.DistanceMm = 600;
        SleepAndWake(15);
        var seqs = _rig.Mqtt.Published.Where(p => p.Topic.Contains("/up/", StringComparison.Ordinal))
            .Select(p => JsonDocument.Parse(p.Payload).RootElement)
            .Select(e => (e.GetProperty("boot").GetInt64(), e.GetProperty("seq").GetInt64())).ToList();
        Assert.Equal([(1L, 1L), (1L, 2L), (1L, 3L)], seqs);
    }

    [Fact]
    public void ReadingStaysUnder200Bytes()
    {
        _range.DistanceMm = 333;
        Wake();
        Assert.All(_rig.Mqtt.Payloads("fill"), p => Assert.True(Encoding.UTF8.GetByteCount(p) <= 200, p));
    }

    [Fact]
    public void GatewayDownKeepsReadingsInFlashUntilItReturns()
    {
        _rig.Mqtt.RefuseConnect = true;
        Wake();
        for (var i = 0; i < 4; i++)
        {
            _range.DistanceMm -= 150;
            SleepAndWake(15);
        }

        Assert.Empty(_rig.Mqtt.Payloads("fill"));
        _rig.Mqtt.RefuseConnect = false;
        _range.DistanceMm -= 100;
        SleepAndWake(15);
        Assert.Equal(6, Fill().Count);
    }

    [Fact]
    public void SensorRailAndBatteryDividerAreOnOnlyWhileMeasuring()
    {
        var rail = new FakeSwitch();
        var divider = new FakeSwitch();
        _range.Rail = rail;
        Wake(rail: rail, divider: divider);

        Assert.Equal(0, _range.PingsUnpowered);
        Assert.Equal([true, false], rail.Changes);
        Assert.Equal([true, false], divider.Changes);
        Assert.Single(Fill());
        Assert.Equal(3.6, Fill()[0].GetProperty("battery").GetDouble(), 3);
    }

    private long Wake(bool deepSleep = false, FakeSwitch? rail = null, FakeSwitch? divider = null)
    {
        var hardware = new BinNodeHardware { Range = _range, Climate = new FakeClimate(), Lid = _lid, SensorRail = rail, BatteryDivider = divider };
        var node = new BinNode(_rig.Boot(deepSleep), hardware, new FillLevelCalibration());
        return node.RunWake();
    }

    private void SleepAndWake(int minutes)
    {
        _rig.Clock.Restart(minutes * 60_000L);
        Wake(deepSleep: true);
    }

    private List<JsonElement> Fill() => _rig.Mqtt.Payloads("fill").Select(p => JsonDocument.Parse(p).RootElement).ToList();
}
