using WasteIoT.Cloud.Audit;

namespace WasteIoT.Cloud.Scorecards;

/// <param name="DaysKept">Days of the month whose audit has been kept (a day is kept once it has closed and been computed).</param>
public sealed record Scorecard(string Month, int DaysKept, IReadOnlyList<ContractorScore> Contractors);
