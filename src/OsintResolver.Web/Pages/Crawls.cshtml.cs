using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OsintResolver.Web.Auth;
using OsintResolver.Web.Crawls;

namespace OsintResolver.Web.Pages;

public sealed class CrawlsModel(ICrawlSources sources, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<CrawlSourceStatus> Sources { get; private set; } = [];
    public bool CanRun => sources.CanRun;
    public string? Message { get; private set; }

    public void OnGet(string? started)
    {
        Sources = sources.List();
        if (started is not null && Sources.Any(s => s.Name == started))
        {
            Message = $"Started a crawl of {started}.";
        }
    }

    public async Task<IActionResult> OnPostRunAsync(string source, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Roles.JudgePolicy).ConfigureAwait(false)).Succeeded)
        {
            return Forbid();
        }

        if (!sources.List().Any(s => s.Name == source))
        {
            return NotFound();
        }

        await sources.StartAsync(source, User.Identity!.Name!, ct).ConfigureAwait(false);
        return Redirect("/crawls?started=" + Uri.EscapeDataString(source));
    }

    public static string When(DateTimeOffset? t) =>
        t?.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "—";

    public static string Took(DateTimeOffset start, DateTimeOffset end)
    {
        var d = end - start;
        return d.TotalMinutes >= 1 ? $"{(int)d.TotalMinutes} min {d.Seconds} s" : $"{d.TotalSeconds:0.0} s";
    }

    /// <summary>The run's stats as label/value pairs: top-level numbers and strings, nested objects flattened one level.</summary>
    public static IEnumerable<(string, string)> Stats(string? json)
    {
        if (Apis.CrawlsApi.ParseStats(json) is not { ValueKind: JsonValueKind.Object } root)
        {
            yield break;
        }

        var count = 0;
        foreach (var p in root.EnumerateObject())
        {
            if (count++ >= 24)
            {
                yield break;
            }

            if (p.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var inner in p.Value.EnumerateObject().Take(12))
                {
                    yield return ($"{p.Name}.{inner.Name}", Scalar(inner.Value));
                }
            }
            else
            {
                yield return (p.Name, Scalar(p.Value));
            }
        }
    }

    private static string Scalar(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString()!,
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
        JsonValueKind.Null => "—",
        _ => v.GetRawText().Length <= 80 ? v.GetRawText() : v.GetRawText()[..77] + "...",
    };
}
