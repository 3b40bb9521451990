using System.Security.Claims;
using OsintResolver.Store.Users;

namespace OsintResolver.Web.Auth;

/// <summary>Role claims and the authorization policies built on them.</summary>
public static class Roles
{
    public const string Viewer = "viewer";
    public const string Analyst = "analyst";
    public const string Admin = "admin";

    /// <summary>Search, profiles, networks, crawl status (or anyone, when anonymous reading is on).</summary>
    public const string ReadPolicy = "osint.read";

    /// <summary>Judging match suggestions and starting crawls.</summary>
    public const string JudgePolicy = "osint.judge";

    /// <summary>Managing users and sources.</summary>
    public const string AdminPolicy = "osint.admin";

    /// <summary>Claim holding the user's security stamp, so changed or removed users lose their sessions.</summary>
    public const string StampClaim = "osint:stamp";

    /// <summary>
    /// The role claims of a user: each role includes the ones below it, so a policy names only
    /// the least role it needs.
    /// </summary>
    public static IEnumerable<string> Including(UserRole role) => role switch
    {
        UserRole.Admin => [Viewer, Analyst, Admin],
        UserRole.Analyst => [Viewer, Analyst],
        _ => [Viewer],
    };

    public static ClaimsIdentity Identity(UserRecord user, string scheme)
    {
        var identity = new ClaimsIdentity(scheme, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.Name, user.Name));
        identity.AddClaim(new Claim(StampClaim, user.SecurityStamp));
        foreach (var role in Including(user.Role))
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role));
        }

        return identity;
    }

    /// <summary>The highest role of a principal, for display.</summary>
    public static string? Highest(ClaimsPrincipal user) =>
        user.IsInRole(Admin) ? Admin : user.IsInRole(Analyst) ? Analyst : user.IsInRole(Viewer) ? Viewer : null;
}
