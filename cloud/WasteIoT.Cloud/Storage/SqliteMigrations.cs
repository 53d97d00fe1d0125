namespace WasteIoT.Cloud.Storage;

/// <summary>Schema migrations for the SQLite store, applied in order at start; the applied version is kept in <c>schema_version</c>.</summary>
internal static class SqliteMigrations
{
    public static readonly string[] Steps =
    [
        """
        CREATE TABLE readings (
            id       INTEGER PRIMARY KEY,
            device   TEXT    NOT NULL,
            boot     INTEGER NOT NULL,
            seq      INTEGER NOT NULL,
            kind     TEXT    NOT NULL,
            ts       INTEGER NOT NULL,
            rx       INTEGER NOT NULL,
            gateway  TEXT    NOT NULL,
            json     BLOB    NOT NULL,
            UNIQUE (device, boot, seq)
        );
        CREATE INDEX readings_device_ts ON readings (device, ts);
        CREATE TABLE quarantine (
            id      INTEGER PRIMARY KEY,
            gateway TEXT    NOT NULL,
            batch   INTEGER NOT NULL,
            idx     INTEGER NOT NULL,
            reason  TEXT    NOT NULL,
            detail  TEXT    NOT NULL,
            json    BLOB    NOT NULL
        );
        CREATE TABLE gateways (
            id   TEXT PRIMARY KEY,
            salt BLOB NOT NULL,
            hash BLOB NOT NULL
        );
        CREATE TABLE gateway_devices (
            gateway TEXT NOT NULL,
            device  TEXT NOT NULL,
            PRIMARY KEY (gateway, device)
        );
        """,
    ];
}
