using System.Text;
using System.Text.Json;
using WasteIoT.Contracts.Serialization;
using WasteIoT.Firmware.Core.Protocol;
using WasteIoT.Firmware.Core.Session;
using WasteIoT.Firmware.Core.Tests.Fakes;

namespace WasteIoT.Firmware.Core.Tests.Session;

public sealed class GatewaySessionTests
{
    [Fact]
    public void ConnectsWithLastWillAndAnnouncesItselfOnline()
    {
        var rig = new DeviceRig("truck-07");
        var session = rig.Boot().Session;
        session.Service();

        Assert.Equal("wiot/v1/dev/truck-07/status", rig.Mqtt.WillTopic);
        Assert.Equal("""{"kind":"status","schema":1,"client":"truck-07","boot":1,"online":false}""", rig.Mqtt.Will);
        var online = Assert.Single(rig.Mqtt.Published);
        Assert.True(online.Retain);
        Assert.Equal("""{"kind":"status","schema":1,"client":"truck-07","boot":1,"online":true,"fw":"1.0.0"}""", online.Payload);
        Assert.Contains("wiot/v1/dev/truck-07/down/#", rig.Mqtt.Subscriptions);
    }

    [Fact]
    public void ABacklogDrainsAtTheRateTheGatewaySet()
    {
        var rig = new DeviceRig("site-t01");
        var context = rig.Boot();
        var session = context.Session;
        session.Service();
        rig.Mqtt.Deliver("wiot/v1/dev/site-t01/down/config", """{"kind":"config","schema":1,"device":"site-t01","revision":7,"maxPublishPerS":10}""");
        Assert.Equal(10, context.State.Config.MaxPublishPerS);
        for (var i = 0; i < 40; i++)
        {
            session.Enqueue(new CargoCoverEvent { State = i % 2 == 0 ? CoverState.Open : CoverState.Closed });
        }

        // A second's worth at once, then ten a second however often the node services its session.
        session.Service();
        Assert.Equal(10, rig.Mqtt.Payloads("cover").Count());
        for (var step = 0; step < 10; step++)
        {
            rig.Clock.Advance(100);
            session.Service();
        }

        Assert.Equal(20, rig.Mqtt.Payloads("cover").Count());
        rig.Clock.Advance(2_000);
        session.Service();
        Assert.Equal(30, rig.Mqtt.Payloads("cover").Count());

        // The rate outlives a reboot: it is kept with the rest of the config.
        Assert.Equal(10, rig.Boot().State.Config.MaxPublishPerS);
    }

    [Fact]
    public void ANodeNeverToldARateKeepsUnderTheGatewaysDefault()
    {
        var rig = new DeviceRig("bin-0001");
        var session = rig.Boot().Session;
        for (var i = 0; i < 60; i++)
        {
            session.Enqueue(new CargoCoverEvent { State = CoverState.Open });
        }

        session.Service();

        Assert.Equal(WasteIoT.Firmware.Core.Protocol.DeviceConfig.DefaultMaxPublishPerS, rig.Mqtt.Payloads("cover").Count());
    }

    [Fact]
    public void MessagesAreStampedAndValidForTheContract()
    {
        var rig = new DeviceRig("bin-0001");
        var session = rig.Boot().Session;
        session.Enqueue(new CargoCoverEvent { State = CoverState.Open });
        session.Enqueue(new CargoCoverEvent { State = CoverState.Closed });
        session.Service();

        var payloads = rig.Mqtt.Payloads("cover").ToList();
        Assert.Equal(2, payloads.Count);
        for (var i = 0; i < payloads.Count; i++)
        {
            var decoded = WireCodec.DecodeDevicePublish("wiot/v1/dev/bin-0001/up/cover", Encoding.UTF8.GetBytes(payloads[i]), DateTimeOffset.FromUnixTimeMilliseconds(rig.Clock.UtcNowMs));
            Assert.True(decoded.IsValid, decoded.Violation?.ToString());
            Assert.Equal(i + 1, decoded.Value.Seq);
            Assert.Equal(1, decoded.Value.Boot);
        }
    }

