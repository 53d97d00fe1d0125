namespace WasteIoT.Cloud.Cases;

/// <summary>
/// One month's cases (filed in that local month), overall or for one contractor.
/// Completion rate: resolved or closed / filed. Closure rate: closed / filed. On-time rate: resolved by the due time /
/// cases that were due (resolved, or past their due time) — a case not yet due does not count against anyone.
/// </summary>
public sealed record MonthlyFigures(string Contractor, int Filed, int Completed, int Closed, int Due, int OnTime, double CompletionRate, double ClosureRate, double OnTimeRate);
