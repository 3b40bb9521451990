using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace OsintResolver.Web.Auth;

internal static class AuthServiceCollectionExtensions
{
    /// <summary>One scheme that picks the API key handler when a key is sent, else the cookie.</summary>
    public const string SmartScheme = "osint";

    public const string SignInRateLimit = "osint.sign-in";

    /// <summary>
    /// Cookie sign-in for people, API keys for scripts, three role policies, and a rate limit
    /// on sign-in attempts. API paths answer 401/403 with ProblemDetails; pages redirect to sign-in.
    /// </summary>
    public static IServiceCollection AddOsintAuth(this IServiceCollection services)
    {
        services.AddOptions<WebAuthOptions>().BindConfiguration(WebAuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<UserAccounts>();

        services.AddAuthentication(SmartScheme)
            .AddPolicyScheme(SmartScheme, "cookie or API key", o =>
                o.ForwardDefaultSelector = http => ApiKeyAuthenticationHandler.HasKey(http.Request)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme);

        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<WebAuthOptions>>((o, auth) =>
            {
                o.Cookie.Name = auth.Value.CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = auth.Value.SessionLifetime;
                o.SlidingExpiration = true;
                o.LoginPath = "/login";
                o.LogoutPath = "/logout";
                o.AccessDeniedPath = "/denied";
                o.Events = new CookieAuthenticationEvents
                {
                    OnValidatePrincipal = ValidateAsync,
                    OnRedirectToLogin = ctx => IsApi(ctx.Request)
                        ? WriteProblem(ctx.HttpContext, 401, "unauthorized", "sign in, or send an API key (Authorization: Bearer osk_…)")
                        : Redirect(ctx),
                    OnRedirectToAccessDenied = ctx => IsApi(ctx.Request)
                        ? WriteProblem(ctx.HttpContext, 403, "forbidden", $"user '{ctx.HttpContext.User.Identity?.Name}' lacks the role this needs")
                        : Redirect(ctx),
                };
            });

        services.AddSingleton<IAuthorizationHandler, ReadAccessHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.ReadPolicy, p => p.AddRequirements(new ReadAccessRequirement()))
            .AddPolicy(Roles.JudgePolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.Analyst))
            .AddPolicy(Roles.AdminPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInRateLimit, http =>
            {
                var limit = http.RequestServices.GetRequiredService<IOptions<WebAuthOptions>>().Value.SignInAttemptsPerMinute;
                var key = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return HttpMethods.IsPost(http.Request.Method)
                    ? RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1) })
                    : RateLimitPartition.GetNoLimiter(key);
            });
        });
        return services;
    }

    internal static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    /// <summary>A cookie stays valid only while its user exists with the same security stamp.</summary>
    private static async Task ValidateAsync(CookieValidatePrincipalContext ctx)
    {
        var name = ctx.Principal?.Identity?.Name;
        var stamp = ctx.Principal?.FindFirstValue(Roles.StampClaim);
        var user = name is null ? null : ctx.HttpContext.RequestServices.GetRequiredService<UserAccounts>().Store.Get(name);
        if (user is null || user.SecurityStamp != stamp)
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
        }
    }

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> ctx)
    {
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    private static Task WriteProblem(HttpContext http, int status, string kind, string detail)
    {
        http.Response.StatusCode = status;
        return Problems.WriteAsync(http, status, kind, detail);
    }
}

/// <summary>Reading needs the viewer role, unless anonymous reading is switched on.</summary>
internal sealed class ReadAccessRequirement : IAuthorizationRequirement;

internal sealed class ReadAccessHandler(IOptionsMonitor<WebAuthOptions> options) : AuthorizationHandler<ReadAccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ReadAccessRequirement requirement)
    {
        if (context.User.IsInRole(Roles.Viewer) || options.CurrentValue.AllowAnonymousRead)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
