using System.Globalization;
using WasteIoT.Firmware.Core.Protocol;
using WasteIoT.Firmware.Core.Session;
using WasteIoT.Firmware.Core.Storage;
using WasteIoT.Firmware.Core.Tests.Fakes;
using WasteIoT.Testing;
using Xunit.Abstractions;

namespace WasteIoT.Firmware.Core.Tests.Storage;

/// <summary>
/// Flash wear of each node's day, through the real session and log on the littlefs wear model: the figures in the
/// flash table of hardware/README.md are recomputed here and must match it.
/// </summary>
public sealed class FlashLifeTests(ITestOutputHelper output)
{
    [Fact]
    public void HardwareReadmeFlashTableIsWhatTheModelGives()
    {
        var rows = new[] { BinDay(), SiteDay(), TruckDay() };
        var readme = File.ReadAllText(RepositoryRoot.Combine("hardware", "README.md"));
        foreach (var row in rows)
        {
            output.WriteLine(row);
        }

        foreach (var row in rows)
        {
            Assert.Contains(row, readme, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EachNodesLogFitsTheConfigPartitionOfItsModuleWithRoomForLittleFs()
    {
        var config = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "nanoframework", "partitions.tsv"))
            .Select(l => l.Split('\t'))
            .Where(c => c[1] == "config" && c[0].StartsWith("esp32/", StringComparison.Ordinal))
            .ToDictionary(c => c[0], c => int.Parse(c[7], CultureInfo.InvariantCulture));
        Assert.Equal(LogLayout.Config4MbBytes, config["esp32/partitions_nanoclr_4mb.csv"]);
        Assert.Equal(LogLayout.Config8MbBytes, config["esp32/partitions_nanoclr_8mb.csv"]);
        foreach (var layout in new[] { LogLayout.BinNode(), LogLayout.SiteNode(), LogLayout.TruckNode() })
        {
            var table = layout.Module.Contains("(8 MB)", StringComparison.Ordinal) ? "esp32/partitions_nanoclr_8mb.csv" : "esp32/partitions_nanoclr_4mb.csv";
            Assert.Equal(config[table], layout.PartitionBytes);
            Assert.True(layout.CapacityBytes <= layout.PartitionBytes * 3 / 4, $"{layout.Module}: {layout.CapacityBytes} of {layout.PartitionBytes}");
        }
    }

    [Fact]
    public void AppendOnlyLogOutlivesTheInPlaceRingByOrdersOfMagnitude()
    {
        // The in-place ring it replaces: a 1 MiB file with a slot rewritten mid-file per record and a status byte per
        // acknowledgement; littlefs copies the block written and every block after it (half the file on average).
        var meter = new LittleFsWearMeter();
        var ringBlocks = (1 << 20) / meter.BlockBytes;
        var ringErasesPerRecord = 2 * ((ringBlocks + 1) / 2.0);
        var (_, _, erasesPerRecord, _) = Run("truck", LogLayout.TruckNode(), TruckSchedule(), 1, saveStateEveryWake: false);
        Assert.True(ringErasesPerRecord / erasesPerRecord > 100, $"{ringErasesPerRecord} vs {erasesPerRecord:F2} erases per record");
        var readme = File.ReadAllText(RepositoryRoot.Combine("hardware", "README.md"));
        var (_, _, running, _) = Run("truck node", LogLayout.TruckNode(), TruckSchedule(), 0, saveStateEveryWake: false);
        var stated = string.Create(CultureInfo.InvariantCulture, $"about {ringErasesPerRecord:N0} erases per record instead of {running:F2}");
        Assert.True(readme.Contains(stated, StringComparison.Ordinal), stated);
    }

    [Fact]
    public void DocsStateHowManyPositionsTheTrucksLogHolds()
    {
        // A position as the session stores it: record header, kind, and the JSON of docs/protocol.md's example.
        var writer = new JsonWriter(new byte[MessageCodec.MaxPayloadBytes]);
        var position = new TruckPosition { Device = "truck-07", Boot = 12, Seq = 5003, Timestamp = 1_795_765_263_000, Lat = 31.2304167, Lon = 121.4737011, Speed = 23.4, Heading = 87.5, Hdop = 0.9, Sats = 11 };
        var record = SegmentLog.HeaderSize + 1 + TruckPosition.KindName.Length + MessageCodec.Encode(position, writer);
        var held = LogLayout.TruckNode().CapacityBytes / record / 100 * 100;
        output.WriteLine($"{record} B a position; {held} positions in the truck's log");
        var text = string.Create(CultureInfo.InvariantCulture, $"about {held:N0} positions");
        Assert.Contains(text, File.ReadAllText(RepositoryRoot.Combine("hardware", "README.md")), StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{text} (≈ {record} B each"), File.ReadAllText(RepositoryRoot.Combine("hardware", "README.md")), StringComparison.Ordinal);
        Assert.Contains(text, File.ReadAllText(RepositoryRoot.Combine("docs", "gateway.md")), StringComparison.Ordinal);
    }

    private static string BinDay()
    {
        // 96 wakes a day (measure every 15 min): the state file is saved on each; an hourly fill reading and heartbeat
        // are published and the session closed (the cursor checkpointed) before sleeping.
        var schedule = new List<(long AtMs, DeviceMessage Message)>();
        for (var hour = 0; hour < 24; hour++)
        {
            schedule.Add((hour * 3_600_000L, new BinFillReading { FillingLevel = 0.42, DistanceMm = 812, Temperature = 18.5, Battery = 3.6, Echo = EchoStatus.Ok, Status = BinStatus.Ok }));
            schedule.Add((hour * 3_600_000L, Heartbeat()));
        }

        return Row("bin node", LogLayout.BinNode(), schedule, closeAfterEach: true, saveStateEveryWake: true);
    }

    private static string SiteDay()
    {
        var schedule = new List<(long AtMs, DeviceMessage Message)>();
        for (var minute = 0; minute < 1440; minute += 5)
        {
            schedule.Add((minute * 60_000L, new SiteAirReading { Nh3 = 0.21, Sh2 = 0.004, Pm25 = 18, Pm10 = 31, Temperature = 21.5, RelativeHumidity = 0.55 }));
        }

        for (var hour = 0; hour < 24; hour++)
        {
            schedule.Add((hour * 3_600_000L + 1_000, Heartbeat()));
        }

        for (var visit = 0; visit < 12; visit++)
        {
            var at = (6 * 3_600_000L) + (visit * 3_600_000L);
            schedule.Add((at, new CleanerBadgeEvent { Badge = "04A1B2C3D4", Action = BadgeAction.CheckIn }));
            schedule.Add((at + 900_000, new CleanerBadgeEvent { Badge = "04A1B2C3D4", Action = BadgeAction.CheckOut, DwellS = 900 }));
            if (visit % 2 == 0)
            {
                schedule.Add((at + 600_000, new DisinfectionRecord { Badge = "04A1B2C3D4" }));
            }
        }

        return Row("site node", LogLayout.SiteNode(), schedule, closeAfterEach: false, saveStateEveryWake: false);
    }

    private static string TruckDay() => Row("truck node", LogLayout.TruckNode(), TruckSchedule(), closeAfterEach: false, saveStateEveryWake: false);

    private static List<(long AtMs, DeviceMessage Message)> TruckSchedule()
    {
        // A 10-hour shift from 06:00: 8 h moving (a position a second), 2 h at pickups (every 30 s), 600 pickup scans;
        // parked the other 14 h (every 30 s); a heartbeat every 5 minutes; 20 cover changes.
        var schedule = new List<(long AtMs, DeviceMessage Message)>();
        for (var s = 0L; s < 86_400; s++)
        {
            var shift = s is >= 6 * 3600 and < 16 * 3600;
            var moving = shift && (s - (6 * 3600)) % 600 < 480;
            if (moving || s % 30 == 0)
            {
                schedule.Add((s * 1000, new TruckPosition { Lat = 28.6512345, Lon = 115.8912345, Speed = moving ? 23.4 : 0, Heading = 181.5, Hdop = 0.9, Sats = 14 }));
            }

            if (shift && s % 60 == 7)
            {
                schedule.Add((s * 1000, new PickupScan { Tag = "E2000017221101441890ABCD", Lat = 28.6512345, Lon = 115.8912345 }));
            }

            if (s % 300 == 0)
            {
                schedule.Add((s * 1000, Heartbeat()));
            }

            if (shift && s % 1800 == 0)
            {
                schedule.Add((s * 1000, new CargoCoverEvent { State = CoverState.Closed }));
            }
        }

        return schedule;
    }

    private static DeviceHeartbeat Heartbeat() => new() { UptimeS = 86_400, Battery = 3.6, Rssi = -67, Fw = "1.0.0", Buffered = 0, Dropped = 0 };

    private static string Row(string node, LogLayout layout, List<(long AtMs, DeviceMessage Message)> schedule, bool closeAfterEach, bool saveStateEveryWake)
    {
        var (records, programmedPerRecord, erasesPerRecord, erasesPerDay) = Run(node, layout, schedule, closeAfterEach ? 1 : 0, saveStateEveryWake);
        var meter = new LittleFsWearMeter();
        var life = meter.LifeYears(erasesPerDay, layout.PartitionBytes);
        return string.Create(CultureInfo.InvariantCulture,
            $"| {node} | {layout.Module} | {layout.PartitionBytes / 1024} KiB | {layout.CapacityBytes / 1024} KiB | {records:N0} | {programmedPerRecord:N0} B | {erasesPerRecord:F2} | {erasesPerDay:N0} | {life:N0} years |");
    }

    private static (int Records, double ProgrammedPerRecord, double ErasesPerRecord, double ErasesPerDay) Run(
        string node, LogLayout layout, List<(long AtMs, DeviceMessage Message)> schedule, int closeAfterEach, bool saveStateEveryWake)
    {
        var meter = new LittleFsWearMeter();
        var clock = new FakeClock(DeviceRig.Start);
        var mqtt = new FakeMqtt();
        var state = new DeviceState(new MemoryFlashRegion(1024));
        state.BeginBoot(false, clock.UtcNowMs);
        var log = layout.Create(new MemorySegmentStore(meter), new MemorySegmentStore(meter));
        log.Mount();
        var session = new GatewaySession(mqtt, log, state, clock, new Random(1), node, "secret", "1.0.0", 8);
        var ordered = schedule.OrderBy(s => s.AtMs).ToList();
        var next = 0;
        for (var now = 0L; now < 86_400_000; now += 1000)
        {
            clock.Advance(now - clock.UptimeMs);
            if (saveStateEveryWake && now % 900_000 == 0)
            {
                meter.Rewrite(1024);
            }

            while (next < ordered.Count && ordered[next].AtMs <= now)
            {
                session.Enqueue(ordered[next++].Message);
                if (closeAfterEach == 1 && (next == ordered.Count || ordered[next].AtMs > now))
                {
                    session.Service();
                    session.Close();
                }
            }

            if (closeAfterEach == 0)
            {
                session.Service();
            }
        }

        Assert.Equal(0, session.Pending);
        return (ordered.Count, meter.BytesProgrammed / (double)ordered.Count, meter.BlocksErased / (double)ordered.Count, meter.BlocksErased);
    }
}
