using System.Globalization;

namespace WasteIoT.Cloud.Checks.Roads;

/// <summary>
/// At least <paramref name="Passes"/> passes of <paramref name="Task"/> over the segment between
/// <paramref name="From"/> and <paramref name="To"/> (county time) each day it is due: every day, or only in some
/// months (sprinkling in summer), or only on days of an air alert at or above a level (fog cannons on orange).
/// </summary>
public sealed record RoadWork(RoadTask Task, int Passes, TimeOnly From, TimeOnly To)
{
    /// <summary>First and last month it is due (a span may wrap the new year: 11–2 is November to February).</summary>
    public int FromMonth { get; init; } = 1;

    public int ToMonth { get; init; } = 12;

    /// <summary>Due only on days of an air alert at least this high; null: whatever the air.</summary>
    public AirAlertLevel? OnAlert { get; init; }

    public bool DueOn(DateOnly date, AirAlertLevel? alert) =>
        (FromMonth <= ToMonth ? date.Month >= FromMonth && date.Month <= ToMonth : date.Month >= FromMonth || date.Month <= ToMonth)
        && (OnAlert is not { } level || (alert is { } today && today >= level));

    /// <summary>
    /// As the cleaning plan writes it: <c>task[*passes]@HH:mm-HH:mm[/MM-MM][!alert]</c> — <c>sweep*2@05:00-07:00</c>,
    /// <c>sprinkle*3@06:00-20:00/05-09</c> (May to September), <c>fog@08:00-18:00!orange</c> (on orange and red alert
    /// days); tasks sweep, sprinkle and fog, 1 to 20 passes, alerts blue, yellow, orange, red.
    /// </summary>
    public static bool TryParse(string text, out RoadWork work)
    {
        ArgumentNullException.ThrowIfNull(text);
        work = null!;
        AirAlertLevel? alert = null;
        var bang = text.Split('!');
        if (bang.Length > 2 || (bang.Length == 2 && !TryAlert(bang[1].Trim(), out alert)))
        {
            return false;
        }

        var (fromMonth, toMonth) = (1, 12);
        var slash = bang[0].Split('/');
        if (slash.Length > 2 || (slash.Length == 2 && !TryMonths(slash[1].Trim(), out fromMonth, out toMonth)))
        {
            return false;
        }

        var at = slash[0].Split('@');
        if (at.Length != 2)
        {
            return false;
        }

        var head = at[0].Split('*');
        var passes = 1;
        if (head.Length > 2 || (head.Length == 2 && (!int.TryParse(head[1], NumberStyles.None, CultureInfo.InvariantCulture, out passes) || passes is < 1 or > 20)))
        {
            return false;
        }

        RoadTask? task = head[0].Trim() switch
        {
            "sweep" => RoadTask.Sweep,
            "sprinkle" => RoadTask.Sprinkle,
            "fog" => RoadTask.Fog,
            _ => null,
        };
        var window = at[1].Split('-');
        if (task is not { } known || window.Length != 2
            || !TimeOnly.TryParseExact(window[0].Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !TimeOnly.TryParseExact(window[1].Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
        {
            return false;
        }

        work = new RoadWork(known, passes, from, to) { FromMonth = fromMonth, ToMonth = toMonth, OnAlert = alert };
        return true;
    }

    private static bool TryMonths(string text, out int from, out int to)
    {
        (from, to) = (0, 0);
        var parts = text.Split('-');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out from) && from is >= 1 and <= 12
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out to) && to is >= 1 and <= 12;
    }

    private static bool TryAlert(string text, out AirAlertLevel? alert)
    {
        alert = text switch
        {
            "blue" => AirAlertLevel.Blue,
            "yellow" => AirAlertLevel.Yellow,
            "orange" => AirAlertLevel.Orange,
            "red" => AirAlertLevel.Red,
            _ => null,
        };
        return alert is not null;
    }

    /// <summary>The plan's own notation, read back by <see cref="TryParse"/>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Camel(Task.ToString())}{(Passes == 1 ? string.Empty : $"*{Passes}")}@{From.ToString("HH:mm", CultureInfo.InvariantCulture)}-{To.ToString("HH:mm", CultureInfo.InvariantCulture)}")
        + (FromMonth == 1 && ToMonth == 12 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"/{FromMonth:00}-{ToMonth:00}"))
        + (OnAlert is { } level ? "!" + Camel(level.ToString()) : string.Empty);

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
