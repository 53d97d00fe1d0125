using WasteIoT.Cloud.Checks.Evidence;

namespace WasteIoT.Cloud.Audit;

/// <summary>A thing whose verdict is unverified or has no data, and how much of its window was heard.</summary>
public sealed record UnheardThing(string Kind, string Id, string Name, VerdictState State, double Heard);
