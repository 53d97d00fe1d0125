namespace WasteIoT.Cloud.Checks.Toilets;

/// <summary>
/// The county's toilet standard. Odour limits default to GB/T 17217-1998 (NH3 0.3 / 1 / 3 mg/m³ for class I / II /
/// III, H2S 0.01 mg/m³); configurable, since the 2021 revision may differ.
/// </summary>
public sealed record ToiletRules
{
    public int RequiredCleanings { get; init; } = 6;

    /// <summary>A visit shorter than this is not a cleaning.</summary>
    public TimeSpan MinDwell { get; init; } = TimeSpan.FromMinutes(5);

    public double Nh3ClassI { get; init; } = 0.3;

    public double Nh3ClassII { get; init; } = 1.0;

    public double Nh3ClassIII { get; init; } = 3.0;

    public double H2sLimit { get; init; } = 0.01;

    /// <summary>
    /// Visits that overlap, or follow each other within this gap, are one cleaning session: two cleaners sent together,
    /// or one who steps out for a moment, clean once.
    /// </summary>
    public TimeSpan SessionGap { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Shortest stretch over a limit that is an odour episode (two five-minute averages by default).</summary>
    public TimeSpan OdourEpisodeMin { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>A silence between readings longer than this ends an episode: nobody knows what the air did.</summary>
    public TimeSpan OdourReadingGap { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Window before and after a cleaning over which odour is compared.</summary>
    public TimeSpan OdourWindow { get; init; } = TimeSpan.FromMinutes(30);

    public double Nh3Limit(ToiletClass toiletClass) => toiletClass switch
    {
        ToiletClass.I => Nh3ClassI,
        ToiletClass.II => Nh3ClassII,
        _ => Nh3ClassIII,
    };
}
