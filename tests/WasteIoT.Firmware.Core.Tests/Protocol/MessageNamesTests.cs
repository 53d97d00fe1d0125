using System.Reflection;
using System.Text.Json.Serialization;

namespace WasteIoT.Firmware.Core.Tests.Protocol;

/// <summary>One name per message kind: the firmware's own non-generic classes carry the contract's names.</summary>
public sealed class MessageNamesTests
{
    [Fact]
    public void EveryMessageKindHasTheSameNameInTheFirmwareAndTheContract()
    {
        var contract = typeof(WasteIoT.Contracts.Messages.DeviceMessage).GetCustomAttributes<JsonDerivedTypeAttribute>()
            .ToDictionary(a => (string)a.TypeDiscriminator!, a => a.DerivedType.Name, StringComparer.Ordinal);
        var firmware = typeof(WasteIoT.Firmware.Core.Protocol.DeviceMessage).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(WasteIoT.Firmware.Core.Protocol.DeviceMessage)))
            .ToDictionary(t => (string)t.GetField("KindName")!.GetValue(null)!, t => t.Name, StringComparer.Ordinal);

        Assert.Equal(contract.OrderBy(k => k.Key, StringComparer.Ordinal), firmware.OrderBy(k => k.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void TheDevicesTopicsAreTheContractsTopicsByTheSameNames()
    {
        foreach (var kind in new[] { "fill", "scan", "hb" })
        {
            Assert.Equal(WasteIoT.Contracts.Topics.DeviceUp("truck-07", kind), WasteIoT.Firmware.Core.Protocol.Topics.DeviceUp("truck-07", kind));
        }

        Assert.Equal(WasteIoT.Contracts.Topics.DeviceStatus("bin-0001"), WasteIoT.Firmware.Core.Protocol.Topics.DeviceStatus("bin-0001"));
        Assert.Equal(WasteIoT.Contracts.Topics.DeviceDownFilter("bin-0001"), WasteIoT.Firmware.Core.Protocol.Topics.DeviceDownFilter("bin-0001"));
        Assert.Equal(WasteIoT.Contracts.Topics.DeviceDownPrefix("bin-0001"), WasteIoT.Firmware.Core.Protocol.Topics.DeviceDownPrefix("bin-0001"));
        Assert.Equal("config", WasteIoT.Firmware.Core.Protocol.Topics.DownKind(WasteIoT.Contracts.Topics.DeviceDown("bin-0001", "config"), "bin-0001"));
    }
}