    [Fact]
    public void UnacknowledgedMessageIsResentAfterReboot()
    {
        var rig = new DeviceRig("bin-0001");
        rig.Mqtt.AutoAck = false;
        var session = rig.Boot().Session;
        session.Enqueue(new CargoCoverEvent { State = CoverState.Open });
        session.Service();
        Assert.Single(rig.Mqtt.Payloads("cover"));

        // Power fails before the PUBACK: the record is still in flash and goes again, unchanged.
        rig.Mqtt.Disconnect();
        rig.Mqtt.AutoAck = true;
        var after = rig.Boot().Session;
        Assert.Equal(1, after.Pending);
        Assert.True(after.Service());
        var sent = rig.Mqtt.Payloads("cover").ToList();
        Assert.Equal(2, sent.Count);
        Assert.Equal(sent[0], sent[1]);
        Assert.Equal(0, after.Pending);
    }

    [Fact]
    public void AcknowledgedMessageIsNotResentAfterClose()
    {
        var rig = new DeviceRig("bin-0001");
        var session = rig.Boot().Session;
        session.Enqueue(new CargoCoverEvent { State = CoverState.Open });
        Assert.True(session.Service());
        session.Close();

        var after = rig.Boot().Session;
        Assert.Equal(0, after.Pending);
        after.Service();
        Assert.Single(rig.Mqtt.Payloads("cover"));
    }

    [Fact]
    public void RunningNodeCheckpointsDeliveryEveryFewSecondsAndResendsOnlyWhatCameAfter()
    {
        var rig = new DeviceRig("site-0001");
        var session = rig.Boot().Session;
        session.Enqueue(new CargoCoverEvent { State = CoverState.Open });
        Assert.True(session.Service());
        rig.Clock.Advance(GatewaySession.CheckpointIntervalMs);
        session.Service();
        session.Enqueue(new CargoCoverEvent { State = CoverState.Closed });
        Assert.True(session.Service());

        // Power cut: the second PUBACK came after the last checkpoint, so that message goes again (receivers deduplicate).
        var after = rig.Boot().Session;
        Assert.Equal(1, after.Pending);
        after.Service();
        Assert.Equal(3, rig.Mqtt.Payloads("cover").Count());
    }

    [Fact]
    public void AcknowledgementsFarOutOfOrderStillEndWithEverythingDelivered()
    {
        var rig = new DeviceRig("truck-0001");
        rig.Mqtt.AutoAck = false;
        var session = rig.Boot().Session;
        for (var i = 0; i < 60; i++)
        {
            session.Enqueue(new CargoCoverEvent { State = CoverState.Open });
        }

        // The first publish's PUBACK is held back while 59 later ones are answered: more than the log keeps out of order.
        session.Service();
        var held = rig.Mqtt.Published.First(p => p.Topic.EndsWith("/up/cover", StringComparison.Ordinal)).PacketId;
        for (var round = 0; round < 100 && rig.Mqtt.Unacked.Count > 0; round++)
        {
            foreach (var id in rig.Mqtt.Unacked.Where(id => id != held).ToList())
            {
                rig.Mqtt.Ack(id);
            }

            rig.Clock.Advance(1000);
            session.Service();
            if (rig.Mqtt.Unacked.Count == 1)
            {
                rig.Mqtt.Ack(held);
                rig.Clock.Advance(1000);
                session.Service();
            }
        }

        Assert.Equal(0, session.Pending);
        Assert.True(rig.Mqtt.Payloads("cover").Count() > 60, $"the records whose acknowledgements were not kept went again: {rig.Mqtt.Payloads("cover").Count()} sent, {rig.Mqtt.Unacked.Count} unacked");
    }

