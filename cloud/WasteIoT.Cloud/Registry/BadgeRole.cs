namespace WasteIoT.Cloud.Registry;

public enum BadgeRole
{
    Cleaner,
    Crew,
}
