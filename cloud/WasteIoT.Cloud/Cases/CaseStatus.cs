namespace WasteIoT.Cloud.Cases;

/// <summary>The digital urban-management workflow: 立案 → 派遣 → 处置 → 结案.</summary>
public enum CaseStatus
{
    Filed,
    Dispatched,
    Resolved,
    Closed,
}
