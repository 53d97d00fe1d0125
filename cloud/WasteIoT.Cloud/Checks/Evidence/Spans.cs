namespace WasteIoT.Cloud.Checks.Evidence;

/// <summary>Set arithmetic on lists of spans: merge, intersect, clip, total length.</summary>
public static class Spans
{
    /// <summary>Sorted, with touching and overlapping spans joined.</summary>
    public static List<EvidenceSpan> Merge(IEnumerable<EvidenceSpan> spans)
    {
        var merged = new List<EvidenceSpan>();
        foreach (var span in spans.Where(s => s.To >= s.From).OrderBy(s => s.From))
        {
            if (merged.Count > 0 && span.From <= merged[^1].To)
            {
                if (span.To > merged[^1].To)
                {
                    merged[^1] = merged[^1] with { To = span.To };
                }
            }
            else
            {
                merged.Add(span);
            }
        }

        return merged;
    }

    /// <summary>The moments in both lists (each list merged first).</summary>
    public static List<EvidenceSpan> Intersect(IReadOnlyList<EvidenceSpan> a, IReadOnlyList<EvidenceSpan> b)
    {
        var left = Merge(a);
        var right = Merge(b);
        var result = new List<EvidenceSpan>();
        int i = 0, j = 0;
        while (i < left.Count && j < right.Count)
        {
            var from = left[i].From > right[j].From ? left[i].From : right[j].From;
            var to = left[i].To < right[j].To ? left[i].To : right[j].To;
            if (to > from)
            {
                result.Add(new EvidenceSpan(from, to));
            }

            if (left[i].To < right[j].To)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return result;
    }

    public static List<EvidenceSpan> Clip(IEnumerable<EvidenceSpan> spans, DateTimeOffset from, DateTimeOffset to) =>
        [.. spans.Select(s => s.Clip(from, to)).OfType<EvidenceSpan>()];

    /// <summary>The moments of <c>[from, to]</c> in none of the spans.</summary>
    public static List<EvidenceSpan> Complement(IEnumerable<EvidenceSpan> spans, DateTimeOffset from, DateTimeOffset to)
    {
        var result = new List<EvidenceSpan>();
        var at = from;
        foreach (var span in Merge(Clip(spans, from, to)))
        {
            if (span.From > at)
            {
                result.Add(new EvidenceSpan(at, span.From));
            }

            at = span.To > at ? span.To : at;
        }

        if (to > at)
        {
            result.Add(new EvidenceSpan(at, to));
        }

        return result;
    }

    public static TimeSpan Total(IEnumerable<EvidenceSpan> spans) => Merge(spans).Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Length);
}
