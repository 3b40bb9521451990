using Microsoft.AspNetCore.Antiforgery;

namespace OsintResolver.Web.Security;

/// <summary>
/// Antiforgery for the JSON API. A browser sends the sign-in cookie by itself, so every
/// state-changing API request that is authenticated by the cookie must also carry the
/// antiforgery token (header <c>RequestVerificationToken</c>, which the pages put in a meta tag
/// for our scripts). Requests with an API key carry no ambient credential and need no token.
/// Razor Pages forms are validated by the framework itself.
/// </summary>
internal static class ApiAntiforgery
{
    public const string HeaderName = "RequestVerificationToken";

    public static IApplicationBuilder UseOsintApiAntiforgery(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (Auth.AuthServiceCollectionExtensions.IsApi(http.Request) &&
                !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && !HttpMethods.IsOptions(http.Request.Method) &&
                !Auth.ApiKeyAuthenticationHandler.HasKey(http.Request) &&
                http.Request.Cookies.Count > 0)
            {
                var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
                if (!await antiforgery.IsRequestValidAsync(http).ConfigureAwait(false))
                {
                    await Problems.WriteAsync(http, 400, "antiforgery",
                        $"a request signed in with the browser cookie must carry the antiforgery token (header {HeaderName})").ConfigureAwait(false);
                    return;
                }
            }

            await next(http).ConfigureAwait(false);
        });
}
