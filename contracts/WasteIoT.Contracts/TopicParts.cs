namespace WasteIoT.Contracts;

/// <summary>A parsed topic of the namespace.</summary>
/// <param name="IsDevice">True for <c>dev/…</c>, false for <c>gw/…</c>.</param>
/// <param name="ClientId">The device or gateway id in the topic.</param>
/// <param name="Direction">Up, down or status.</param>
/// <param name="Kind">The message kind (the last level), <c>status</c> for presence.</param>
public readonly record struct TopicParts(bool IsDevice, string ClientId, TopicDirection Direction, string Kind);
