using System.Text;
using WasteIoT.Contracts.Serialization;
using WasteIoT.Firmware.Core.Protocol;
using WasteIoT.Firmware.Core.Weighbridge;
using ContractWeighing = WasteIoT.Contracts.Messages.Weighing;

namespace WasteIoT.Firmware.Core.Tests.Weighbridge;

/// <summary>
/// The weighbridge driver over recorded byte streams (Fixtures/weighbridge, README there): each indicator format read
/// through noise, torn and corrupted frames; a truck's visit captured once per pass, settled, with its card; the
/// weighing read back through the contract.
/// </summary>
public sealed class WeighbridgeTests
{
    [Fact]
    public void A9FramesAreReadThroughNoiseATornFrameAndAFlippedBit()
    {
        var parser = new Xk3190A9Parser(kgPerUnit: 1);
        var weights = new List<int>();
        foreach (var b in Capture("xk3190-a9-truck-kg.bin"))
        {
            if (parser.Feed(b))
            {
                weights.Add(parser.WeightKg);
            }
        }

        Assert.Equal(71, weights.Count);
        Assert.Equal(1, parser.ChecksumErrors);
        Assert.True(parser.SkippedBytes >= 3, $"{parser.SkippedBytes}");
        Assert.Equal([0, 1200, 15600, 15240, 0], new[] { weights[0], weights[10], weights[17], weights[24], weights[^1] });
    }

    [Fact]
    public void A9InTonnesWithTwoDecimalsIsKilograms()
    {
        var parser = new Xk3190A9Parser(kgPerUnit: 1000);
        var weights = Capture("xk3190-a9-t.bin").Where(parser.Feed).Select(_ => parser.WeightKg).ToList();

        Assert.Equal([0, 0, 5120, 13180, 15240, 15240, 15240, 15240, -20], weights);
    }

    [Fact]
    public void ReversedFramesAreTurnedAroundAndBadOnesDropped()
    {
        var parser = new ReversedWeightParser(kgPerUnit: 1);
        var weights = Capture("reversed-kg.bin").Where(parser.Feed).Select(_ => parser.WeightKg).ToList();

        Assert.Equal([1250, 1250, 15240, 15240, -20], weights);
        Assert.Equal(2, parser.BadFrames);
    }

    [Fact]
    public void PrintedTicketsAreReadAndATornOrWrongOneIsNot()
    {
        var parser = new TicketParser();
        var tickets = Capture("tickets-en.bin").Where(parser.Feed).Select(_ => parser.Ticket).ToList();

        Assert.Equal(
            [("T20261127-0042", "ZJA-D1234", 15240, 9860, 5380), ("T20261127-0043", null, 32180, 12020, 20160)],
            tickets.Select(t => (t.Number, (string?)t.Vehicle, t.GrossKg, t.TareKg, t.NetKg)));
        Assert.Equal(1, parser.BadTickets);
    }

