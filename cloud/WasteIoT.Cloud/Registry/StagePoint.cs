namespace WasteIoT.Cloud.Registry;

public sealed record StagePoint(double StageM, double VolumeM3);
