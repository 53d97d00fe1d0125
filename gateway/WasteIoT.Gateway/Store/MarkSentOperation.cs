namespace WasteIoT.Gateway.Store;

internal sealed class MarkSentOperation(IReadOnlyList<long> ids) : WriteOperation
{
    public TaskCompletionSource<bool> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override void Execute(StoreWriter writer)
    {
        foreach (var id in ids)
        {
            writer.MarkSent(id);
        }
    }

    public override void Complete() => Completion.TrySetResult(true);

    public override void Fail(Exception exception) => Completion.TrySetException(exception);
}
