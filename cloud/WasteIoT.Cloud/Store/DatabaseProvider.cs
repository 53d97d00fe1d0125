namespace WasteIoT.Cloud.Store;

/// <summary>Where the cloud keeps its data: the embedded default or production PostgreSQL.</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
