namespace WasteIoT.Firmware.Core.Tests;

/// <summary>Tests that measure the process (retained memory) and must not share it with tests running in parallel.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "serial";
}
