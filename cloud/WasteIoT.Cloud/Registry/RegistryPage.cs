using System.Text.Json;

namespace WasteIoT.Cloud.Registry;

public sealed record RegistryPage(string Kind, int Total, int Offset, int Limit, IReadOnlyList<JsonElement> Items);
