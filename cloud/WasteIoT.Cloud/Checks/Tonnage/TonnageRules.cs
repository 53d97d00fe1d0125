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

    public double ToleranceT(double ratedTonnes) => Math.Max(ResidualToleranceT, ResidualToleranceShare * ratedTonnes);
}
