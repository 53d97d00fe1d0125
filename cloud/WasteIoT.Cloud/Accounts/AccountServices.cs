using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace WasteIoT.Cloud.Accounts;

public static class AccountServices
{
    /// <summary>Users, sign-in with its limits, the session cookie checked against each user's stamp, roles and anti-forgery.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddSingleton<UserStore>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<SessionValidator>();
        services.AddDataProtection().SetApplicationName("WasteIoT.Cloud");
        services.AddOptions<KeyManagementOptions>().Configure<Store.CloudDatabase>((o, database) => o.XmlRepository = new DatabaseKeyRing(database));
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = "wiot";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;

            // An API answers 401/403; the pages decide where to send the user.
            o.Events.OnRedirectToLogin = c => Status(c.Response, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => Status(c.Response, StatusCodes.Status403Forbidden);
            o.Events.OnValidatePrincipal = c => c.HttpContext.RequestServices.GetRequiredService<SessionValidator>().ValidateAsync(c);
        });
        services.AddSignInLimits();
        services.AddAuthorizationBuilder().AddPolicy(CloudPolicies.Bureau, p => p.RequireRole(nameof(UserRole.Bureau)));
        services.AddAntiforgery(o =>
        {
            o.HeaderName = "X-XSRF-TOKEN";
            o.Cookie.Name = "wiot-af";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        return services;
    }

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
