using WasteIoT.Cloud.Checks.Evidence;
using WasteIoT.Cloud.Checks.SealedTransport;
using WasteIoT.Cloud.Registry;
using WasteIoT.Contracts.Messages;

namespace WasteIoT.Cloud.Audit;

/// <summary>What the road check needs of a vehicle's day: its fixes, its equipment switching (with the look-back, so a state set before midnight holds) and when it was heard.</summary>
internal sealed record WorkVehicleDay(Truck Truck, IReadOnlyList<PositionFix> Fixes, IReadOnlyList<EquipmentEvent> Equipment, IReadOnlyList<DeviceEvidence> Evidence);
