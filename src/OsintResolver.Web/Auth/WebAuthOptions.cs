using System.ComponentModel.DataAnnotations;

namespace OsintResolver.Web.Auth;

/// <summary>Sign-in and access settings (configuration section <c>Web:Auth</c>). Validated at startup.</summary>
public sealed class WebAuthOptions
{
    public const string Section = "Web:Auth";

    /// <summary>
    /// Let visitors who are not signed in search and read profiles. Off by default: the data may
    /// include leads that are not public. Judging and administration always need a sign-in.
    /// </summary>
    public bool AllowAnonymousRead { get; set; }

    /// <summary>How long a sign-in lasts without activity.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Name of the sign-in cookie.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_.-]{1,64}$")]
    public string CookieName { get; set; } = "osint.session";

    /// <summary>Failed sign-ins allowed per client address per minute before it must wait.</summary>
    [Range(1, 1000)]
    public int SignInAttemptsPerMinute { get; set; } = 10;
}
