using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OsintResolver.Model.Types;
using OsintResolver.Store.Edges;
using OsintResolver.Web.Profiles;

namespace OsintResolver.Web.Pages;

/// <summary>The profile of a canonical entity. A merged record's id redirects to its canonical profile.</summary>
public sealed class EntityModel(EntityProfileBuilder profiles, IEntityClusters clusters) : PageModel
{
    public EntityProfile Profile { get; private set; } = null!;

    public IActionResult OnGet(string id)
    {
        var canonical = clusters.CanonicalOf(id);
        if (canonical != id)
        {
            return RedirectToPage("/Entity", new { id = canonical });
        }

        Profile = profiles.Build(id);
        return Page();
    }

    public IReadOnlyList<string> Countries() =>
        Profile.Entity.GetTypeValues(PropertyTypes.Country).Distinct(StringComparer.Ordinal)
            .Select(c => PropertyTypes.Country.Label(c) ?? c).ToList();

    /// <summary>Only http(s) URLs become links: a <c>javascript:</c> URL from a crawled page must never be clickable.</summary>
    public static string? SafeLink(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsoluteUri : null;

    public static string Day(DateTimeOffset? t) => t?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    public static string Describe(Judgement judgement) => judgement switch
    {
        Judgement.Positive => "is the same as",
        Judgement.Negative => "is not the same as",
        Judgement.Unsure => "may be the same as (unsure)",
        _ => "has no decision with",
    };
}
