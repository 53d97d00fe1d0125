namespace WasteIoT.Cloud.Registry;

/// <summary>A road's class in the county's cleaning plan (主干道、次干道、背街小巷、重点路段).</summary>
public enum RoadClass
{
    Main,
    Secondary,
    BackStreet,
    KeySection,
}
