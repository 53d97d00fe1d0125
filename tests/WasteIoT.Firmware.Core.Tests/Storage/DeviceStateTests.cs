using WasteIoT.Firmware.Core.Storage;

namespace WasteIoT.Firmware.Core.Tests.Storage;

public sealed class DeviceStateTests
{
    [Fact]
    public void NewDeviceStartsAtBootOneSeqOne()
    {
        var state = new DeviceState(new MemoryFlashRegion(512));
        Assert.False(state.TryLoad());
        state.BeginBoot(wokeFromDeepSleep: false, 0);
        Assert.Equal(1, state.Boot);
        Assert.Equal(1, state.TakeSeq());
    }

    [Fact]
    public void DeepSleepContinuesTheBootAndResetStartsANewOne()
    {
        var flash = new MemoryFlashRegion(512);
        var state = new DeviceState(flash);
        state.BeginBoot(false, 0);
        state.TakeSeq();
        state.TakeSeq();
        state.Save();

        var woken = new DeviceState(flash);
        Assert.True(woken.TryLoad());
        woken.BeginBoot(wokeFromDeepSleep: true, 0);
        Assert.Equal(1, woken.Boot);
        Assert.Equal(3, woken.TakeSeq());
        woken.Save();

        var reset = new DeviceState(flash);
        Assert.True(reset.TryLoad());
        reset.BeginBoot(wokeFromDeepSleep: false, 0);
        Assert.Equal(2, reset.Boot);
        Assert.Equal(1, reset.TakeSeq());
    }

    [Fact]
    public void ConfigAndDroppedCounterSurvive()
    {
        var flash = new MemoryFlashRegion(512);
        var state = new DeviceState(flash);
        state.Config.Revision = 9;
        state.Config.PublishIntervalS = 1800;
        state.Config.FillChangeThreshold = 0.15;
        state.Dropped = 42;
        state.Save();

        var loaded = new DeviceState(flash);
        Assert.True(loaded.TryLoad());
        Assert.Equal(9, loaded.Config.Revision);
        Assert.Equal(1800, loaded.Config.PublishIntervalS);
        Assert.Equal(0.15, loaded.Config.FillChangeThreshold, 4);
        Assert.Equal(42, loaded.Dropped);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(11)]
    [InlineData(40)]
    [InlineData(75)]
    public void TornSaveLeavesACompleteState(int bytesBeforePowerLoss)
    {
        var flash = new MemoryFlashRegion(512);
        var state = new DeviceState(flash);
        state.BeginBoot(false, 0);
        state.NextSeq = 100;
        state.Save();
        state.NextSeq = 200;
        state.Save();

        state.NextSeq = 300;
        state.Dropped = 7;
        state.Config.Revision = 5;
        flash.FailAfterBytes = bytesBeforePowerLoss;
        Assert.Throws<PowerLossException>(state.Save);

        // Either the old state, or the new one if every byte that differs was written — never a mix.
        var loaded = new DeviceState(flash);
        Assert.True(loaded.TryLoad());
        Assert.True(
            (loaded.NextSeq, loaded.Dropped, loaded.Config.Revision) is (200, 0, -1) or (300, 7, 5),
            $"loaded {loaded.NextSeq}/{loaded.Dropped}/{loaded.Config.Revision}");
    }
}
