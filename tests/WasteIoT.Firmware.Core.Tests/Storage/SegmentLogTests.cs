using System.Text;
using WasteIoT.Firmware.Core.Storage;

namespace WasteIoT.Firmware.Core.Tests.Storage;

public sealed class SegmentLogTests
{
    private const int SegmentBytes = 256;

    [Fact]
    public void RecordsComeBackInOrderAfterReboot()
    {
        var flash = new Flash();
        var log = flash.Mount(8);
        for (var i = 1; i <= 30; i++)
        {
            Append(log, $"r{i}");
        }

        var rebooted = flash.Mount(8);
        Assert.Equal(30, rebooted.PendingCount);
        Assert.Equal(Enumerable.Range(1, 30).Select(i => $"r{i}"), Pending(rebooted));
    }

    [Fact]
    public void AcknowledgedRecordIsGoneAfterCheckpointAndReboot()
    {
        var flash = new Flash();
        var log = flash.Mount(8);
        var first = Append(log, "a");
        Append(log, "b");
        Assert.True(log.Acknowledge(first));
        Assert.False(log.Acknowledge(first), "a record is acknowledged once");
        log.Checkpoint();

        var rebooted = flash.Mount(8);
        Assert.Equal(["b"], Pending(rebooted));
    }

    [Fact]
    public void AcknowledgementNotCheckpointedIsSentAgainNeverLost()
    {
        var flash = new Flash();
        var log = flash.Mount(8);
        var first = Append(log, "a");
        Append(log, "b");
        log.Acknowledge(first);

        var rebooted = flash.Mount(8);
        Assert.Equal(["a", "b"], Pending(rebooted));
    }

    [Fact]
    public void OutOfOrderAcknowledgementsLeaveTheRestPending()
    {
        var log = new Flash().Mount(8);
        var numbers = Enumerable.Range(1, 4).Select(i => Append(log, $"m{i}")).ToArray();
        log.Acknowledge(numbers[2]);
        log.Acknowledge(numbers[0]);
        Assert.Equal(["m2", "m4"], Pending(log));
        Assert.Equal(2, log.PendingCount);

        log.Acknowledge(numbers[1]);
        Assert.Equal(["m4"], Pending(log));
        Assert.Equal(1, log.PendingCount);
    }

    [Fact]
    public void DeliveredSegmentsAreDeletedWhole()
    {
        var flash = new Flash();
        var log = flash.Mount(8);
        var numbers = Enumerable.Range(1, 40).Select(i => Append(log, $"payload-{i:D3}")).ToList();
        var segments = log.SegmentCount;
        Assert.True(segments >= 3, $"{segments} segments");

        foreach (var number in numbers)
        {
            log.Acknowledge(number);
        }

        log.Checkpoint();
        Assert.Equal(0, log.PendingCount);
        Assert.True(log.SegmentCount <= 1, $"{log.SegmentCount} segments left");
        Assert.Empty(Pending(flash.Mount(8)));
    }

    [Fact]
    public void FullLogEvictsOldestSegmentAndCountsItsUndeliveredRecords()
    {
        var log = new Flash().Mount(3);
        for (var i = 1; i <= 60; i++)
        {
            Append(log, $"x{i:D2}");
        }

        var pending = Pending(log);
        Assert.Equal(60, pending.Count + log.Dropped);
        Assert.Equal("x60", pending[^1]);
        Assert.True(log.Dropped > 0);
        Assert.Equal(pending.Count, log.PendingCount);
        Assert.Equal(Enumerable.Range(61 - pending.Count, pending.Count).Select(i => $"x{i:D2}"), pending);
    }

    [Fact]
    public void TornAppendIsSkippedAndNumberingContinues()
    {
        var flash = new Flash();
        var log = flash.Mount(8);
        Append(log, "kept-1");
        Append(log, "kept-2");
        flash.Segments.FailAfterBytes = SegmentLog.HeaderSize + 3;
        Assert.Throws<PowerLossException>(() => Append(log, "torn-record"));

        var rebooted = flash.Mount(8);
        Assert.Equal(1, rebooted.Corrupt);
        Assert.Equal(["kept-1", "kept-2"], Pending(rebooted));
        var next = Append(rebooted, "after");
        Assert.Equal(3, next);
        Assert.Equal(["kept-1", "kept-2", "after"], Pending(flash.Mount(8)));
    }

    [Fact]
    public void PowerCutAtEveryByteOfAnAppendNeverLosesAStoredRecord()
    {
        for (var cut = 0; cut < SegmentLog.HeaderSize + 12; cut++)
        {
            var flash = new Flash();
            var log = flash.Mount(8);
            Append(log, "first");
            flash.Segments.FailAfterBytes = cut;
            try
            {
                Append(log, "second-rec");
            }
            catch (PowerLossException)
            {
            }

            var pending = Pending(flash.Mount(8));
            Assert.Equal("first", pending[0]);
            Assert.True(pending.Count == 1 || pending is ["first", "second-rec"], $"cut at {cut}: {string.Join(",", pending)}");
        }
    }

