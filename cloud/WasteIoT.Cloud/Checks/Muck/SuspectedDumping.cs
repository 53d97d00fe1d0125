namespace WasteIoT.Cloud.Checks.Muck;

/// <summary>
/// The body raised outside every approved disposal site (疑似偷倒): where (the nearest fix in time) and how far from
/// the nearest approved disposal site. <see cref="Located"/> is false when no fix was near enough in time to place it:
/// listed, never claimed.
/// </summary>
public sealed record SuspectedDumping(DateTimeOffset Ts, double? Lat, double? Lon, double? NearestDisposalM)
{
    public bool Located => Lat is not null;
}
