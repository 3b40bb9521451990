using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using OsintResolver.Web.Auth;

namespace OsintResolver.Web.Pages;

/// <summary>Cookie sign-in with a hashed password. Attempts are rate-limited per client address.</summary>
[EnableRateLimiting(AuthServiceCollectionExtensions.SignInRateLimit)]
public sealed class LoginModel(UserAccounts accounts) : PageModel
{
    public string? Error { get; private set; }
    public string? Name { get; private set; }
    public string ReturnUrl { get; private set; } = "/";

    public void OnGet(string? returnUrl) => ReturnUrl = Local(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? name, string? password, string? returnUrl)
    {
        ReturnUrl = Local(returnUrl);
        Name = name;
        var user = accounts.Verify(name ?? "", password ?? "");
        if (user is null)
        {
            Error = "Wrong user name or password.";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        var identity = Roles.Identity(user, CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new System.Security.Claims.ClaimsPrincipal(identity),
            new AuthenticationProperties { IsPersistent = false }).ConfigureAwait(false);
        return LocalRedirect(ReturnUrl);
    }

    /// <summary>Only paths on this site: an open redirect would let a link send a signed-in analyst anywhere.</summary>
    private string Local(string? url) => !string.IsNullOrEmpty(url) && Url.IsLocalUrl(url) ? url : "/";
}
