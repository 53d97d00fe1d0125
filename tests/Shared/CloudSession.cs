using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace WasteIoT.Testing;

/// <summary>An HTTP client signed in to the cloud as a user, carrying the session cookie and the anti-forgery token as the pages do.</summary>
internal static class CloudSession
{
    public static HttpClient Anonymous(string baseAddress) =>
        new(new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(baseAddress) };

    public static async Task<HttpClient> SignInAsync(string baseAddress, string name, string password)
    {
        var client = Anonymous(baseAddress);
        var login = await client.PostAsJsonAsync("/api/account/login", new { name, password });
        login.EnsureSuccessStatusCode();
        var me = await client.GetFromJsonAsync<JsonElement>("/api/account/me");
        client.DefaultRequestHeaders.Add("X-XSRF-TOKEN", me.GetProperty("antiforgeryToken").GetString());
        return client;
    }
}
