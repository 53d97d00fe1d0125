namespace WasteIoT.Cloud.Tonnage;

/// <summary>A leachate pond's month, closed days: the balance chart's data and the month's volume treated.</summary>
public sealed record PondMonth(string Pond, string Name, string Contractor, double AlarmVolumeM3, string Month, IReadOnlyList<PondDay> Days)
{
    public double TreatedM3 => Math.Round(Days.Sum(d => d.TreatedM3 ?? 0), 2);

    public int AlarmDays => Days.Count(d => d.Alarm);
}
