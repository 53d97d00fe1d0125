using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using MQTTnet.Channel;

namespace WasteIoT.Gateway.Broker;

/// <summary>
/// An MQTT byte stream that reads every fixed header as it passes. MQTTnet allocates a buffer of whatever
/// length a packet claims before reading its body, so a 5-byte packet claiming 256 MB would cost 256 MB;
/// here the claim is checked first and the connection ends (read returns end of stream) before MQTTnet
/// sees the length.
/// </summary>
internal sealed class GuardedChannel(Stream stream, EndPoint remote, EndPoint local, int maxPacketBytes, bool secure, Action onOversized, PubAckGates? gates = null) : IMqttChannel
{
    private const byte PubAck = 0x40;

    // A device never has more than its window of publishes unacknowledged; one that does is not a device.
    private const int MaxHeld = 1024;

    // Commits whose PUBACKs MQTTnet has yet to write, in the order their publishes arrived (MQTT 3.1.1 §4.6: PUBACKs go
    // out in that order, so the n-th PUBACK written is the n-th publish's).
    private readonly ConcurrentQueue<Task<bool>> _held = new();

    // Once gated, every outgoing packet goes through this queue, in order, so a PUBACK waiting for its commit holds back
    // what follows it but never MQTTnet: it writes a PUBACK from the loop that reads the client's next publish.
    private readonly System.Threading.Channels.Channel<(byte[] Bytes, Task<bool>? Commit)> _out =
        System.Threading.Channels.Channel.CreateUnbounded<(byte[], Task<bool>?)>(new System.Threading.Channels.UnboundedChannelOptions { SingleReader = true });
    private volatile bool _gated;
    private bool _atPacketStart = true;
    private Task? _pump;
    // MQTTnet reads a fixed header a byte or two at a time: serving those reads from one buffer saves a syscall
    // each. Only reads are buffered; writes go straight to the socket.
    private readonly byte[] _readBuffer = new byte[16 * 1024];
    private int _readStart;
    private int _readEnd;
    private int _state;
    private long _remaining;
    private int _lengthBytes;
    private int _multiplier;
    private bool _closed;

    public bool IsGated => _gated;

    /// <summary>Whether the broker has accepted this client's CONNECT (a CONNACK with code 0 went out).</summary>
    public bool Accepted { get; private set; }

    /// <summary>Called once, when the CONNACK accepting the client is written.</summary>
    public Action? OnAccepted { get; set; }

    /// <summary>The device on this connection, once MQTTnet has connected it.</summary>
    public string? ClientId { get; private set; }

    public X509Certificate2? ClientCertificate => null;

    public void GatePubAcks(string clientId)
    {
        ClientId = clientId;
        _pump ??= Task.Run(PumpAsync);
        _gated = true;
    }

    public void Hold(Task<bool> acknowledge)
    {
        if (_held.Count >= MaxHeld)
        {
            Dispose();
            return;
        }

        _held.Enqueue(acknowledge);
    }

    public EndPoint RemoteEndPoint => remote;

    public EndPoint LocalEndPoint => local;

    public bool IsSecureConnection => secure;

    public Task ConnectAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task DisconnectAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        if (_closed)
        {
            return 0;
        }

        if (_readStart == _readEnd)
        {
            var filled = await stream.ReadAsync(_readBuffer, cancellationToken).ConfigureAwait(false);
            if (filled <= 0)
            {
                return 0;
            }

            if (!Inspect(_readBuffer.AsSpan(0, filled)))
            {
                _closed = true;
                onOversized();
                return 0;
            }

            _readStart = 0;
            _readEnd = filled;
        }