    [Fact]
    public void PowerCutDuringCursorRotationKeepsTheWatermark()
    {
        var flash = new Flash();
        var log = flash.Mount(64);
        for (var i = 1; i <= 1200; i++)
        {
            log.Acknowledge(Append(log, $"n{i}"));
            log.Checkpoint();
        }

        Append(log, "last");
        Assert.True(flash.Cursor.Files <= 2, $"{flash.Cursor.Files} cursor files");
        Assert.Equal(["last"], Pending(flash.Mount(64)));
    }

    [Fact]
    public void GroupedRecordsAreReadableBeforeFlushAndWrittenInOneAppend()
    {
        var flash = new Flash();
        var log = flash.Mount(8);
        Append(log, "event", durable: true);
        var appendsBefore = flash.Segments.Appends;
        for (var i = 1; i <= 5; i++)
        {
            Append(log, $"pos{i}", durable: false);
        }

        Assert.Equal(appendsBefore, flash.Segments.Appends);
        Assert.Equal(5, log.Buffered);
        Assert.Equal(["event", "pos1", "pos2", "pos3", "pos4", "pos5"], Pending(log));

        log.Flush();
        Assert.Equal(appendsBefore + 1, flash.Segments.Appends);
        Assert.Equal(["event", "pos1", "pos2", "pos3", "pos4", "pos5"], Pending(flash.Mount(8)));
    }

    [Fact]
    public void PowerCutLosesOnlyTheUnflushedGroupAndNumberingResumesAfterDeliveredOnes()
    {
        var flash = new Flash();
        var log = flash.Mount(8);
        Append(log, "event", durable: true);
        var p1 = Append(log, "pos1", durable: false);
        Append(log, "pos2", durable: false);

        // pos1 was delivered from RAM and checkpointed; the power fails before the group reaches flash.
        log.Acknowledge(1);
        log.Acknowledge(p1);
        log.Checkpoint();

        var rebooted = flash.Mount(8);
        Assert.Empty(Pending(rebooted));
        Assert.Equal(p1 + 1, Append(rebooted, "next"));
        Assert.Equal(["next"], Pending(flash.Mount(8)));
    }

    [Fact]
    public void GarbageFilesInTheLogAndCursorDirectoriesNeitherStopTheMountNorCostGoodRecords()
    {
        var flash = new Flash();
        var log = flash.Mount(8);
        Append(log, "good-1");
        Append(log, "good-2");
        var random = new Random(7);
        foreach (var (store, file) in new[] { (flash.Segments, 50), (flash.Segments, 99), (flash.Cursor, 40) })
        {
            var junk = new byte[random.Next(1, 300)];
            random.NextBytes(junk);
            store.Append(file, junk, 0, junk.Length);
        }

        var rebooted = flash.Mount(8);
        Assert.Equal(["good-1", "good-2"], Pending(rebooted));
        Assert.True(rebooted.Corrupt >= 1);
        Append(rebooted, "after");
        Assert.Equal(["good-1", "good-2", "after"], Pending(flash.Mount(8)));
    }

    [Fact]
    public void CorruptRecordInTheMiddleIsCountedAndDoesNotBlockTheRest()
    {
        var flash = new Flash();
        var log = flash.Mount(8);
        for (var i = 1; i <= 12; i++)
        {
            Append(log, $"c{i:D2}");
        }

        flash.Segments.FlipByte(file: 1, offset: SegmentLog.HeaderSize + 1);
        var rebooted = flash.Mount(8);
        var pending = Pending(rebooted);
        Assert.Equal("c12", pending[^1]);
        Assert.DoesNotContain("c01", pending);
        Assert.True(rebooted.Corrupt >= 1);
    }

    [Fact]
    public void MountReadsOneHeaderPerSegmentAndTheNewestSegment()
    {
        var flash = new Flash();
        var log = flash.Mount(64);
        for (var i = 1; i <= 400; i++)
        {
            Append(log, $"record-{i:D4}-with-some-payload");
        }

        var total = Enumerable.Range(0, 1000).Sum(f => flash.Segments.LengthOf(f));
        flash.Segments.BytesRead = 0;
        flash.Mount(64);
        Assert.True(flash.Segments.BytesRead < total / 4, $"mount read {flash.Segments.BytesRead} of {total} bytes");
    }

    private static long Append(SegmentLog log, string text, bool durable = true)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        return log.Append(bytes, bytes.Length, durable);
    }

    private static List<string> Pending(SegmentLog log)
    {
        var result = new List<string>();
        var buffer = new byte[log.MaxPayload];
        long after = 0;
        while (log.TryReadNextPending(after, buffer, out var length, out var number))
        {
            result.Add(Encoding.ASCII.GetString(buffer, 0, length));
            after = number;
        }

        return result;
    }

    private sealed class Flash
    {
        public CountingStore Segments { get; } = new();

        public CountingStore Cursor { get; } = new();

        public SegmentLog Mount(int maxSegments)
        {
            var log = new SegmentLog(Segments, Cursor, SegmentBytes, maxSegments);
            log.Mount();
            return log;
        }
    }
}
