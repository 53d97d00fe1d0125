using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace WasteIoT.Benchmarks;

/// <summary>
/// A device's MQTT 3.1.1 session written by hand for load: CONNECT, then QoS 1 PUBLISHes with up to a window awaiting
/// their PUBACK, the due ones written in one send. The MQTTnet client costs the driver 31–59 µs of CPU a message on
/// the same two cores as the server it measures; this one 16–20 µs in the same runs (docs/performance.md), leaving more to the server.
/// </summary>
internal sealed class RawMqttDevice : IDisposable
{
    private readonly Socket _socket;
    private readonly byte[] _topic;
    private readonly string _device;
    private readonly byte[] _send = new byte[64 * 1024];
    private readonly byte[] _receive = new byte[16 * 1024];
    private int _received;

    private RawMqttDevice(Socket socket, string device)
    {
        _socket = socket;
        _device = device;
        _topic = Encoding.UTF8.GetBytes($"wiot/v1/dev/{device}/up/fill");
    }

    public static async Task<RawMqttDevice> ConnectAsync(int port, string device, string secret)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(IPAddress.Loopback, port);
        var raw = new RawMqttDevice(socket, device);
        var id = Encoding.UTF8.GetBytes(device);
        var password = Encoding.UTF8.GetBytes(secret);
        var body = new List<byte> { 0, 4, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 4, 0xC2, 0, 60 };
        foreach (var field in new[] { id, id, password })
        {
            body.Add((byte)(field.Length >> 8));
            body.Add((byte)field.Length);
            body.AddRange(field);
        }

        var length = WriteHeader(raw._send, 0x10, body.Count);
        body.CopyTo(raw._send, length);
        await socket.SendAsync(raw._send.AsMemory(0, length + body.Count));
        var connack = await raw.ReadPacketAsync();
        if (connack.Type != 0x20 || connack.Body[1] != 0)
        {
            socket.Dispose();
            throw new InvalidOperationException($"{device}: CONNACK {connack.Type:X2} code {connack.Body[1]}");
        }

        return raw;
    }

    /// <summary>Publishes <paramref name="count"/> readings (boot <paramref name="boot"/>, seq 1…) with <paramref name="window"/> in flight.</summary>
    public async Task PublishAsync(int count, int window, long boot)
    {
        var next = 1L;
        var inFlight = 0;
        var acknowledged = 0;
        while (acknowledged < count)
        {
            var length = 0;
            while (inFlight < window && next <= count && length < _send.Length - 1024)
            {
                length += WritePublish(_send.AsSpan(length), (ushort)(((next - 1) % 65_535) + 1), Reading(boot, next));
                next++;
                inFlight++;
            }

            if (length > 0)
            {
                await _socket.SendAsync(_send.AsMemory(0, length));
            }

            var (type, _) = await ReadPacketAsync();
            if (type != 0x40)
            {
                throw new InvalidOperationException($"{_device}: expected PUBACK, got packet {type:X2}");
            }

            inFlight--;
            acknowledged++;
        }
    }

    public void Dispose()
    {
        try
        {
            _socket.Send([0xE0, 0]);
        }
        catch (SocketException)
        {
            // The server went first.
        }

        _socket.Dispose();
    }

    private byte[] Reading(long boot, long seq) => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
        $$"""{"kind":"fill","schema":1,"device":"{{_device}}","boot":{{boot}},"seq":{{seq}},"ts":"{{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.fff}}Z","fillingLevel":0.42,"distanceMm":580,"temperature":12.5,"status":"ok","echo":"ok","battery":3.6}"""));

    private int WritePublish(Span<byte> target, ushort packetId, byte[] payload)
    {
        var remaining = 2 + _topic.Length + 2 + payload.Length;
        var header = WriteHeader(target, 0x32, remaining);
        var at = target[header..];
        BinaryPrimitives.WriteUInt16BigEndian(at, (ushort)_topic.Length);
        _topic.CopyTo(at[2..]);
        BinaryPrimitives.WriteUInt16BigEndian(at[(2 + _topic.Length)..], packetId);
        payload.CopyTo(at[(4 + _topic.Length)..]);
        return header + remaining;
    }

    private static int WriteHeader(Span<byte> target, byte type, int remaining)
    {
        target[0] = type;
        var i = 1;
        do
        {
            var digit = (byte)(remaining % 128);
            remaining /= 128;
            target[i++] = remaining > 0 ? (byte)(digit | 0x80) : digit;
        }
        while (remaining > 0);
        return i;
    }

    /// <summary>The next packet (only short ones come back: CONNACK, PUBACK).</summary>
    private async Task<(byte Type, byte[] Body)> ReadPacketAsync()
    {
        while (true)
        {
            if (_received >= 2 && _received >= 2 + _receive[1])
            {
                var type = (byte)(_receive[0] & 0xF0);
                var body = _receive.AsSpan(2, _receive[1]).ToArray();
                var used = 2 + _receive[1];
                _receive.AsSpan(used, _received - used).CopyTo(_receive);
                _received -= used;
                return (type, body);
            }

            var read = await _socket.ReceiveAsync(_receive.AsMemory(_received));
            if (read == 0)
            {
                throw new IOException($"{_device}: the server closed the connection");
            }

            _received += read;
        }
    }
}
