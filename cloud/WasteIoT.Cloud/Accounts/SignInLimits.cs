using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;

namespace WasteIoT.Cloud.Accounts;

/// <summary>
/// The sign-in door: its body is a name and a password, so anything over <see cref="MaxBodyBytes"/> is refused
/// before it is read (a 28 MiB body must not be buffered), and each address gets <see cref="PerMinute"/> attempts a minute.
/// </summary>
internal static class SignInLimits
{
    public const string Policy = "sign-in";
    public const int MaxBodyBytes = 4 * 1024;
    public const int PerMinute = 30;
    private const string LoginPath = "/api/account/login";

    public static IServiceCollection AddSignInLimits(this IServiceCollection services) => services.AddRateLimiter(o =>
    {
        o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        o.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? string.Empty,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = PerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    });

    public static IApplicationBuilder UseSignInBodyLimit(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Request.Path.Equals(LoginPath, StringComparison.OrdinalIgnoreCase))
        {
            if (context.Request.ContentLength > MaxBodyBytes)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return Task.CompletedTask;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = MaxBodyBytes;
            }
        }

        return next(context);
    });
}
