namespace WasteIoT.Cloud.Checks.SealedTransport;

/// <summary>The cover's state at a moment: from a cover event or from the state in a heartbeat.</summary>
public sealed record CoverObservation(DateTimeOffset Ts, bool Open);
