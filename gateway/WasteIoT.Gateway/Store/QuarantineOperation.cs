namespace WasteIoT.Gateway.Store;

internal sealed class QuarantineOperation(QuarantineEntry entry, int keep) : WriteOperation
{
    public TaskCompletionSource<bool> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override void Execute(StoreWriter writer) => writer.Quarantine(entry, keep);

    public override void Complete() => Completion.TrySetResult(true);

    public override void Fail(Exception exception) => Completion.TrySetException(exception);
}
