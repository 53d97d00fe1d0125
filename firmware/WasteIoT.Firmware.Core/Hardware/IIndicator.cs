namespace WasteIoT.Firmware.Core.Hardware
{
    /// <summary>The LED and buzzer a crew member or cleaner sees and hears.</summary>
    public interface IIndicator
    {
        /// <param name="pattern">One of <see cref="FeedbackPattern"/>.</param>
        void Show(int pattern);
    }
}
