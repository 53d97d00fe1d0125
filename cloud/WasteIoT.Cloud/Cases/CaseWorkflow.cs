using Microsoft.Extensions.Options;
using WasteIoT.Cloud.Settings;

namespace WasteIoT.Cloud.Cases;

/// <summary>
/// The rules of the workflow: dispatch a filed case to someone, resolve a dispatched case, close a resolved one or
/// send it back (return: dispatched again, with the reason). Anything else is refused with the reason; who may take
/// which step is <see cref="CaseRoles"/>.
/// </summary>
public sealed class CaseWorkflow(CaseStore store, IOptions<CloudOptions> cloud, TimeProvider time)
{
    public static IReadOnlyList<string> Actions { get; } = ["dispatch", "resolve", "close", "return"];

    /// <summary>The states a step may be taken from.</summary>
    public static IReadOnlyList<CaseStatus> From(string action) => action switch
    {
        "dispatch" => [CaseStatus.Filed],
        "resolve" => [CaseStatus.Dispatched],
        "close" or "return" => [CaseStatus.Resolved],
        _ => [],
    };

    private static CaseStatus To(string action) => action switch
    {
        "resolve" => CaseStatus.Resolved,
        "close" => CaseStatus.Closed,
        _ => CaseStatus.Dispatched,
    };

    /// <returns>The case after the step, or the reason it was refused and whether the case exists.</returns>
    public async Task<(CaseRecord? Case, string? Refusal)> ApplyAsync(long id, string action, CaseAction body, string author, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var current = await store.GetAsync(id, cancellationToken);
        if (current is null)
        {
            return (null, null);
        }

        var from = From(action);
        var to = To(action);
        if (from.Count == 0)
        {
            return (current, $"'{action}' is not one of {string.Join(", ", Actions)}");
        }

        if (!from.Contains(current.Status))
        {
            return (current, $"a {current.Status.ToString().ToLowerInvariant()} case cannot be {Past(action)}; it must be {string.Join(" or ", from.Select(s => s.ToString().ToLowerInvariant()))}");
        }

        var assignee = string.IsNullOrWhiteSpace(body.Assignee) ? null : body.Assignee.Trim();
        if (to == CaseStatus.Dispatched && assignee is null && current.Assignee is null)
        {
            return (current, "dispatching needs an assignee");
        }

        if (to == CaseStatus.Resolved && string.IsNullOrWhiteSpace(body.Note))
        {
            return (current, "resolving needs a note saying what was done");
        }

        if (action == "return" && string.IsNullOrWhiteSpace(body.Note))
        {
            return (current, "sending a case back needs a note saying why");
        }

        var note = body.Note?.Trim() ?? string.Empty;
        if (!await store.TransitionAsync(id, [.. from], to, assignee, author, note, time.GetUtcNow(), cancellationToken))
        {
            return (await store.GetAsync(id, cancellationToken), "the case was changed by someone else meanwhile; reload it");
        }

        return (await store.GetAsync(id, cancellationToken), null);
    }

    /// <summary>The figures for a local calendar month (yyyy-MM).</summary>
    public async Task<MonthlyReport?> MonthlyAsync(string month, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", out var first))
        {
            return null;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(cloud.Value.TimeZone);
        var start = Readings.DayWindow.For(first, zone).Start;
        var end = Readings.DayWindow.For(first.AddMonths(1), zone).Start;
        var cases = await store.FiledBetweenAsync(start, end, cancellationToken);
        var now = time.GetUtcNow();
        var byContractor = cases.GroupBy(c => c.Contractor, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Figures(g.Key, [.. g], now)).ToList();
        var byKind = cases.GroupBy(c => c.Kind, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new MonthlyReport(month, Figures(string.Empty, cases, now), byContractor, byKind);
    }

    private static MonthlyFigures Figures(string contractor, IReadOnlyList<CaseRecord> cases, DateTimeOffset now)
    {
        var completed = cases.Count(c => c.Status is CaseStatus.Resolved or CaseStatus.Closed);
        var closed = cases.Count(c => c.Status == CaseStatus.Closed);
        var due = cases.Count(c => c.Resolved is not null || now > c.Due);
        var onTime = cases.Count(c => c.Resolved is { } resolved && resolved <= c.Due);
        static double Rate(int part, int whole) => whole == 0 ? 1 : (double)part / whole;
        return new MonthlyFigures(contractor, cases.Count, completed, closed, due, onTime, Rate(completed, cases.Count), Rate(closed, cases.Count), Rate(onTime, due));
    }

    private static string Past(string action) => action switch
    {
        "dispatch" => "dispatched",
        "resolve" => "resolved",
        _ => "closed",
    };
}
