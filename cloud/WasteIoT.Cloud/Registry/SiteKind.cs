namespace WasteIoT.Cloud.Registry;

public enum SiteKind
{
    Toilet,
    TransferStation,
}
