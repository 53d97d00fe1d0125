using System.Collections.Concurrent;
using System.Net;
using WasteIoT.Gateway.Ingest;

namespace WasteIoT.Gateway.Broker;

/// <summary>
/// Takes the wait for the disk out of MQTTnet's per-client loop. MQTTnet reads a client's next packet only once the
/// publish interceptor has returned, and sends the PUBACK after that; awaiting the commit in the interceptor therefore
/// allowed one message per device per group commit. Instead the interceptor hands the commit to the connection's
/// <see cref="GuardedChannel"/>, which holds that PUBACK back until the commit is done (and closes the connection
/// without it if the commit fails) while MQTTnet goes on reading: a device's whole window shares one commit.
/// A connection is gated from MQTTnet's "connected" event on, so a session taken over by a new connection never
/// receives the old one's commits; a PUBACK with no commit to wait for is never sent (the connection closes instead).
/// </summary>
public sealed class PubAckGates : IPubAckHold
{
    private readonly ConcurrentDictionary<string, GuardedChannel> _byEndpoint = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, GuardedChannel> _byClient = new(StringComparer.Ordinal);

    /// <summary>A device connected (after any takeover of its session): its PUBACKs are gated from now on.</summary>
    public void Connected(string clientId, EndPoint? remote)
    {
        if (remote is not null && _byEndpoint.TryGetValue(remote.ToString()!, out var channel))
        {
            channel.GatePubAcks(clientId);
            _byClient[clientId] = channel;
        }
    }

    /// <summary>Holds the PUBACK of <paramref name="clientId"/>'s publish being intercepted until <paramref name="acknowledge"/> completes.</summary>
    /// <returns>False when the connection is not gated: the caller must await the commit itself.</returns>
    public bool TryHold(string clientId, Task<bool> acknowledge)
    {
        if (!_byClient.TryGetValue(clientId, out var channel) || !channel.IsGated)
        {
            return false;
        }

        channel.Hold(acknowledge);
        return true;
    }

    internal void Opened(GuardedChannel channel) => _byEndpoint[channel.RemoteEndPoint.ToString()!] = channel;

    internal void Closed(GuardedChannel channel)
    {
        _byEndpoint.TryRemove(new KeyValuePair<string, GuardedChannel>(channel.RemoteEndPoint.ToString()!, channel));
        if (channel.ClientId is { } clientId)
        {
            _byClient.TryRemove(new KeyValuePair<string, GuardedChannel>(clientId, channel));
        }
    }
}
