using WasteIoT.Contracts.Messages;

namespace WasteIoT.Gateway.Store;

/// <summary>Kinds that are evidence of a service done or missed; the quota policy keeps them longest.</summary>
public static class BusinessKinds
{
    public static bool Contains(string kind) =>
        kind is MessageKinds.Scan or MessageKinds.Cover or MessageKinds.Badge or MessageKinds.Disinfect or MessageKinds.Work or MessageKinds.Weigh or MessageKinds.Treat;
}
