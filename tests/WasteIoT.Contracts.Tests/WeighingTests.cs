using System.Text;
using WasteIoT.Contracts.Messages;
using WasteIoT.Contracts.Serialization;
using WasteIoT.Contracts.Validation;

namespace WasteIoT.Contracts.Tests;

/// <summary>The weighbridge's message: a plate in Chinese travels, a visit's figures come together and add up.</summary>
public sealed class WeighingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void APlateInChineseAsTheFirmwareWritesItIsRead()
    {
        // The firmware writes non-ASCII as UTF-8; the contract's encoder escapes it; both read the same.
        var json = """{"kind":"weigh","schema":1,"device":"scale-ts01","boot":2,"seq":315,"ts":"2026-11-27T00:49:40Z","direction":"out","weightKg":9860,"stable":true,"vehicle":"浙A·D1234","grossKg":15240,"tareKg":9860,"netKg":5380}""";
        var decoded = WireCodec.DecodeDeviceMessage(Encoding.UTF8.GetBytes(json), Now);

        var weighing = Assert.IsType<Weighing>(decoded.Value);
        Assert.Equal(("浙A·D1234", 5380), (weighing.Vehicle, weighing.NetKg));
        Assert.Equal(weighing, WireCodec.DecodeDeviceMessage(WireCodec.Encode(weighing), Now).Value);
    }

    [Theory]
    [InlineData(",\"grossKg\":15240,\"tareKg\":9860", ViolationReason.Inconsistent)]
    [InlineData(",\"grossKg\":15240,\"tareKg\":9860,\"netKg\":5381", ViolationReason.Inconsistent)]
    [InlineData(",\"vehicle\":\"浙A·D1234567890123456\"", ViolationReason.InvalidId)]
    [InlineData(",\"tag\":\"04 A1\"", ViolationReason.InvalidId)]
    [InlineData(",\"weightKg\":250000", ViolationReason.OutOfRange)]
    public void AVisitThatDoesNotAddUpOrABadIdentityIsRefusedWithItsReason(string extra, string reason)
    {
        var json = """{"kind":"weigh","schema":1,"device":"scale-ts01","boot":2,"seq":1,"ts":"2026-11-27T00:49:40Z","direction":"out","weightKg":9860,"stable":true""" + extra + "}";

        Assert.Equal(reason, WireCodec.DecodeDeviceMessage(Encoding.UTF8.GetBytes(json), Now).Violation?.Reason);
    }
}
