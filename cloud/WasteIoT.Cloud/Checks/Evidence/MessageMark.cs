namespace WasteIoT.Cloud.Checks.Evidence;

/// <summary>One received message as evidence: its numbering and the device's time. <paramref name="Dropped"/> is a heartbeat's ring-eviction count.</summary>
public readonly record struct MessageMark(long Boot, long Seq, DateTimeOffset Ts, long? Dropped = null);