    [Fact]
    public void LostConnectionResendsInFlightAndBacksOff()
    {
        var rig = new DeviceRig("bin-0001");
        rig.Mqtt.AutoAck = false;
        var session = rig.Boot().Session;
        for (var i = 0; i < 6; i++)
        {
            session.Enqueue(new CargoCoverEvent { State = CoverState.Open });
        }

        session.Service();
        Assert.Equal(4, rig.Mqtt.Payloads("cover").Count());

        rig.Mqtt.Drop();
        rig.Mqtt.AutoAck = true;
        Assert.False(session.Service(), "backing off");
        rig.Clock.Advance(1_000);
        Assert.True(session.Service());
        Assert.Equal(10, rig.Mqtt.Payloads("cover").Count());
        Assert.Equal(0, session.Pending);
    }

    [Fact]
    public void BackoffGrowsWithJitterUpToItsCap()
    {
        var backoff = new Backoff(new Random(7)) { BaseMs = 1_000, MaxMs = 60_000 };
        var delays = Enumerable.Range(0, 12).Select(_ => backoff.Fail()).ToList();
        for (var i = 0; i < delays.Count; i++)
        {
            var ceiling = Math.Min(60_000, 1_000L << i);
            Assert.InRange(delays[i], ceiling / 2, ceiling);
        }

        backoff.Succeed();
        Assert.InRange(backoff.Fail(), 500, 1_000);
    }

    [Fact]
    public void RefusedConnectionRetriesOnlyAfterTheBackoff()
    {
        var rig = new DeviceRig("bin-0001");
        rig.Mqtt.RefuseConnect = true;
        var session = rig.Boot().Session;
        session.Service();
        session.Service();
        Assert.Equal(1, rig.Mqtt.Connects);
        rig.Clock.Advance(1_001);
        session.Service();
        Assert.Equal(2, rig.Mqtt.Connects);
    }

    [Fact]
    public void NewerConfigIsAppliedAndSurvivesReboot()
    {
        var rig = new DeviceRig("bin-0001");
        var session = rig.Boot().Session;
        session.Service();
        rig.Mqtt.Deliver("wiot/v1/dev/bin-0001/down/config", """{"kind":"config","schema":1,"device":"bin-0001","revision":4,"publishIntervalS":1800}""");
        rig.Mqtt.Deliver("wiot/v1/dev/bin-0001/down/config", """{"kind":"config","schema":1,"device":"bin-0001","revision":3,"publishIntervalS":60}""");
        rig.Mqtt.Deliver("wiot/v1/dev/bin-0001/down/config", """{"kind":"config","schema":1,"device":"bin-0001","revision":5,"publishIntervalS":-1}""");
        rig.Mqtt.Deliver("wiot/v1/dev/bin-0001/down/config", "{not json");

        var state = rig.Boot().State;
        Assert.Equal(4, state.Config.Revision);
        Assert.Equal(1800, state.Config.PublishIntervalS);
    }

    [Fact]
    public void SequenceRestartsWithANewBootAndContinuesAfterDeepSleep()
    {
        var rig = new DeviceRig("bin-0001");
        var ctx = rig.Boot();
        ctx.Session.Enqueue(new CargoCoverEvent());
        ctx.Session.Enqueue(new CargoCoverEvent());
        ctx.State.Save();

        var woke = rig.Boot(wokeFromDeepSleep: true);
        woke.Session.Enqueue(new CargoCoverEvent());
        woke.State.Save();

        var reset = rig.Boot(wokeFromDeepSleep: false);
        reset.Session.Enqueue(new CargoCoverEvent());
        reset.Session.Service();

        var keys = rig.Mqtt.Payloads("cover")
            .Select(p => JsonDocument.Parse(p).RootElement)
            .Select(e => (e.GetProperty("boot").GetInt64(), e.GetProperty("seq").GetInt64()))
            .ToList();
        Assert.Equal([(1L, 1L), (1L, 2L), (1L, 3L), (2L, 1L)], keys);
    }
}
