namespace WasteIoT.Cloud.Store;

/// <summary>
/// Schema migrations, applied in order at start; the applied version is kept in <c>schema_version</c>.
/// Steps shared by both databases are written once, with <c>{id}</c> (an identity key) and <c>{blob}</c> filled in per database.
/// </summary>
internal static class CloudSchema
{
    public static readonly IReadOnlyList<string> Sqlite =
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
        """ + Shared(1, "INTEGER PRIMARY KEY", "BLOB"),
        Shared(2, "INTEGER PRIMARY KEY", "BLOB"),

        // One B-tree instead of three (rowid table, unique index, time index): the key that deduplicates also orders
        // a device's readings by time, as on PostgreSQL. Ingest speed is the number of B-trees touched per row.
        """
        CREATE TABLE readings_by_device (
            device   TEXT    NOT NULL,
            ts       INTEGER NOT NULL,
            boot     INTEGER NOT NULL,
            seq      INTEGER NOT NULL,
            kind     TEXT    NOT NULL,
            rx       INTEGER NOT NULL,
            gateway  TEXT    NOT NULL,
            json     BLOB    NOT NULL,
            PRIMARY KEY (device, ts, boot, seq)
        ) WITHOUT ROWID;
        INSERT INTO readings_by_device (device, ts, boot, seq, kind, rx, gateway, json) SELECT device, ts, boot, seq, kind, rx, gateway, json FROM readings;
        DROP TABLE readings;
        ALTER TABLE readings_by_device RENAME TO readings;
        """,
        Shared(3, "INTEGER PRIMARY KEY", "BLOB"),
        Shared(4, "INTEGER PRIMARY KEY", "BLOB"),

        // The newest reading of each UTC day, so "the latest day with data" is one row, not a scan of the readings.
        """
        CREATE TABLE data_days (
            day    TEXT    PRIMARY KEY,
            newest INTEGER NOT NULL
        );
        INSERT INTO data_days (day, newest) SELECT strftime('%Y-%m-%d', ts / 1000, 'unixepoch'), MAX(ts) FROM readings GROUP BY 1;
        """,
        Shared(6, "INTEGER PRIMARY KEY", "BLOB"),
        Shared(7, "INTEGER PRIMARY KEY", "BLOB"),
        Shared(8, "INTEGER PRIMARY KEY", "BLOB"),
        Shared(9, "INTEGER PRIMARY KEY", "BLOB"),
        Shared(10, "INTEGER PRIMARY KEY", "BLOB"),
        Shared(11, "INTEGER PRIMARY KEY", "BLOB"),
    ];

    /// <summary>
    /// Readings are range-partitioned by month of <c>ts</c> (partitions are made as data for a month first arrives).
    /// A partitioned table's unique key must hold the partition key, so the key is <c>(device, ts, boot, seq)</c>:
    /// a retransmission is the same bytes, so the same <c>ts</c>, and the key also serves the per-device time-range reads.
    /// </summary>
    public static readonly IReadOnlyList<string> PostgreSql =
    [
        """
        CREATE TABLE readings (
            device   TEXT   NOT NULL,
            boot     BIGINT NOT NULL,
            seq      BIGINT NOT NULL,
            kind     TEXT   NOT NULL,
            ts       BIGINT NOT NULL,
            rx       BIGINT NOT NULL,
            gateway  TEXT   NOT NULL,
            json     BYTEA  NOT NULL,
            PRIMARY KEY (device, ts, boot, seq)
        ) PARTITION BY RANGE (ts);
        """ + Shared(1, "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "BYTEA"),
        Shared(2, "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "BYTEA"),
        Shared(3, "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "BYTEA"),
        Shared(4, "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "BYTEA"),
        """
        CREATE TABLE data_days (
            day    TEXT   PRIMARY KEY,
            newest BIGINT NOT NULL
        );
        INSERT INTO data_days (day, newest)
            SELECT to_char(to_timestamp(ts / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM-DD'), MAX(ts) FROM readings GROUP BY 1;
        """,
        Shared(6, "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "BYTEA"),
        Shared(7, "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "BYTEA"),
        Shared(8, "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "BYTEA"),
        Shared(9, "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "BYTEA"),
        Shared(10, "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "BYTEA"),
        Shared(11, "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "BYTEA"),
    ];

    private static string Shared(int step, string id, string blob) => (step switch
    {
        1 => """
            CREATE TABLE quarantine (
                id      {id},
                gateway TEXT    NOT NULL,
                batch   BIGINT  NOT NULL,
                idx     INTEGER NOT NULL,
                reason  TEXT    NOT NULL,
                detail  TEXT    NOT NULL,
                json    {blob}  NOT NULL
            );
            CREATE TABLE gateways (
                id   TEXT   PRIMARY KEY,
                salt {blob} NOT NULL,
                hash {blob} NOT NULL
            );
            CREATE TABLE gateway_devices (
                gateway TEXT NOT NULL,
                device  TEXT NOT NULL,
                PRIMARY KEY (gateway, device)
            );
            """,
        2 => """
            CREATE TABLE registry (
                kind       TEXT   NOT NULL,
                id         TEXT   NOT NULL,
                contractor TEXT   NOT NULL,
                json       TEXT   NOT NULL,
                updated    BIGINT NOT NULL,
                PRIMARY KEY (kind, id)
            );
            CREATE TABLE registry_version (
                id      INTEGER PRIMARY KEY,
                version BIGINT  NOT NULL
            );
            INSERT INTO registry_version (id, version) VALUES (1, 0);
            CREATE TABLE cases (
                id         {id},
                kind       TEXT   NOT NULL,
                subject    TEXT   NOT NULL,
                day        TEXT   NOT NULL,
                finding    TEXT   NOT NULL,
                contractor TEXT   NOT NULL,
                title      TEXT   NOT NULL,
                detail     TEXT   NOT NULL,
                status     TEXT   NOT NULL,
                assignee   TEXT,
                filed      BIGINT NOT NULL,
                due        BIGINT NOT NULL,
                dispatched BIGINT,
                resolved   BIGINT,
                closed     BIGINT,
                UNIQUE (kind, subject, day, finding)
            );
            CREATE INDEX cases_filed ON cases (filed);
            CREATE TABLE case_notes (
                case_id BIGINT NOT NULL,
                at      BIGINT NOT NULL,
                author  TEXT   NOT NULL,
                status  TEXT   NOT NULL,
                note    TEXT   NOT NULL
            );
            CREATE INDEX case_notes_case ON case_notes (case_id);
            CREATE TABLE users (
                name         TEXT    PRIMARY KEY,
                display      TEXT    NOT NULL,
                role         TEXT    NOT NULL,
                contractor   TEXT    NOT NULL,
                truck        TEXT    NOT NULL,
                hash         TEXT    NOT NULL,
                failures     INTEGER NOT NULL,
                locked_until BIGINT  NOT NULL
            );
            """,
        3 => """
            CREATE TABLE day_summaries (
                day        TEXT   NOT NULL,
                contractor TEXT   NOT NULL,
                json       TEXT   NOT NULL,
                computed   BIGINT NOT NULL,
                PRIMARY KEY (day, contractor)
            );
            """,
        // A session carries its user's stamp; a new password, a changed role or a deleted user ends its sessions.
        4 => """
            ALTER TABLE users ADD COLUMN stamp TEXT NOT NULL DEFAULT '';
            """,
        // The last case the alert webhook delivered (-1: not started; it then starts from the newest case).
        6 => """
            CREATE TABLE alert_cursor (
                id   INTEGER PRIMARY KEY,
                last BIGINT  NOT NULL
            );
            INSERT INTO alert_cursor (id, last) VALUES (1, -1);
            """,
        // Each gateway's newest presence report with its backlog (the data-health page's gateways).
        7 => """
            CREATE TABLE gateway_presence (
                gateway      TEXT    PRIMARY KEY,
                online       INTEGER NOT NULL,
                reported     BIGINT  NOT NULL,
                fw           TEXT,
                backlog_rows BIGINT,
                oldest_age_s BIGINT,
                store_bytes  BIGINT,
                thinned      BIGINT
            );
            """,
        // Each closed day's tonnes per collection truck, so a month by truck or route is a read of rows, as the scorecard is.
        8 => """
            CREATE TABLE day_collection (
                day        TEXT             NOT NULL,
                truck      TEXT             NOT NULL,
                contractor TEXT             NOT NULL,
                route      TEXT             NOT NULL,
                tonnes     DOUBLE PRECISION NOT NULL,
                trips      INTEGER          NOT NULL,
                unweighed  INTEGER          NOT NULL,
                overloads  INTEGER          NOT NULL,
                PRIMARY KEY (day, truck)
            );
            """,
        // Each device's count of readings stored, bumped in the batch's transaction (by the rows stored; versions written by earlier releases counted batches — either only grows): what an audit kept for a thing is
        // still its day while none of its devices' versions moved, whichever instance stored the batch.
        9 => """
            CREATE TABLE device_versions (
                device  TEXT   PRIMARY KEY,
                version BIGINT NOT NULL
            );
            """,
        // Each thing's audit of a settled day, with what it was computed from, so a restart does not read the day again.
        10 => """
            CREATE TABLE kept_things (
                day         TEXT   NOT NULL,
                thing       TEXT   NOT NULL,
                registry    BIGINT NOT NULL,
                fingerprint BIGINT NOT NULL,
                json        {blob} NOT NULL,
                PRIMARY KEY (day, thing)
            );
            """,
        // The session cookies' key ring (ASP.NET Core Data Protection), so every instance of the county reads the cookies
        // any other issued: a user's next request may reach any instance.
        11 => """
            CREATE TABLE protection_keys (
                name TEXT PRIMARY KEY,
                xml  TEXT NOT NULL
            );
            """,
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    }).Replace("{id}", id, StringComparison.Ordinal).Replace("{blob}", blob, StringComparison.Ordinal);
}
