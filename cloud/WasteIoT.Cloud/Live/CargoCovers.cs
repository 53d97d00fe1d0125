using WasteIoT.Contracts.Messages;

namespace WasteIoT.Cloud.Live;

/// <summary>From the contract's reported cover state to what the cloud shows, and its name on the wire (FIWARE's <c>cargoCoverStatus</c> too).</summary>
public static class CargoCovers
{
    public static CargoCover From(CoverState reported) => reported == CoverState.Open ? CargoCover.Open : CargoCover.Closed;

    public static CargoCover From(bool open) => open ? CargoCover.Open : CargoCover.Closed;

    public static string Name(CargoCover cover) => cover switch
    {
        CargoCover.Open => "open",
        CargoCover.Closed => "closed",
        _ => "unknown",
    };
}
