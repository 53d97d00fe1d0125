namespace WasteIoT.Gateway.Store;

internal sealed class AppendOperation(IncomingReading reading) : WriteOperation
{
    private AppendResult _result;

    public TaskCompletionSource<AppendResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override void Execute(StoreWriter writer) =>
        _result = writer.Insert(reading) ? AppendResult.Stored : AppendResult.Duplicate;

    public override void Complete() => Completion.TrySetResult(_result);

    public override void Fail(Exception exception) => Completion.TrySetException(exception);
}
