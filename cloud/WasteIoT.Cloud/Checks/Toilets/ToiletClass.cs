namespace WasteIoT.Cloud.Checks.Toilets;

/// <summary>Public toilet class per GB/T 17217: I is the highest standard.</summary>
public enum ToiletClass
{
    I = 1,
    II = 2,
    III = 3,
}
