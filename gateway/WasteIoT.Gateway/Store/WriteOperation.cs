namespace WasteIoT.Gateway.Store;

/// <summary>One queued write; completed only after the transaction that holds it has committed.</summary>
internal abstract class WriteOperation
{
    public abstract void Execute(StoreWriter writer);

    public abstract void Complete();

    public abstract void Fail(Exception exception);
}
