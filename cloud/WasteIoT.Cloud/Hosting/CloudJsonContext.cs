using System.Text.Json.Serialization;
using WasteIoT.Cloud.Contract;
using WasteIoT.Cloud.Health;

namespace WasteIoT.Cloud.Hosting;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(ContractSummary))]
[JsonSerializable(typeof(Checks.SealedTransport.SealedTransportResult))]
[JsonSerializable(typeof(Checks.Clearance.ClearanceResult))]
[JsonSerializable(typeof(Checks.DataHealth.DataHealthResult))]
[JsonSerializable(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails))]
[JsonSerializable(typeof(Readings.ReadingPage))]
[JsonSerializable(typeof(Readings.QuarantinePage))]
[JsonSerializable(typeof(Audit.CountyDay))]
[JsonSerializable(typeof(Audit.DaySummary))]
[JsonSerializable(typeof(Audit.RouteAudit))]
[JsonSerializable(typeof(Audit.TruckAudit))]
[JsonSerializable(typeof(Audit.BinAudit))]
[JsonSerializable(typeof(Audit.ToiletAudit))]
[JsonSerializable(typeof(Audit.StationAudit))]
[JsonSerializable(typeof(Audit.PondAudit))]
[JsonSerializable(typeof(Audit.DayOverview))]
[JsonSerializable(typeof(List<Audit.BinAudit>))]
[JsonSerializable(typeof(IReadOnlyList<Audit.ToiletAudit>))]
[JsonSerializable(typeof(Cases.CasePage))]
[JsonSerializable(typeof(Cases.CaseRecord))]
[JsonSerializable(typeof(Cases.CaseAction))]
[JsonSerializable(typeof(Cases.MonthlyReport))]
[JsonSerializable(typeof(Accounts.UserAccount))]
[JsonSerializable(typeof(IReadOnlyList<Accounts.UserAccount>))]
[JsonSerializable(typeof(Accounts.LoginRequest))]
[JsonSerializable(typeof(Accounts.PasswordRequest))]
[JsonSerializable(typeof(Accounts.SessionInfo))]
[JsonSerializable(typeof(Live.TruckPositionEvent))]
[JsonSerializable(typeof(Live.TruckTrack))]
[JsonSerializable(typeof(Dashboard.MapOptions))]
internal sealed partial class CloudJsonContext : JsonSerializerContext;
