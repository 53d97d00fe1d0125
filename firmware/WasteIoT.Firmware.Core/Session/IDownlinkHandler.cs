using WasteIoT.Firmware.Core.Protocol;

namespace WasteIoT.Firmware.Core.Session
{
    /// <summary>What a node application does with downlinks (an interface: nanoFramework has no generic delegates).</summary>
    public interface IDownlinkHandler
    {
        /// <summary>A newer config was applied and persisted.</summary>
        void OnConfigApplied(DeviceConfig config);

        void OnScanFeedback(ScanFeedback feedback);
    }
}
