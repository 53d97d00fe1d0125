using Npgsql;
using WasteIoT.Cloud.Store;

namespace WasteIoT.Cloud.Tests.Store;

public sealed class PostgresReadingStoreTests : ReadingStoreContract
{
    protected override CloudDatabase CreateDatabase() => new PostgresCloudDatabase(WasteIoT.Testing.PostgresCluster.Shared.CreateDatabase());

    protected override CloudDatabase Reopen(CloudDatabase database) =>
        new PostgresCloudDatabase(((PostgresCloudDatabase)database).DataSource.ConnectionString);

    protected override SqlReadingStore CreateStore(CloudDatabase database) => new PostgresReadingStore((PostgresCloudDatabase)database);

    [Fact]
    public async Task ReadingsArePartitionedByMonth()
    {
        using var database = (PostgresCloudDatabase)CreateDatabase();
        var store = new PostgresReadingStore(database);
        var november = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

        await store.IngestAsync([new("bin-0001", 1, 1, "fill", november, november, "gw", [1]), new("bin-0001", 1, 2, "fill", november.AddDays(2), november, "gw", [1])], [], CancellationToken.None);

        using var connection = database.DataSource.OpenConnection();
        using var command = new NpgsqlCommand("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'readings'::regclass ORDER BY 1", connection);
        using var reader = command.ExecuteReader();
        var partitions = new List<string>();
        while (reader.Read())
        {
            partitions.Add(reader.GetString(0));
        }

        Assert.Equal(["readings_2026_11", "readings_2026_12"], partitions);
    }
}
