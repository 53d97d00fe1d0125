namespace WasteIoT.Cloud.Checks.SealedTransport;

public sealed record SealedTransportResult(IReadOnlyList<OpenCoverViolation> Violations, IReadOnlyList<SilentCoverFinding> SilentSensor, double DrivenKm);
