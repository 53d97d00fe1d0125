namespace WasteIoT.Cloud.Checks.Toilets;

/// <summary>
/// A gas above its limit for a stretch of consecutive readings: from the start of the first reading's averaging
/// window over the limit to the end of the last one's.
/// </summary>
/// <param name="Gas">"nh3" or "sh2".</param>
/// <param name="Readings">Readings over the limit in it.</param>
public sealed record OdourEpisode(string Gas, DateTimeOffset Start, DateTimeOffset End, double Peak, DateTimeOffset PeakAt, double Limit, int Readings)
{
    public TimeSpan Duration => End - Start;
}
