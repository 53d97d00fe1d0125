namespace WasteIoT.Cloud.Checks.Muck;

/// <summary>A span of approved hours.</summary>
public sealed record MuckHours(DateTimeOffset From, DateTimeOffset To);
