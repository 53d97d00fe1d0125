using WasteIoT.Cloud.Checks.Evidence;

namespace WasteIoT.Cloud.Audit;

/// <param name="FirstMissed">The first <see cref="DayOverview.MissedShown"/> missed households, in route order.</param>
/// <param name="Heard">Share of the service hours the truck's node was heard.</param>
public sealed record RouteProgress(
    string Route, string Name, string Truck, int Served, int Scheduled, int Missed, int FarScans, IReadOnlyList<string> FirstMissed, int Unverified, VerdictState State, double Heard);