        var read = Math.Min(count, _readEnd - _readStart);
        Buffer.BlockCopy(_readBuffer, _readStart, buffer, offset, read);
        _readStart += read;
        return read;
    }

    public async Task WriteAsync(ReadOnlySequence<byte> buffer, bool isEndOfPacket, CancellationToken cancellationToken)
    {
        var packetStart = _atPacketStart;
        _atPacketStart = isEndOfPacket;
        if (!Accepted && packetStart && buffer.Length >= 4)
        {
            // CONNACK: 0x20, remaining length 2, flags, return code (MQTT 3.1.1 §3.2); code 0 is acceptance.
            Span<byte> head = stackalloc byte[4];
            buffer.Slice(0, 4).CopyTo(head);
            if (head[0] == 0x20 && head[3] == 0)
            {
                Accepted = true;
                OnAccepted?.Invoke();
            }
        }

        if (_gated)
        {
            Task<bool>? commit = null;
            if (packetStart && buffer.FirstSpan.Length > 0 && buffer.FirstSpan[0] == PubAck)
            {
                // Never a PUBACK for a message that is not on disk: no commit to wait for ends the connection instead,
                // and the device sends the message again.
                if (!_held.TryDequeue(out commit))
                {
                    Dispose();
                    throw new IOException("PUBACK with no commit to wait for: connection closed without it");
                }
            }

            if (!_out.Writer.TryWrite((buffer.ToArray(), commit)))
            {
                throw new IOException("connection closed");
            }

            return;
        }

        foreach (var segment in buffer)
        {
            await stream.WriteAsync(segment, cancellationToken).ConfigureAwait(false);
        }

        if (isEndOfPacket)
        {
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the queued packets in order, each PUBACK once its commit is done; what is ready goes out in one send.</summary>
    private async Task PumpAsync()
    {
        var batch = new System.IO.MemoryStream();
        try
        {
            while (await _out.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                batch.SetLength(0);
                while (_out.Reader.TryPeek(out var next) && (next.Commit is null || next.Commit.IsCompleted))
                {
                    _out.Reader.TryRead(out _);
                    if (next.Commit is { } commit && (!commit.IsCompletedSuccessfully || !commit.Result))
                    {
                        // The commit failed or was refused (disk full): no PUBACK, and the connection ends.
                        await WriteOutAsync(batch).ConfigureAwait(false);
                        Dispose();
                        return;
                    }

                    batch.Write(next.Bytes);
                }

                if (batch.Length > 0)
                {
                    await WriteOutAsync(batch).ConfigureAwait(false);
                }
                else if (_out.Reader.TryPeek(out var waiting) && waiting.Commit is not null)
                {
                    // The next packet is a PUBACK whose commit is under way.
                    try
                    {
                        await waiting.Commit.ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is not OutOfMemoryException)
                    {
                        // Seen as a failed commit on the next round.
                    }
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or System.Net.Sockets.SocketException)
        {
            Dispose();
        }
    }

    private async Task WriteOutAsync(System.IO.MemoryStream batch)
    {
        if (batch.Length > 0)
        {
            await stream.WriteAsync(batch.GetBuffer().AsMemory(0, (int)batch.Length)).ConfigureAwait(false);
            await stream.FlushAsync().ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _closed = true;
        _out.Writer.TryComplete();
        gates?.Closed(this);
        stream.Dispose();
    }

    /// <returns>False when a packet claims more than the limit (or its length field is malformed).</returns>
    private bool Inspect(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            if (_state == 2)
            {
                // Inside a body: skip it whole.
                var skip = (int)Math.Min(_remaining, bytes.Length - i);
                _remaining -= skip;
                i += skip;
                if (_remaining == 0)
                {
                    _state = 0;
                }

                continue;
            }

            var b = bytes[i++];
            if (_state == 0)
            {
                // The type byte; the remaining length follows (1..4 bytes, 7 bits each).
                _state = 1;
                _remaining = 0;
                _lengthBytes = 0;
                _multiplier = 1;
                continue;
            }

            _remaining += (b & 0x7F) * (long)_multiplier;
            _multiplier *= 128;
            _lengthBytes++;
            if (_remaining + 1 + _lengthBytes > maxPacketBytes)
            {
                return false;
            }

            if ((b & 0x80) == 0)
            {
                _state = _remaining == 0 ? 0 : 2;
            }
            else if (_lengthBytes == 4)
            {
                return false;
            }
        }

        return true;
    }
}
