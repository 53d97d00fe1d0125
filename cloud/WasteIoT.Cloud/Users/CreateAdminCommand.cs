using Microsoft.Extensions.Configuration;
using WasteIoT.Cloud.Accounts;

using WasteIoT.Cloud.Store;

namespace WasteIoT.Cloud.Users;

/// <summary>
/// <c>create-admin NAME [--Cloud:…]</c>: creates a bureau user (or resets that user's password) and prints a new
/// random password once. The only way to the first account: there is no default password anywhere.
/// </summary>
public static class CreateAdminCommand
{
    public static async Task<int> RunAsync(string name, string[] rest, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var cloud = new ConfigurationBuilder().AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables().AddCommandLine(rest)
            .Build().GetSection(StoreOptions.Section).Get<StoreOptions>() ?? new StoreOptions();
        if (!Registry.RegistryKind.IsValidId(name))
        {
            await Console.Error.WriteLineAsync($"error: '{name}' is not a valid user name");
            return 2;
        }

        using var database = cloud.OpenDatabase();
        var users = new UserStore(database);
        var existing = await users.FindAsync(name, CancellationToken.None);
        if (existing is { Account.Role: not UserRole.Bureau })
        {
            await Console.Error.WriteLineAsync($"error: '{name}' exists and is not a bureau user");
            return 2;
        }

        if (existing is null)
        {
            await users.UpsertAsync([new UserAccount(name, name, UserRole.Bureau, string.Empty, string.Empty)], CancellationToken.None);
        }

        var accounts = new AccountService(users, TimeProvider.System);
        string password;
        do
        {
            password = AccountService.NewPassword();
        }
        while (await accounts.SetPasswordAsync(name, password, CancellationToken.None) is not null);
        await output.WriteLineAsync($"{name}\t{password}");
        await output.WriteLineAsync("# Shown once. Sign in and give other users their own accounts (Users page or /api/users).");
        return 0;
    }
}
