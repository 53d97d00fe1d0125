namespace WasteIoT.Cloud.Checks.SealedTransport;

/// <summary>The cover was open while the truck drove: where it started and ended, how far and how fast.</summary>
public sealed record OpenCoverViolation(
    DateTimeOffset Start,
    DateTimeOffset End,
    double StartLat,
    double StartLon,
    double EndLat,
    double EndLon,
    double DistanceKm,
    double PeakSpeedKmh)
{
    public TimeSpan Duration => End - Start;
}
