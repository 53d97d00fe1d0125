using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace WasteIoT.Cloud.Accounts;

/// <summary><c>/api/account</c>: sign in (cookie), sign out, who am I (with the anti-forgery token).</summary>
internal static class AccountEndpoints
{
    private const string DisplayClaim = "wiot:display";

    /// <summary>Signed-in users only, and every change checked for its anti-forgery token.</summary>
    public static RouteGroupBuilder RequireSession(this RouteGroupBuilder group) =>
        group.RequireAuthorization().AddEndpointFilter<AntiforgeryFilter>();

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/account").WithTags("Account");
        group.MapPost("/login", LoginAsync).WithName("Login").AllowAnonymous().RequireRateLimiting(SignInLimits.Policy);
        group.MapPost("/logout", (Delegate)LogoutAsync).WithName("Logout").RequireAuthorization().AddEndpointFilter<AntiforgeryFilter>();
        group.MapGet("/me", Me).WithName("Me").RequireAuthorization();
        return app;
    }

    private static async Task<Results<Ok<UserAccount>, ProblemHttpResult>> LoginAsync(LoginRequest request, AccountService accounts, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await accounts.SignInAsync(request.Name ?? string.Empty, request.Password ?? string.Empty, cancellationToken);
        switch (result.Outcome)
        {
            case SignInOutcome.LockedOut:
                return TypedResults.Problem(statusCode: StatusCodes.Status423Locked, title: "Account locked",
                    detail: $"too many failed sign-ins; try again after {result.LockedUntil:yyyy-MM-dd HH:mm:ss} UTC");
            case SignInOutcome.Refused:
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in refused", detail: "the name or the password is wrong");
        }

        var account = result.Account!;
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, account.Name),
                new Claim(ClaimTypes.Role, account.Role.ToString()),
                new Claim(Viewer.ContractorClaim, account.Contractor),
                new Claim(Viewer.TruckClaim, account.Truck),
                new Claim(DisplayClaim, account.Display),
                new Claim(SessionValidator.StampClaim, result.Stamp),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return TypedResults.Ok(account);
    }

    private static async Task<NoContent> LogoutAsync(HttpContext context)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    private static Ok<SessionInfo> Me(HttpContext context, IAntiforgery antiforgery, Microsoft.Extensions.Options.IOptions<Settings.CloudOptions> options)
    {
        var viewer = Viewer.From(context.User);
        var tokens = antiforgery.GetAndStoreTokens(context);
        return TypedResults.Ok(new SessionInfo(new UserAccount(viewer.Name, context.User.FindFirstValue(DisplayClaim) ?? viewer.Name, viewer.Role, viewer.Contractor, viewer.Truck), tokens.RequestToken!, options.Value.TimeZone)
        {
            CountyName = options.Value.CountyName,
            BureauName = options.Value.BureauName,
        });
    }
}
