using System.Text;
using BenchmarkDotNet.Attributes;
using WasteIoT.Cloud.Readings;
using WasteIoT.Contracts.Serialization;
using WasteIoT.Firmware.Core.Gnss;
using WasteIoT.Firmware.Core.Protocol;

namespace WasteIoT.Benchmarks.HotPaths;

/// <summary>
/// The per-message code on every tier: the truck node decoding its receiver and encoding a fix (on the ESP32 these
/// allocations are what the garbage collector has to find time for), the cloud decoding a stored fix.
/// </summary>
[MemoryDiagnoser]
public class HotPathBenchmarks
{
    // One second of a u-blox-style receiver: the sentences of one epoch (the firmware's fixtures are gpsd's logs).
    private static readonly string[] Epoch =
    [
        "$GNRMC,074103.00,A,3113.82500,N,12128.42207,E,12.64,87.5,271126,,,A*73",
        "$GNGGA,074103.00,3113.82500,N,12128.42207,E,1,11,0.90,4.2,M,9.1,M,,*4B",
        "$GNGSA,A,3,05,13,15,18,20,23,24,29,,,,,1.60,0.90,1.32*1F",
        "$GNVTG,87.5,T,,M,12.64,N,23.41,K,A*1A",
    ];

    private static readonly byte[] StoredFix = Encoding.UTF8.GetBytes(
        """{"kind":"pos","schema":1,"device":"truck-07","boot":12,"seq":5003,"ts":"2026-11-27T07:41:03Z","lat":31.2304167,"lon":121.4737011,"speed":23.4,"heading":87.5,"hdop":0.9,"sats":11,"fix":1}""");

    private readonly byte[] _receiverBytes = Encoding.ASCII.GetBytes(string.Join("\r\n", Epoch.Select(WithChecksum)) + "\r\n");
    private readonly NmeaLineAssembler _lines = new();
    private readonly NmeaDecoder _decoder = new();
    private readonly GnssFix _fix = new();
    private readonly JsonWriter _writer = new(new byte[MessageCodec.MaxPayloadBytes]);
    private readonly MessageCodec _codec = new();
    private readonly TruckPosition _reading = new() { Device = "truck-07", Boot = 12, Seq = 5003, Timestamp = 1_795_765_263_000, Lat = 31.2304167, Lon = 121.4737011, Speed = 23.4, Heading = 87.5, Hdop = 0.9, Sats = 11 };

    /// <summary>A benchmark of input the code refuses measures nothing: each path must succeed on its input first.</summary>
    [GlobalSetup]
    public void CheckInputs()
    {
        Require(FirmwareDecodesOneNmeaEpoch(), "NMEA epoch gave no fix");
        Require(_fix.Satellites == 11 && Math.Abs(_fix.Lat - 31.2304167) < 1e-6, $"NMEA fix wrong: {_fix.Lat} {_fix.Lon} {_fix.Satellites}");
        Require(FirmwareEncodesAPosition() > 0, "position not encoded");
        Require(ContractDecodesAPosition() is not null, "contract refused the fix");
        Require(CloudReadsAStoredPosition(), "position reader refused the fix");
        Require(FirmwareDecodesAPayload(), "firmware codec refused the fix");
    }

    /// <summary>Truck node: bytes of one receiver epoch → the fix (line assembly, checksum, fields, epoch end).</summary>
    [Benchmark]
    public bool FirmwareDecodesOneNmeaEpoch()
    {
        var got = false;
        foreach (var b in _receiverBytes)
        {
            if (_lines.Feed(b) && _decoder.Process(_lines.Line, _lines.Length))
            {
                got |= _decoder.TryTakeFix(_fix);
            }
        }

        // The same second again next time: close this epoch (as the next second's first sentence would).
        _decoder.Flush();
        while (_decoder.TryTakeFix(_fix))
        {
            got = true;
        }

        return got;
    }

    /// <summary>Truck node: a fix → its JSON payload, as published.</summary>
    [Benchmark]
    public int FirmwareEncodesAPosition()
    {
        _writer.Reset();
        return MessageCodec.Encode(_reading, _writer);
    }

    /// <summary>Gateway and cloud: a payload → the contract's record (source-generated System.Text.Json).</summary>
    [Benchmark]
    public object? ContractDecodesAPosition() => System.Text.Json.JsonSerializer.Deserialize(StoredFix, ContractJsonContext.Default.DeviceMessage);

    /// <summary>Cloud audit and replay: a stored fix → position, the dedicated reader.</summary>
    [Benchmark]
    public bool CloudReadsAStoredPosition() => PositionReader.TryRead(StoredFix, out _);

    /// <summary>Truck node: a received payload (a downlink) parsed by the firmware's own JSON reader.</summary>
    [Benchmark]
    public bool FirmwareDecodesAPayload() => _codec.TryDecode(StoredFix, 0, StoredFix.Length, out _, out _);

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException("hot path input: " + message);
        }
    }

    private static string WithChecksum(string sentence)
    {
        var body = sentence[1..sentence.IndexOf('*', StringComparison.Ordinal)];
        var sum = 0;
        foreach (var c in body)
        {
            sum ^= c;
        }

        return $"${body}*{sum:X2}";
    }
}
