using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using Microsoft.AspNetCore.Connections;

namespace WasteIoT.Cloud.Ingest;

/// <summary>
/// The guard in front of the gateway-facing MQTT endpoint, before MQTTnet sees a byte: every fixed header's claimed
/// length is checked as it passes (MQTTnet would buffer a 268 MB CONNECT as it streams), a connection must be accepted
/// (CONNACK 0) within <see cref="MqttFrontDoorOptions.ConnectTimeout"/>, and connections not yet accepted are limited
/// in all and per address, so idle or half-sent sockets cannot crowd gateways out.
/// </summary>
public sealed class MqttFrontDoor(MqttFrontDoorOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<IPAddress, int> _pendingByAddress = new();
    private int _pending;
    private long _refused;

    /// <summary>Connections closed at the door (oversized claim, no CONNECT in time, too many pending), since start.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    public ConnectionDelegate Wrap(ConnectionDelegate next) => async connection =>
    {
        var address = (connection.RemoteEndPoint as IPEndPoint)?.Address ?? IPAddress.None;
        if (Interlocked.Increment(ref _pending) > options.MaxPending || _pendingByAddress.AddOrUpdate(address, 1, (_, n) => n + 1) > options.MaxPendingPerAddress)
        {
            Release(address);
            Interlocked.Increment(ref _refused);
            connection.Abort();
            return;
        }

        var released = 0;
        void Accepted()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                Release(address);
            }
        }

        var transport = connection.Transport;
        var input = new GuardedInput(transport.Input.AsStream(), options.MaxPacketBytes, () => Interlocked.Increment(ref _refused));
        var output = new WatchedOutput(transport.Output.AsStream(), Accepted);
        connection.Transport = new Pipe(PipeReader.Create(input), PipeWriter.Create(output));
        using var deadline = new CancellationTokenSource(options.ConnectTimeout, time);
        using var registration = deadline.Token.Register(() =>
        {
            if (!output.Accepted)
            {
                Interlocked.Increment(ref _refused);
                connection.Abort();
            }
        });
        try
        {
            await next(connection);
        }
        finally
        {
            Accepted();
            connection.Transport = transport;
        }
    };

    private void Release(IPAddress address)
    {
        Interlocked.Decrement(ref _pending);
        if (_pendingByAddress.AddOrUpdate(address, 0, (_, n) => n - 1) <= 0)
        {
            _pendingByAddress.TryRemove(new KeyValuePair<IPAddress, int>(address, 0));
        }
    }

    private sealed class Pipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input => input;

        public PipeWriter Output => output;
    }

    /// <summary>Reads MQTT bytes through, ending the stream at the first fixed header claiming more than the limit.</summary>
    private sealed class GuardedInput(Stream inner, int maxPacketBytes, Action refused) : Stream
    {
        private int _state;
        private long _remaining;
        private long _length;
        private int _multiplier = 1;
        private bool _cut;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_cut)
            {
                return 0;
            }

            var read = await inner.ReadAsync(buffer, cancellationToken);
            if (!Inspect(buffer.Span[..read]))
            {
                _cut = true;
                refused();
                return 0;
            }

            return read;
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        /// <returns>False when a packet claims more than the limit, or its length field is malformed (MQTT 3.1.1 §2.2.3: at most 4 bytes).</returns>
        private bool Inspect(ReadOnlySpan<byte> bytes)
        {
            var i = 0;
            while (i < bytes.Length)
            {
                switch (_state)
                {
                    case 0:
                        // Fixed header's first byte.
                        _state = 1;
                        _length = 0;
                        _multiplier = 1;
                        i++;
                        break;
                    case 1:
                        var b = bytes[i++];
                        _length += (b & 0x7F) * _multiplier;
                        _multiplier *= 128;
                        if ((b & 0x80) != 0)
                        {
                            if (_multiplier > 128 * 128 * 128)
                            {
                                return false;
                            }

                            break;
                        }

                        if (_length > maxPacketBytes)
                        {
                            return false;
                        }

                        _remaining = _length;
                        _state = _remaining == 0 ? 0 : 2;
                        break;
                    default:
                        var skip = (int)Math.Min(_remaining, bytes.Length - i);
                        i += skip;
                        _remaining -= skip;
                        _state = _remaining == 0 ? 0 : 2;
                        break;
                }
            }

            return true;
        }
    }

    /// <summary>Writes through, noting when the CONNACK accepting the client goes out.</summary>
    private sealed class WatchedOutput(Stream inner, Action accepted) : Stream
    {
        private volatile bool _accepted;

        public bool Accepted => _accepted;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            // CONNACK: 0x20, remaining length, flags, return code (MQTT 3.1.1 §3.2; MQTT 5 has the reason code there too).
            if (!_accepted && buffer.Length >= 4 && buffer.Span[0] == 0x20 && buffer.Span[3] == 0)
            {
                _accepted = true;
                accepted();
            }

            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
