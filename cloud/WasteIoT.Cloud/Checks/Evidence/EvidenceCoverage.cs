namespace WasteIoT.Cloud.Checks.Evidence;

/// <summary>
/// Measures silence instead of inferring it from numbering. Two messages in a row — the next in the same boot, or the
/// first of a new boot — vouch for the time between them when they are no further apart than the device's cadence
/// allows; anything longer is an outage, a reboot included (the new boot starts at seq 1, so numbering alone would hide
/// it). Messages numbered but never received make the span between their neighbours an outage whatever its length.
/// </summary>
public static class EvidenceCoverage
{
    /// <param name="marks">The device's messages in <c>[from, to]</c>, plus its last one before <paramref name="from"/> and any soon after <paramref name="to"/>.</param>
    /// <param name="heardBefore">Whether the device sent anything before <paramref name="from"/>, ever (else its first message puts it in service).</param>
    /// <param name="now">Time not yet lived is neither heard nor silent; a device not yet overdue is still heard up to now.</param>
    public static DeviceEvidence Evaluate(
        string device, IEnumerable<MessageMark> marks, bool heardBefore, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, TimeSpan maxSilence)
    {
        ArgumentNullException.ThrowIfNull(marks);
        return Fold(device, marks, from, to, maxSilence).Result(heardBefore, now);
    }

    /// <summary>The fold of the messages so far, to be added to as more arrive.</summary>
    public static EvidenceFold Fold(string device, IEnumerable<MessageMark> marks, DateTimeOffset from, DateTimeOffset to, TimeSpan maxSilence)
    {
        ArgumentNullException.ThrowIfNull(marks);
        var fold = new EvidenceFold(device, from, to, maxSilence);
        foreach (var point in InNumberOrder(marks))
        {
            fold.Step(point);
        }

        return fold;
    }

    /// <summary>The messages once each, by boot and sequence; rows come from the store in time order, which is usually that order already.</summary>
    private static List<MessageMark> InNumberOrder(IEnumerable<MessageMark> marks)
    {
        var list = marks as List<MessageMark> ?? [.. marks];
        var ordered = true;
        for (var i = 1; i < list.Count && ordered; i++)
        {
            ordered = list[i].Boot > list[i - 1].Boot || (list[i].Boot == list[i - 1].Boot && list[i].Seq > list[i - 1].Seq);
        }

        return ordered ? list : [.. list.DistinctBy(m => (m.Boot, m.Seq)).OrderBy(m => m.Boot).ThenBy(m => m.Seq)];
    }
}
