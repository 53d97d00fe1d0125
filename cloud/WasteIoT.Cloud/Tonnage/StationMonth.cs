namespace WasteIoT.Cloud.Tonnage;

/// <summary>A weighed station's month: each closed day's ledger and the month's tonnes in and out.</summary>
public sealed record StationMonth(string Station, string Name, string Contractor, double RatedT, string Month, IReadOnlyList<StationLedgerDay> Days)
{
    public double InT => Math.Round(Days.Sum(d => d.InT), 3);

    public double OutT => Math.Round(Days.Sum(d => d.OutT), 3);

    public int DaysNotCleared => Days.Count(d => !d.Cleared);
}
