using System.Globalization;

namespace WasteIoT.Cloud.Checks.Roads;

/// <summary>At least <paramref name="Passes"/> passes of <paramref name="Task"/> over the segment between <paramref name="From"/> and <paramref name="To"/> (county time) each day.</summary>
public sealed record RoadWork(RoadTask Task, int Passes, TimeOnly From, TimeOnly To)
{
    /// <summary>As the cleaning plan writes it: <c>task[*passes]@HH:mm-HH:mm</c> (<c>sweep*2@05:00-07:00</c>), tasks sweep, sprinkle and fog, 1 to 20 passes.</summary>
    public static bool TryParse(string text, out RoadWork work)
    {
        ArgumentNullException.ThrowIfNull(text);
        work = null!;
        var at = text.Split('@');
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

        work = new RoadWork(known, passes, from, to);
        return true;
    }

    /// <summary>The plan's own notation, read back by <see cref="TryParse"/>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{char.ToLowerInvariant(Task.ToString()[0])}{Task.ToString()[1..]}{(Passes == 1 ? string.Empty : $"*{Passes}")}@{From.ToString("HH:mm", CultureInfo.InvariantCulture)}-{To.ToString("HH:mm", CultureInfo.InvariantCulture)}");
}
