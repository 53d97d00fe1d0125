using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using WasteIoT.Cloud.Store;

namespace WasteIoT.Cloud.Accounts;

/// <summary>
/// The Data Protection key ring in the county's database: the session cookie one instance issues is read by every
/// other instance of the county, with no shared folder and no sticky sessions. The keys are stored as the key manager
/// writes them (not encrypted again): the database already holds what they protect access to — users and their
/// password hashes — and is the one thing a county must keep safe.
/// </summary>
internal sealed class DatabaseKeyRing(CloudDatabase database) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = database.Open();
        using var command = connection.Command("SELECT xml FROM protection_keys ORDER BY name");
        using var reader = command.ExecuteReader();
        var keys = new List<XElement>();
        while (reader.Read())
        {
            keys.Add(XElement.Parse(reader.GetString(0)));
        }

        return keys;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var connection = database.Open();

        // Two instances starting together may each make a first key; both are kept, and either decrypts what the other protected.
        using var command = connection.Command("INSERT INTO protection_keys (name, xml) VALUES (@n, @x) ON CONFLICT (name) DO NOTHING")
            .With("@n", friendlyName).With("@x", element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }
}
