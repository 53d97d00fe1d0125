using WasteIoT.Firmware.Core.Hardware;
using WasteIoT.Firmware.Core.Session;
using WasteIoT.Firmware.Core.Storage;

namespace WasteIoT.Firmware.Core.Nodes
{
    /// <summary>The services every node application is built on, wired once at start.</summary>
    public class NodeContext
    {
        public NodeContext(IClock clock, IPowerControl power, DeviceState state, GatewaySession session, string firmware)
        {
            Clock = clock;
            Power = power;
            State = state;
            Session = session;
            Firmware = firmware;
        }

        public IClock Clock { get; private set; }

        public IPowerControl Power { get; private set; }

        public DeviceState State { get; private set; }

        public GatewaySession Session { get; private set; }

        public string Firmware { get; private set; }

        /// <summary>
        /// True when an <see cref="GatewayWorker"/> runs the session on its own thread (the mains nodes on a device);
        /// the node's loop then only stores messages. False: the loop services the session itself (bin node, simulator).
        /// </summary>
        public bool SessionOnOwnThread { get; set; }
    }
}