    [Fact]
    public void ATrucksVisitIsTwoWeighingsCapturedOnceEachWhenSettledWithItsCard()
    {
        var capture = new WeighingCapture(minLoadKg: 500, divisionKg: 20, holdMs: 2_000, visitMs: 4 * 3_600_000L);
        var parser = new Xk3190A9Parser(1);
        var ms = 0L;

        // In loaded (the recorded capture at 10 frames/s), the card swiped as it drives on.
        capture.Card(500, "04A1B2C3");
        Replay(parser, capture, Capture("xk3190-a9-truck-kg.bin"), ref ms);

        // Back empty twenty minutes later: the same card, 9,860 kg, settled from the first frame.
        ms += 20 * 60_000;
        capture.Card(ms, "04A1B2C3");
        foreach (var kg in Enumerable.Repeat(9_860, 40).Append(0))
        {
            capture.Reading(ms += 100, kg);
        }

        var weighings = Drain(capture);
        Assert.Equal(
            [("in", 15_240, (string?)"04A1B2C3", Absent.Int, Absent.Int), ("out", 9_860, "04A1B2C3", 15_240, 5_380)],
            weighings.Select(w => (w.Direction, w.WeightKg, (string?)w.Tag, w.GrossKg, w.NetKg)));

        // The completed visit reaches the cloud as the contract reads it.
        var json = Encode(weighings[1]);
        var decoded = Assert.IsType<ContractWeighing>(WireCodec.DecodeDeviceMessage(Encoding.UTF8.GetBytes(json), DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000)).Value);
        Assert.Equal((15_240, 9_860, 5_380, true), (decoded.GrossKg, decoded.TareKg, decoded.NetKg, decoded.Stable));
    }

    [Fact]
    public void AVehicleThatNeverSettlesIsNotWeighedAndOneWithoutACardIsWeighedUnnamed()
    {
        var capture = new WeighingCapture(minLoadKg: 500, divisionKg: 20, holdMs: 2_000, visitMs: 3_600_000);
        var ms = 0L;

        // Rocking by ±60 kg the whole time it is on the platform (driven over without stopping).
        for (var i = 0; i < 50; i++)
        {
            capture.Reading(ms += 100, 12_000 + (i % 2 == 0 ? 60 : -60));
        }

        capture.Reading(ms += 100, 0);

        // A card swiped two minutes before a vehicle that then weighs in: too old to be its card.
        capture.Card(ms, "04FFFFFF");
        ms += 120_000;
        foreach (var kg in Enumerable.Repeat(8_000, 30).Append(0))
        {
            capture.Reading(ms += 100, kg);
        }

        var weighing = Assert.Single(Drain(capture));
        Assert.Equal(("in", 8_000, (string?)null), (weighing.Direction, weighing.WeightKg, (string?)weighing.Tag));
        Assert.Equal(1, capture.NeverSettled);
    }

    [Fact]
    public void AVisitLeftOpenPastItsWindowStartsAgain()
    {
        var capture = new WeighingCapture(minLoadKg: 500, divisionKg: 20, holdMs: 1_000, visitMs: 3_600_000);
        var ms = 0L;
        foreach (var (kg, gapMs) in new[] { (15_000, 0L), (9_000, 2 * 3_600_000L) })
        {
            ms += gapMs;
            capture.Card(ms, "04A1B2C3");
            foreach (var reading in Enumerable.Repeat(kg, 20).Append(0))
            {
                capture.Reading(ms += 100, reading);
            }
        }

        Assert.Equal(["in", "in"], Drain(capture).Select(w => w.Direction));
    }

    [Fact]
    public void AnEncodedFrameReadsBackAsItsWeight()
    {
        var parser = new Xk3190A9Parser(kgPerUnit: 1000);
        var read = Xk3190A9Frame.Encode(-1524, 2).Count(parser.Feed);

        // The encoder matches the recorded frames byte for byte (the first of xk3190-a9-t.bin is +000000 in t, 2 places).
        Assert.Equal((1, -15_240), (read, parser.WeightKg));
        Assert.Equal(Capture("xk3190-a9-t.bin")[..12], Xk3190A9Frame.Encode(0, 2));
    }

    private static void Replay(Xk3190A9Parser parser, WeighingCapture capture, byte[] bytes, ref long ms)
    {
        foreach (var b in bytes)
        {
            if (parser.Feed(b))
            {
                capture.Reading(ms += 100, parser.WeightKg);
            }
        }
    }

    private static List<Weighing> Drain(WeighingCapture capture)
    {
        var all = new List<Weighing>();
        while (capture.TryTake(out var weighing))
        {
            all.Add(weighing);
        }

        return all;
    }

    private static string Encode(Weighing weighing)
    {
        weighing.Device = "scale-ts01";
        weighing.Boot = 2;
        weighing.Seq = 315;
        weighing.Timestamp = 1_800_000_000_000 - 60_000;
        var writer = new JsonWriter(new byte[1024]);
        weighing.WriteTo(writer);
        return Encoding.UTF8.GetString(writer.Buffer, 0, writer.Length);
    }

    private static byte[] Capture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "weighbridge", name));
}
