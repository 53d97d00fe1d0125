using WasteIoT.Cloud.Checks.SealedTransport;

namespace WasteIoT.Cloud.Audit;

public sealed record TruckViolation(string Truck, string Contractor, OpenCoverViolation Violation);
