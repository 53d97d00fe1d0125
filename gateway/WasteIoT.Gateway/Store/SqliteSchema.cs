namespace WasteIoT.Gateway.Store;

/// <summary>The gateway database. Every statement is idempotent so the schema is applied at each start.</summary>
internal static class SqliteSchema
{
    /// <summary>Per-connection settings (journal_mode is the file's, set once in <see cref="Create"/>).</summary>
    public const string Pragmas = """
        PRAGMA busy_timeout = 5000;
        PRAGMA journal_size_limit = 8388608;
        PRAGMA foreign_keys = ON;
        """;

    public const string Create = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS readings (
            id        INTEGER PRIMARY KEY,
            device    TEXT    NOT NULL,
            boot      INTEGER NOT NULL,
            seq       INTEGER NOT NULL,
            kind      TEXT    NOT NULL,
            ts        INTEGER NOT NULL,
            rx        INTEGER NOT NULL,
            payload   BLOB    NOT NULL,
            business  INTEGER NOT NULL,
            sent      INTEGER NOT NULL DEFAULT 0,
            UNIQUE (device, boot, seq)
        );
        CREATE INDEX IF NOT EXISTS readings_unsent ON readings (id) WHERE sent = 0;
        -- The once-a-second sweep of delivered rows runs in the writer: without this index it scanned the whole table,
        -- holding every commit (and PUBACK) for tens of milliseconds once the table was large.
        CREATE INDEX IF NOT EXISTS readings_delivered ON readings (rx) WHERE sent = 1;
        CREATE TABLE IF NOT EXISTS quarantine (
            id      INTEGER PRIMARY KEY,
            rx      INTEGER NOT NULL,
            client  TEXT    NOT NULL,
            topic   TEXT    NOT NULL,
            reason  TEXT    NOT NULL,
            detail  TEXT    NOT NULL,
            payload BLOB    NOT NULL
        );
        CREATE TABLE IF NOT EXISTS devices (
            id       TEXT PRIMARY KEY,
            salt     BLOB    NOT NULL,
            hash     BLOB    NOT NULL,
            created  INTEGER NOT NULL,
            disabled INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE IF NOT EXISTS downlink (
            topic   TEXT PRIMARY KEY,
            payload BLOB    NOT NULL,
            updated INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS counters (
            name  TEXT PRIMARY KEY,
            value INTEGER NOT NULL
        );
        """;
}
