namespace WasteIoT.Firmware.Core.Weighbridge
{
    /// <summary>An indicator's continuous output, one format: bytes in, a weight each time a frame completes.</summary>
    public interface IWeightFrames
    {
        /// <summary>The last frame's weight, kg.</summary>
        int WeightKg { get; }

        /// <returns>True when a valid frame completed with this byte.</returns>
        bool Feed(byte value);
    }
}
