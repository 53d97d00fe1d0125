namespace WasteIoT.Cloud.Checks.Tonnage;

/// <summary>When a transfer station's day counts as cleared (日产日清), in tonnes.</summary>
public sealed record TonnageRules
{
    /// <summary>What may stay at day end without the day counting as not cleared: the larger of this…</summary>
    public double ResidualToleranceT { get; init; } = 2;

    /// <summary>…and this share of the station's rated daily throughput.</summary>
    public double ResidualToleranceShare { get; init; } = 0.05;

    /// <summary>Days walked back to carry the station's stock over midnight (the ledger starts empty before them).</summary>
    public int LedgerDays { get; init; } = 7;

    /// <summary>A truck within this of a weighed station's registered position is at the station (its yard and weighbridge).</summary>
    public double StationRadiusM { get; init; } = 100;

    /// <summary>Standing at a station this long is a visit that should have been weighed (passing the gate is not).</summary>
    public TimeSpan MinStationStop { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>A weighing this close in time to a stop belongs to it (the scale house is at the gate, the stop spans the yard).</summary>
    public TimeSpan WeighingNearStop { get; init; } = TimeSpan.FromMinutes(20);

    /// <summary>Fixes further apart than this (a dead zone) do not join one stop.</summary>
    public TimeSpan MaxFixGap { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>A haul out of a station must be weighed in at a landfill within this (the drive and the queue at the gate).</summary>
    public TimeSpan HaulWithin { get; init; } = TimeSpan.FromHours(3);

    public double ToleranceT(double ratedTonnes) => Math.Max(ResidualToleranceT, ResidualToleranceShare * ratedTonnes);
}
