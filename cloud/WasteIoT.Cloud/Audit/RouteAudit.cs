using WasteIoT.Cloud.Checks.Coverage;

namespace WasteIoT.Cloud.Audit;

/// <summary>A route's day: whether it was due, and its door-to-door coverage when it was.</summary>
public sealed record RouteAudit(string Route, string Name, string Contractor, string Truck, bool Due, CoverageResult? Coverage);
