namespace WasteIoT.Contracts;

public enum TopicDirection
{
    Up,
    Down,
    Status,
}
