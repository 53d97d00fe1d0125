namespace WasteIoT.Gateway.Ingest;

/// <summary>
/// Where the pipeline leaves a publish's commit for its connection to wait on before the PUBACK (the broker's
/// connections implement it), so MQTTnet reads on while the disk commits a whole window at once.
/// </summary>
public interface IPubAckHold
{
    /// <summary>Holds the PUBACK of <paramref name="clientId"/>'s publish being intercepted until <paramref name="acknowledge"/> completes.</summary>
    /// <returns>False when the connection cannot hold it: the caller must await the commit itself.</returns>
    bool TryHold(string clientId, Task<bool> acknowledge);
}
