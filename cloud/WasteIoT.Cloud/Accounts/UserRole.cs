namespace WasteIoT.Cloud.Accounts;

/// <summary>Who a user is: the bureau sees the county; a contractor its own trucks and sites; a crew member its truck.</summary>
public enum UserRole
{
    Bureau,
    Contractor,
    Crew,
}
