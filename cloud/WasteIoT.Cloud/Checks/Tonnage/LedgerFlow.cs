namespace WasteIoT.Cloud.Checks.Tonnage;

/// <summary>Which way a vehicle's load goes at a transfer station: delivered into it, hauled out of it, or neither.</summary>
public enum LedgerFlow
{
    In,
    Out,
    Other,
}
