using WasteIoT.Firmware.Core.Hardware;
using WasteIoT.Firmware.Core.Sensing;
using WasteIoT.Firmware.Core.Weighbridge;

namespace WasteIoT.Firmware.Core.Nodes
{
    /// <summary>The parts of a toilet or transfer-station node; any optional part may be null.</summary>
    public class SiteNodeHardware
    {
        public IAnalogInput Nh3;

        public GasCellCalibration Nh3Calibration;

        public IAnalogInput H2s;

        public GasCellCalibration H2sCalibration;

        /// <summary>UART of the dust sensor, read with <see cref="DustParser"/>.</summary>
        public IByteStream Dust;

        /// <summary>An <see cref="Sds011Parser"/> or a <see cref="Pms5003Parser"/>, matching the sensor fitted.</summary>
        public SerialFrameParser DustParser;

        public IClimateSensor Climate;

        public ITagReader BadgeReader;

        public IDigitalInput DisinfectButton;

        /// <summary>Optional level sensor over a tank or leachate pond.</summary>
        public IRangeSensor Level;

        /// <summary>Sensor face to the gauge zero (the pond's bottom reference), mm.</summary>
        public int LevelGaugeZeroMm;

        public IIndicator Indicator;

        /// <summary>A leachate treatment unit's flow meter pulse output (permeate), counted by <see cref="Treated"/>.</summary>
        public IDigitalInput FlowMeter;

        public PulseTotaliser Treated;

        /// <summary>A scale-house node: the weighbridge indicator's UART, read with <see cref="ScaleFrames"/> or <see cref="ScaleTickets"/>.</summary>
        public IByteStream Scale;

        /// <summary>An <see cref="Xk3190A9Parser"/> or a <see cref="ReversedWeightParser"/>, as the indicator is set.</summary>
        public IWeightFrames ScaleFrames;

        /// <summary>Instead of <see cref="ScaleFrames"/>: the indicator's print output on <see cref="Scale"/>, each ticket a completed visit.</summary>
        public TicketParser ScaleTickets;

        /// <summary>Turns the readings and the cards swiped on <see cref="BadgeReader"/> into weighings; with it, cards are vehicles', not cleaners'.</summary>
        public WeighingCapture ScaleCapture;
    }
}
