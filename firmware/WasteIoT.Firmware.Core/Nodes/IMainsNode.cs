namespace WasteIoT.Firmware.Core.Nodes
{
    /// <summary>A node on mains or vehicle power: it never sleeps, and one step of its loop reads, debounces and queues.</summary>
    public interface IMainsNode
    {
        void Tick();
    }
}
