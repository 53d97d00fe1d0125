namespace WasteIoT.Testing;

/// <summary>One fenced example of docs/protocol.md.</summary>
/// <param name="Name">The <c>vector=</c> or <c>invalid=</c> name.</param>
/// <param name="Topic">The <c>topic=</c> it is published on, when given.</param>
/// <param name="Json">The example exactly as written between the fences.</param>
/// <param name="ExpectedReason">For <c>invalid=</c> examples: the violation reason a receiver must give.</param>
/// <param name="Line">1-based line of the opening fence, for failure messages.</param>
internal sealed record ProtocolVector(string Name, string? Topic, string Json, string? ExpectedReason, int Line)
{
    public bool IsCanonical => !Json.Contains('\n', StringComparison.Ordinal);

    public override string ToString() => $"{Name} (docs/protocol.md:{Line})";
}
