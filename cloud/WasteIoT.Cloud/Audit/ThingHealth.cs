namespace WasteIoT.Cloud.Audit;

/// <summary>How well one registered thing's nodes were heard over its window of the day.</summary>
/// <param name="Kind">truck, bin, toilet, station or pond.</param>
/// <param name="Coverage">Share of its window its nodes were heard.</param>
/// <param name="Outages">Silences and losses in the window.</param>
/// <param name="LostOutages">Of them, stretches whose messages were numbered but never arrived.</param>
/// <param name="Dropped">Messages its nodes' flash logs evicted, as their heartbeats count them.</param>
public sealed record ThingHealth(string Kind, string Id, string Name, string Contractor, double Coverage, TimeSpan Silent, int Outages, int LostOutages, long Dropped, bool Verified);
