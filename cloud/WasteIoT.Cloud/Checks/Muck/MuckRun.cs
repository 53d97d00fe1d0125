namespace WasteIoT.Cloud.Checks.Muck;

/// <summary>A stretch of driving against the permit, where it began and ended, and (off route) how far from the corridor it went.</summary>
public sealed record MuckRun(DateTimeOffset Start, DateTimeOffset End, double DistanceKm, double StartLat, double StartLon, double EndLat, double EndLon, double FarthestM)
{
    public TimeSpan Duration => End - Start;
}
