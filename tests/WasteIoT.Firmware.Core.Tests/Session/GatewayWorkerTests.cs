using System.Diagnostics;
using System.Text.Json;
using WasteIoT.Firmware.Core.Nodes;
using WasteIoT.Firmware.Core.Sensing;
using WasteIoT.Firmware.Core.Session;
using WasteIoT.Firmware.Core.Tests.Fakes;
using WasteIoT.Firmware.Core.Tests.Nodes;

namespace WasteIoT.Firmware.Core.Tests.Session;

/// <summary>The mains nodes' uplink on its own thread: a connect hanging for 40 s costs no scan, badge or fix.</summary>
[Collection(SerialCollection.Name)]
public sealed class GatewayWorkerTests
{
    [Fact]
    public void TruckKeepsEveryScanAndFixWhileTheConnectHangsForFortySeconds()
    {
        var rig = new DeviceRig("truck-07");
        using var transport = new BlockingTransport(rig.Mqtt);
        rig.Transport = transport;
        var context = rig.Boot();
        context.SessionOnOwnThread = true;
        var gnss = new FakeStream();
        var tags = new FakeTags();
        var node = new TruckNode(context, new TruckNodeHardware { Gnss = gnss, TagReader = tags, Cover = new FakeInput(), Indicator = new FakeIndicator() });
        var worker = new GatewayWorker(context.Session);
        worker.Start();
        try
        {
            Assert.True(transport.WaitUntilBlocked(TimeSpan.FromSeconds(10)), "the worker tried to connect");

            // 40 s of driving in 100 ms loop ticks while the connect hangs: a fix a second, a household every 4 s.
            Sense(transport, () =>
            {
                for (var tick = 0; tick < 400; tick++)
                {
                    if (tick % 10 == 0)
                    {
                        gnss.Push(TruckNodeTests.Rmc(tick / 10, 3113.836 + (tick * 0.001), knots: 12));
                    }

                    if (tick % 40 == 5)
                    {
                        tags.Pending.Enqueue($"E28011606000020{tick:D9}");
                    }

                    node.Tick();
                    rig.Clock.Advance(100);
                }
            });

            Assert.True(transport.IsBlocking, "every tick ran while the connect was still hanging");
            transport.Release();
            Drain(rig, context.Session);
        }
        finally
        {
            worker.Stop();
        }

        var scans = transport.Payloads("scan").Select(p => JsonDocument.Parse(p).RootElement.GetProperty("tag").GetString()).Distinct().ToList();
        Assert.Equal(10, scans.Count);
        var positions = transport.Payloads("pos").Select(p => JsonDocument.Parse(p).RootElement.GetProperty("seq").GetInt64()).Distinct().Count();
        Assert.InRange(positions, 39, 40);
        Assert.Equal(0, context.State.Dropped);
        Assert.Equal(0, worker.Failures);
    }

    [Fact]
    public void SiteKeepsEveryBadgeWhileTheConnectHangs()
    {
        var rig = new DeviceRig("site-0001");
        using var transport = new BlockingTransport(rig.Mqtt);
        rig.Transport = transport;
        var context = rig.Boot();
        context.SessionOnOwnThread = true;
        var badges = new FakeTags();
        var node = new SiteNode(context, new SiteNodeHardware { BadgeReader = badges, Indicator = new FakeIndicator(), Nh3 = new FakeAnalog { Volts = 0.41 }, Nh3Calibration = GasCellCalibration.Ze03Nh3() });
        var worker = new GatewayWorker(context.Session);
        worker.Start();
        try
        {
            Assert.True(transport.WaitUntilBlocked(TimeSpan.FromSeconds(10)));
            badges.Pending.Enqueue("04A2B9C1");
            Sense(transport, () =>
            {
                for (var tick = 0; tick < 200; tick++)
                {
                    if (tick == 150)
                    {
                        badges.Pending.Enqueue("04A2B9C1");
                    }

                    node.Tick();
                    rig.Clock.Advance(5_000);
                }
            });

            Assert.True(transport.IsBlocking);
            transport.Release();
            Drain(rig, context.Session);
        }
        finally
        {
            worker.Stop();
        }

        var actions = transport.Payloads("badge").Select(p => JsonDocument.Parse(p).RootElement.GetProperty("action").GetString()).ToList();
        Assert.Equal(["checkIn", "checkOut"], actions);
        Assert.NotEmpty(transport.Payloads("air"));
    }

    /// <summary>Runs the sensing loop; if it stalls behind the hanging connect, the connect is let go and the test fails.</summary>
    private static void Sense(BlockingTransport transport, Action loop)
    {
        var sensing = Task.Run(loop);
        if (!sensing.Wait(TimeSpan.FromSeconds(30)))
        {
            transport.Release();
            Assert.Fail("the sensing loop waited for the uplink's connect");
        }
    }

    private static void Drain(DeviceRig rig, GatewaySession session)
    {
        var wall = Stopwatch.StartNew();
        while (session.Pending > 0 && wall.Elapsed < TimeSpan.FromSeconds(20))
        {
            rig.Clock.Advance(100);
            Thread.Sleep(5);
        }

        Assert.Equal(0, session.Pending);
    }
}
