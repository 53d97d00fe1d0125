using System.Data.Common;
using System.Globalization;
using WasteIoT.Cloud.Store;

namespace WasteIoT.Cloud.Cases;

/// <summary>Cases and their notes in the cloud database; each workflow step is one transaction guarded by the status it expects.</summary>
public sealed class CaseStore(CloudDatabase database)
{
    private const string Columns = "id, kind, subject, day, finding, contractor, title, detail, status, assignee, filed, due, dispatched, resolved, closed";

    /// <summary>Opens a case for each finding not already open; returns how many were new.</summary>
    public async Task<int> FileAsync(IReadOnlyList<CaseFinding> findings, DateTimeOffset now, TimeSpan dueWithin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(findings);
        if (findings.Count == 0)
        {
            return 0;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = connection.Command(
            "INSERT INTO cases (kind, subject, day, finding, contractor, title, detail, status, filed, due) VALUES (@k, @s, @d, @f, @c, @t, @x, @st, @filed, @due) ON CONFLICT (kind, subject, day, finding) DO NOTHING",
            transaction).With("@k", null).With("@s", null).With("@d", null).With("@f", null).With("@c", null).With("@t", null).With("@x", null)
            .With("@st", nameof(CaseStatus.Filed)).With("@filed", now.ToUnixTimeMilliseconds()).With("@due", (now + dueWithin).ToUnixTimeMilliseconds());
        var filed = 0;
        foreach (var f in findings)
        {
            insert.Parameters[0].Value = f.Kind;
            insert.Parameters[1].Value = f.Subject;
            insert.Parameters[2].Value = f.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            insert.Parameters[3].Value = f.Finding;
            insert.Parameters[4].Value = f.Contractor;
            insert.Parameters[5].Value = f.Title;
            insert.Parameters[6].Value = f.Detail;
            filed += await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return filed;
    }

    /// <summary>Cases filed after <paramref name="afterId"/>, oldest first: what alerts have not yet told.</summary>
    public async Task<IReadOnlyList<CaseRecord>> AfterAsync(long afterId, int max, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command($"SELECT {Columns} FROM cases WHERE id > @id ORDER BY id LIMIT @max").With("@id", afterId).With("@max", max);
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<long> NewestIdAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT MAX(id) FROM cases");
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    public async Task<(int Total, IReadOnlyList<CaseRecord> Items)> ListAsync(CaseStatus? status, string? contractor, DateTimeOffset? from, DateTimeOffset? to, int offset, int limit, CancellationToken cancellationToken, string? kind = null)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var where = "WHERE (@st IS NULL OR status = @st) AND (@c IS NULL OR contractor = @c) AND (@k IS NULL OR kind = @k) AND filed >= @from AND filed < @to";
        void Bind(DbCommand c) => c.With("@st", status?.ToString(), System.Data.DbType.String).With("@c", contractor, System.Data.DbType.String).With("@k", kind, System.Data.DbType.String).With("@from", (from ?? DateTimeOffset.MinValue.AddYears(1)).ToUnixTimeMilliseconds()).With("@to", (to ?? DateTimeOffset.MaxValue.AddYears(-1)).ToUnixTimeMilliseconds());
        int total;
        await using (var count = connection.Command($"SELECT COUNT(*) FROM cases {where}"))
        {
            Bind(count);
            total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        await using var command = connection.Command($"SELECT {Columns} FROM cases {where} ORDER BY filed DESC, id DESC LIMIT @limit OFFSET @offset");
        Bind(command);
        command.With("@limit", limit).With("@offset", offset);
        return (total, await ReadAsync(command, cancellationToken));
    }

    public async Task<CaseRecord?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command($"SELECT {Columns} FROM cases WHERE id = @id").With("@id", id);
        var found = await ReadAsync(command, cancellationToken);
        if (found.Count == 0)
        {
            return null;
        }

        var notes = new List<CaseNote>();
        await using var read = connection.Command("SELECT at, author, status, note FROM case_notes WHERE case_id = @id ORDER BY at").With("@id", id);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            notes.Add(new CaseNote(DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)), reader.GetString(1), Enum.Parse<CaseStatus>(reader.GetString(2)), reader.GetString(3)));
        }

        return found[0] with { Notes = notes };
    }

    /// <summary>Moves a case from one of <paramref name="from"/> to <paramref name="to"/>; false when it was not in such a status (someone else moved it).</summary>
    public async Task<bool> TransitionAsync(long id, IReadOnlyList<CaseStatus> from, CaseStatus to, string? assignee, string author, string note, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(from);
        var stamp = to switch
        {
            CaseStatus.Dispatched => "dispatched = @now, resolved = NULL",
            CaseStatus.Resolved => "resolved = @now",
            CaseStatus.Closed => "closed = @now",
            _ => throw new ArgumentOutOfRangeException(nameof(to)),
        };
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var allowed = string.Join(", ", from.Select((_, i) => "@from" + i.ToString(CultureInfo.InvariantCulture)));
        await using (var update = connection.Command($"UPDATE cases SET status = @to, assignee = COALESCE(@assignee, assignee), {stamp} WHERE id = @id AND status IN ({allowed})", transaction)
            .With("@to", to.ToString()).With("@assignee", assignee, System.Data.DbType.String).With("@now", now.ToUnixTimeMilliseconds()).With("@id", id))
        {
            for (var i = 0; i < from.Count; i++)
            {
                update.With("@from" + i.ToString(CultureInfo.InvariantCulture), from[i].ToString());
            }

            if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return false;
            }
        }

        await using (var insert = connection.Command("INSERT INTO case_notes (case_id, at, author, status, note) VALUES (@id, @at, @author, @status, @note)", transaction)
            .With("@id", id).With("@at", now.ToUnixTimeMilliseconds()).With("@author", author).With("@status", to.ToString()).With("@note", note))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>All cases filed in [from, to), for the monthly figures.</summary>
    public async Task<IReadOnlyList<CaseRecord>> FiledBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command($"SELECT {Columns} FROM cases WHERE filed >= @from AND filed < @to ORDER BY id")
            .With("@from", from.ToUnixTimeMilliseconds()).With("@to", to.ToUnixTimeMilliseconds());
        return await ReadAsync(command, cancellationToken);
    }

    private static async Task<List<CaseRecord>> ReadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<CaseRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            DateTimeOffset? At(int i) => reader.IsDBNull(i) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(i));
            rows.Add(new CaseRecord(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), DateOnly.ParseExact(reader.GetString(3), "yyyy-MM-dd", CultureInfo.InvariantCulture), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.GetString(7), Enum.Parse<CaseStatus>(reader.GetString(8)), reader.IsDBNull(9) ? null : reader.GetString(9),
                At(10)!.Value, At(11)!.Value, At(12), At(13), At(14), []));
        }

        return rows;
    }
}
