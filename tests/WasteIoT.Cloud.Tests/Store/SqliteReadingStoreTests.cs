using WasteIoT.Cloud.Store;

namespace WasteIoT.Cloud.Tests.Store;

public sealed class SqliteReadingStoreTests : ReadingStoreContract
{
    protected override CloudDatabase CreateDatabase() =>
        new SqliteCloudDatabase(Path.Combine(Path.GetTempPath(), "wiot-store-" + Guid.NewGuid().ToString("N"), "cloud.db"));

    protected override CloudDatabase Reopen(CloudDatabase database) =>
        new SqliteCloudDatabase(((Microsoft.Data.Sqlite.SqliteConnection)database.Open()).DataSource);

    protected override SqlReadingStore CreateStore(CloudDatabase database) => new SqliteReadingStore((SqliteCloudDatabase)database);
}
