namespace WasteIoT.Cloud.Health;

/// <summary>
/// What this instance told the county's other instances, and heard from them, since this start (PostgreSQL only): a
/// broken notice or a lost connection costs a live map a position, never a stored reading, and is counted here.
/// </summary>
public sealed record PeerNotices(long Sent, long Received, long Broken, long ConnectionsLost);
