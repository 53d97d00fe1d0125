using System.Buffers;
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
internal sealed class GuardedChannel(Stream stream, EndPoint remote, EndPoint local, int maxPacketBytes, bool secure, Action onOversized) : IMqttChannel
{
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

    public X509Certificate2? ClientCertificate => null;

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
        foreach (var segment in buffer)
        {
            await stream.WriteAsync(segment, cancellationToken).ConfigureAwait(false);
        }

        if (isEndOfPacket)
        {
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _closed = true;
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
