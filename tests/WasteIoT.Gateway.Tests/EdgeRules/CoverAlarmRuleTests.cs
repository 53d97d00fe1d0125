using WasteIoT.Contracts.Messages;
using WasteIoT.Gateway.EdgeRules;
using WasteIoT.Gateway.Identity;

namespace WasteIoT.Gateway.Tests.EdgeRules;

public sealed class CoverAlarmRuleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 7, 40, 0, TimeSpan.Zero);
    private readonly NoAlarmOutput _buzzer = new();
    private readonly CoverAlarmRule _rule;
    private long _seq;

    public CoverAlarmRuleTests()
    {
        _rule = new CoverAlarmRule(new GatewayIdentity("gw-truck-07"), new EdgeRuleOptions(), _buzzer);
    }

    [Fact]
    public void CoverOpenWhileDrivingFiresOnceAfter30Seconds()
    {
        Assert.Null(_rule.Observe(Cover(0, CoverState.Open)));
        var alarms = Enumerable.Range(1, 60).Select(s => _rule.Observe(Position(s, 20))).Where(a => a is not null).ToList();

        var alarm = Assert.Single(alarms);
        Assert.Equal("coverOpenWhileMoving", alarm!.Alarm);
        Assert.Equal(T0.AddSeconds(1), alarm.Since);
        Assert.Equal(T0.AddSeconds(32), alarm.Ts);
        Assert.True(_buzzer.IsOn);

        _rule.Observe(Cover(61, CoverState.Closed));
        Assert.False(_buzzer.IsOn);
    }

    [Fact]
    public void ParkedWithCoverOpenOrDrivingClosedNeverFires()
    {
        _rule.Observe(Cover(0, CoverState.Open));
        Assert.All(Enumerable.Range(1, 120), s => Assert.Null(_rule.Observe(Position(s, s % 3))));
        _rule.Observe(Cover(121, CoverState.Closed));
        Assert.All(Enumerable.Range(122, 120), s => Assert.Null(_rule.Observe(Position(s, 40))));
        Assert.False(_buzzer.IsOn);
    }

    [Fact]
    public void ShortBurstsBelowTheDurationDoNotFire()
    {
        _rule.Observe(Cover(0, CoverState.Open));
        for (var lap = 0; lap < 5; lap++)
        {
            var start = lap * 40;
            Assert.All(Enumerable.Range(start, 20), s => Assert.Null(_rule.Observe(Position(s, 15))));
            Assert.All(Enumerable.Range(start + 20, 20), s => Assert.Null(_rule.Observe(Position(s, 0))));
        }
    }

    [Fact]
    public void HeartbeatCarriesTheCoverState()
    {
        _rule.Observe(new DeviceHeartbeat { Device = "truck-07", Boot = 1, Seq = ++_seq, Ts = T0, UptimeS = 10, Fw = "1.0.0", Buffered = 0, Dropped = 0, Cover = CoverState.Open });
        Assert.Single(Enumerable.Range(1, 40).Select(s => _rule.Observe(Position(s, 30))), a => a is not null);
    }

    private CargoCoverEvent Cover(int second, CoverState state) =>
        new() { Device = "truck-07", Boot = 1, Seq = ++_seq, Ts = T0.AddSeconds(second), State = state };

    private TruckPosition Position(int second, double speed) =>
        new() { Device = "truck-07", Boot = 1, Seq = ++_seq, Ts = T0.AddSeconds(second), Lat = 31.23, Lon = 121.47, Speed = speed, Fix = 1 };
}
