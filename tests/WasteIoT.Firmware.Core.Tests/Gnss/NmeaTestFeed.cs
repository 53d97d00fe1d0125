using System.Text;
using WasteIoT.Firmware.Core.Gnss;

namespace WasteIoT.Firmware.Core.Tests.Gnss;

/// <summary>Builds checksummed sentences and feeds them through the line assembler and decoder.</summary>
internal sealed class NmeaTestFeed
{
    private readonly NmeaLineAssembler _assembler = new();

    public NmeaDecoder Decoder { get; } = new();

    public List<GnssFix> Fixes { get; } = [];

    public static string Sentence(string body)
    {
        var sum = 0;
        foreach (var c in body)
        {
            sum ^= c;
        }

        return $"${body}*{sum:X2}\r\n";
    }

    public NmeaTestFeed Send(string text) => SendBytes(Encoding.ASCII.GetBytes(text));

    public NmeaTestFeed SendBytes(byte[] bytes)
    {
        foreach (var b in bytes)
        {
            if (_assembler.Feed(b) && Decoder.Process(_assembler.Line, _assembler.Length))
            {
                Drain();
            }
        }

        return this;
    }

    public NmeaTestFeed Flush()
    {
        Decoder.Flush();
        Drain();
        return this;
    }

    private void Drain()
    {
        var fix = new GnssFix();
        while (Decoder.TryTakeFix(fix))
        {
            Fixes.Add(fix);
            fix = new GnssFix();
        }
    }
}
