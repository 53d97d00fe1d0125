using System.Text.Json;

namespace WasteIoT.Cloud.Readings;

/// <summary>A page of a device's stored messages, oldest first; <see cref="Next"/> is the offset of the next page, null at the end.</summary>
public sealed record ReadingPage(string Device, DateTimeOffset From, DateTimeOffset To, int Offset, int Count, int? Next, IReadOnlyList<JsonElement> Items);
