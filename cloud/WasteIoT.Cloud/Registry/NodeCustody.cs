namespace WasteIoT.Cloud.Registry;

/// <summary>
/// Who answers for a thing's nodes being powered and connected: a "node silent during service hours" case goes to them.
/// Truck and site nodes are in the contractor's custody by default (on its vehicles, in the toilets it cleans);
/// street bins and pond gauges are the bureau's maintainer's.
/// </summary>
public enum NodeCustody
{
    Contractor,
    Bureau,
}
