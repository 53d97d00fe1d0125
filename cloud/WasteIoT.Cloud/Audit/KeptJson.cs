using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using WasteIoT.Cloud.Checks.Evidence;

namespace WasteIoT.Cloud.Audit;

/// <summary>
/// How a kept audit is written to <c>kept_things</c>: the API's naming, plus what the API leaves out but later steps of
/// the day read (a verdict's heard spans, which cases test stops and hauls against).
/// </summary>
internal static class KeptJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { WithHeardSpans } },
    };

    private static readonly System.Reflection.PropertyInfo HeardSpans = typeof(WindowEvidence).GetProperty(nameof(WindowEvidence.HeardSpans))!;
    private static readonly System.Reflection.PropertyInfo MinCoverage = typeof(WindowEvidence).GetProperty(nameof(WindowEvidence.MinCoverage))!;

    private static void WithHeardSpans(JsonTypeInfo info)
    {
        if (info.Type != typeof(WindowEvidence))
        {
            return;
        }

        var spans = info.CreateJsonPropertyInfo(typeof(IReadOnlyList<EvidenceSpan>), "heardSpansKept");
        spans.Get = o => ((WindowEvidence)o).HeardSpans;
        spans.Set = HeardSpans.SetValue;
        info.Properties.Add(spans);
        var min = info.CreateJsonPropertyInfo(typeof(double), "minCoverageKept");
        min.Get = o => ((WindowEvidence)o).MinCoverage;
        min.Set = MinCoverage.SetValue;
        info.Properties.Add(min);
    }
}
