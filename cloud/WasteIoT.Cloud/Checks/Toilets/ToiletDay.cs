namespace WasteIoT.Cloud.Checks.Toilets;

/// <summary>One toilet's day: its class, opening hours as instants, the cleaners assigned to it (定人管理).</summary>
public sealed record ToiletDay(string Toilet, ToiletClass Class, DateTimeOffset Opens, DateTimeOffset Closes, IReadOnlySet<string> AssignedCleaners);
