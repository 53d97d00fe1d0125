using System.Text;
using WasteIoT.Firmware.Core.Storage;

namespace WasteIoT.Firmware.Core.Tests.Storage;

public sealed class RecordRingTests
{
    private const int SlotSize = 64;

    [Fact]
    public void RecordsComeBackInOrderAfterReboot()
    {
        var flash = new MemoryFlashRegion(SlotSize * 8);
        var ring = Mounted(flash);
        for (var i = 1; i <= 5; i++)
        {
            Append(ring, $"r{i}");
        }

        var rebooted = Mounted(flash);
        Assert.Equal(5, rebooted.PendingCount);
        Assert.Equal(["r1", "r2", "r3", "r4", "r5"], Pending(rebooted));
    }

    [Fact]
    public void AcknowledgedRecordIsGoneAfterReboot()
    {
        var flash = new MemoryFlashRegion(SlotSize * 8);
        var ring = Mounted(flash);
        var first = Append(ring, "a");
        Append(ring, "b");
        Assert.True(ring.Acknowledge(first));
        Assert.False(ring.Acknowledge(first), "a record is acknowledged once");

        var rebooted = Mounted(flash);
        Assert.Equal(["b"], Pending(rebooted));
    }

    [Fact]
    public void OutOfOrderAcknowledgementsLeaveTheRestPending()
    {
        var ring = Mounted(new MemoryFlashRegion(SlotSize * 8));
        var numbers = Enumerable.Range(1, 4).Select(i => Append(ring, $"m{i}")).ToArray();
        ring.Acknowledge(numbers[2]);
        ring.Acknowledge(numbers[0]);
        Assert.Equal(["m2", "m4"], Pending(ring));
    }

    [Fact]
    public void FullRingEvictsOldestAndCountsIt()
    {
        var ring = Mounted(new MemoryFlashRegion(SlotSize * 4));
        for (var i = 1; i <= 7; i++)
        {
            Append(ring, $"x{i}");
        }

        Assert.Equal(4, ring.PendingCount);
        Assert.Equal(3, ring.Dropped);
        Assert.Equal(["x4", "x5", "x6", "x7"], Pending(ring));
    }

    [Fact]
    public void NumbersKeepIncreasingAcrossRebootsEvenWhenAllWereAcknowledged()
    {
        var flash = new MemoryFlashRegion(SlotSize * 4);
        var ring = Mounted(flash);
        var last = 0L;
        for (var i = 0; i < 10; i++)
        {
            last = Append(ring, "p");
            ring.Acknowledge(last);
        }

        var rebooted = Mounted(flash);
        Assert.Equal(0, rebooted.PendingCount);
        Assert.Equal(last + 1, Append(rebooted, "q"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(12)]
    [InlineData(16)]
    [InlineData(20)]
    [InlineData(30)]
    public void TornWriteIsDetectedAndEarlierRecordsSurvive(int bytesBeforePowerLoss)
    {
        var flash = new MemoryFlashRegion(SlotSize * 8);
        var ring = Mounted(flash);
        Append(ring, "kept-1");
        Append(ring, "kept-2");

        flash.FailAfterBytes = bytesBeforePowerLoss;
        Assert.Throws<PowerLossException>(() => Append(ring, "torn-record-payload"));

        var rebooted = Mounted(flash);
        Assert.Equal(["kept-1", "kept-2"], Pending(rebooted));
        Append(rebooted, "after");
        Assert.Equal(["kept-1", "kept-2", "after"], Pending(rebooted));
    }

    [Fact]
    public void TornWriteOverAnAcknowledgedSlotNeverYieldsGarbage()
    {
        var flash = new MemoryFlashRegion(SlotSize * 2);
        var ring = Mounted(flash);
        var a = Append(ring, "first");
        Append(ring, "second");
        ring.Acknowledge(a);

        // The next append reuses slot 0; power fails half way through it.
        flash.FailAfterBytes = 20;
        Assert.Throws<PowerLossException>(() => Append(ring, "third-and-longer"));

        var rebooted = Mounted(flash);
        Assert.All(Pending(rebooted), p => Assert.Contains(p, new[] { "first", "second" }));
        Assert.Contains("second", Pending(rebooted));
    }

    [Fact]
    public void RandomPowerLossNeverLosesACompletedAppend()
    {
        // Every append that returned is pending after a reboot until its acknowledgement completed.
        // An append interrupted by power loss may or may not have landed (its last bytes may have
        // matched what was there); such a record may appear, but only whole.
        var random = new Random(3);
        var flash = new MemoryFlashRegion(SlotSize * 16);
        var ring = Mounted(flash);
        var expected = new List<string>();
        var interrupted = new HashSet<string>();
        var buffer = new byte[SlotSize];
        for (var step = 0; step < 2_000; step++)
        {
            if (random.Next(10) == 0)
            {
                flash.FailAfterBytes = random.Next(0, SlotSize);
            }

            var text = $"s{step}";
            try
            {
                interrupted.Add(text);
                Append(ring, text);
                interrupted.Remove(text);
                expected.Add(text);
                while (expected.Count > 10)
                {
                    // Deliver the oldest, as the uplink would.
                    Assert.True(ring.TryReadNextPending(0, buffer, out var length, out var number));
                    var oldest = Encoding.ASCII.GetString(buffer, 0, length);
                    ring.Acknowledge(number);
                    if (!interrupted.Contains(oldest))
                    {
                        Assert.Equal(expected[0], oldest);
                        expected.RemoveAt(0);
                    }
                }
            }
            catch (PowerLossException)
            {
                ring = Mounted(flash);
            }

            if (random.Next(50) == 0)
            {
                ring = Mounted(flash);
                Assert.Equal(expected, Pending(ring).Where(p => !interrupted.Contains(p)));
            }
        }
    }

    [Fact]
    public void PayloadLargerThanSlotIsRefused()
    {
        var ring = Mounted(new MemoryFlashRegion(SlotSize * 2));
        Assert.Equal(-1, ring.Append(new byte[SlotSize], SlotSize));
        Assert.Equal(0, ring.PendingCount);
    }

    [Fact]
    public void AppendingDoesNotAllocate()
    {
        var ring = Mounted(new MemoryFlashRegion(SlotSize * 32));
        var payload = Encoding.ASCII.GetBytes("steady-state record");
        var buffer = new byte[SlotSize];
        for (var i = 0; i < 100; i++)
        {
            ring.Append(payload, payload.Length);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            var n = ring.Append(payload, payload.Length);
            ring.TryReadNextPending(n - 1, buffer, out _, out _);
            ring.Acknowledge(n);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static RecordRing Mounted(MemoryFlashRegion flash)
    {
        var ring = new RecordRing(flash, SlotSize);
        ring.Mount();
        return ring;
    }

    private static long Append(RecordRing ring, string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        return ring.Append(bytes, bytes.Length);
    }

    private static List<string> Pending(RecordRing ring)
    {
        var result = new List<string>();
        var buffer = new byte[SlotSize];
        long after = 0;
        while (ring.TryReadNextPending(after, buffer, out var length, out var number))
        {
            result.Add(Encoding.ASCII.GetString(buffer, 0, length));
            after = number;
        }

        return result;
    }
}
