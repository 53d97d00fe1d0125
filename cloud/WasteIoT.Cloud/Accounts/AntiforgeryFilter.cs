using Microsoft.AspNetCore.Antiforgery;

namespace WasteIoT.Cloud.Accounts;

/// <summary>
/// The API is cookie-authenticated, so a change (POST, PUT, DELETE) must carry the anti-forgery token from
/// <c>/api/account/me</c> in <c>X-XSRF-TOKEN</c>: another site can make the browser send the cookie, not the token.
/// </summary>
internal sealed class AntiforgeryFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method))
        {
            try
            {
                await antiforgery.ValidateRequestAsync(context.HttpContext);
            }
            catch (AntiforgeryValidationException)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Anti-forgery token missing or wrong",
                    detail: "send the token from GET /api/account/me as the X-XSRF-TOKEN header");
            }
        }

        return await next(context);
    }
}
