namespace WasteIoT.Cloud.Registry;

public enum SiteKind
{
    Toilet,
    TransferStation,

    /// <summary>A landfill or incinerator: its weighbridge weighs what is disposed of; transfer trucks' hauls end there.</summary>
    Landfill,
}
