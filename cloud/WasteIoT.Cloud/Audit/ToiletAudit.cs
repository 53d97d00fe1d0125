using WasteIoT.Cloud.Checks.Toilets;

namespace WasteIoT.Cloud.Audit;

public sealed record ToiletAudit(string Toilet, string Name, string Contractor, ToiletClass Class, ToiletAuditResult Result);
