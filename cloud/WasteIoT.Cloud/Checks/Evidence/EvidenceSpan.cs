namespace WasteIoT.Cloud.Checks.Evidence;

/// <summary>A stretch of time, <c>[From, To]</c>.</summary>
public sealed record EvidenceSpan(DateTimeOffset From, DateTimeOffset To)
{
    public TimeSpan Length => To > From ? To - From : TimeSpan.Zero;

    /// <summary>The part of this span inside <c>[from, to]</c>, or null when they do not meet.</summary>
    public EvidenceSpan? Clip(DateTimeOffset from, DateTimeOffset to)
    {
        var start = From > from ? From : from;
        var end = To < to ? To : to;
        return end > start ? new EvidenceSpan(start, end) : null;
    }
}
