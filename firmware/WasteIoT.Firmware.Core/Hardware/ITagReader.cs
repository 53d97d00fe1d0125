namespace WasteIoT.Firmware.Core.Hardware
{
    /// <summary>An RFID reader (MFRC522 for 13.56 MHz badges and tags, or a UHF EPC reader on a truck).</summary>
    public interface ITagReader
    {
        /// <summary>Polls for a card in the field.</summary>
        /// <returns>True with the tag UID as upper-case hex.</returns>
        bool TryReadTag(out string uid);
    }
}
