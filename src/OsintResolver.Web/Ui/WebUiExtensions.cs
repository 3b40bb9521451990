using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using OsintResolver.Web.Apis;
using OsintResolver.Web.Auth;
using OsintResolver.Web.Security;

namespace OsintResolver.Web.Ui;

/// <summary>
/// The browser side of the app: Razor Pages (server-rendered, HTML-encoded by default), static
/// files embedded in this assembly, sign-in and roles, security headers and antiforgery.
/// </summary>
public static class WebUiExtensions
{
    public static IServiceCollection AddOsintWebUi(this IServiceCollection services)
    {
        services.AddOsintAuth();
        services.AddOsintWebServices();
        services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/", Roles.ReadPolicy);
                o.Conventions.AllowAnonymousToPage("/Login");
                o.Conventions.AllowAnonymousToPage("/Denied");
                o.Conventions.AuthorizePage("/Review", Roles.JudgePolicy);
                o.Conventions.AuthorizePage("/Users", Roles.AdminPolicy);
            })
            .AddApplicationPart(typeof(WebUiExtensions).Assembly);
        services.AddAntiforgery(o =>
        {
            o.HeaderName = ApiAntiforgery.HeaderName;
            o.Cookie.Name = "osint.csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
        });
        // Razor still encodes < > & " ' everywhere; other scripts stay readable in the page source.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        // Before the default JSON writer, so browsers get an HTML error page.
        services.Insert(0, ServiceDescriptor.Singleton<IProblemDetailsWriter, HtmlProblemDetailsWriter>());
        return services;
    }

    /// <summary>Middleware of the UI, after <c>UseOsintWeb</c>'s error handling.</summary>
    public static WebApplication UseOsintWebUi(this WebApplication app)
    {
        app.UseOsintSecurityHeaders();
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new EmbeddedFileProvider(typeof(WebUiExtensions).Assembly, "wwwroot"),
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOsintApiAntiforgery();
        return app;
    }

    /// <summary>Maps the pages and the UI's own APIs, and puts every <c>/api</c> endpoint behind the read policy.</summary>
    public static WebApplication MapOsintWebUi(this WebApplication app, RouteGroupBuilder api)
    {
        api.RequireAuthorization(Roles.ReadPolicy);
        api.MapOsintUiApis();
        app.MapRazorPages();
        return app;
    }
}
