using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OsintResolver.Store;
using OsintResolver.Store.Crawl;
using OsintResolver.Web.Auth;
using OsintResolver.Web.Crawls;

namespace OsintResolver.Web.Pages;

public sealed class CrawlsModel(ICrawlSources sources, IAuthorizationService authorization, EntityStore store) : PageModel
{
    public IReadOnlyList<CrawlSourceStatus> Sources { get; private set; } = [];
    public bool CanRun => sources.CanRun;
    public string? Message { get; private set; }

    public void OnGet(string? started, string? paused, string? resumed)
    {
        Sources = sources.List();
        Message = (started, paused, resumed) switch
        {
            ({ } s, _, _) when Known(s) => $"Started a crawl of {s}.",
            (_, { } s, _) when Known(s) => $"Paused the schedule of {s}.",
            (_, _, { } s) when Known(s) => $"Resumed the schedule of {s}.",
            _ => null,
        };
    }

    /// <summary>Admins pause a source: the scheduler skips its runs until resumed; "Run now" still works.</summary>
    public async Task<IActionResult> OnPostPauseAsync(string source, string? reason) =>
        await AsAdminAsync(source, () => new SourcePauses(store).Pause(source, User.Identity!.Name!, reason), "paused").ConfigureAwait(false);

    public async Task<IActionResult> OnPostResumeAsync(string source) =>
        await AsAdminAsync(source, () => new SourcePauses(store).Resume(source), "resumed").ConfigureAwait(false);

    private async Task<IActionResult> AsAdminAsync(string source, Action change, string done)
    {
        if (!(await authorization.AuthorizeAsync(User, Roles.AdminPolicy).ConfigureAwait(false)).Succeeded)
        {
            return Forbid();
        }

        if (!sources.List().Any(s => s.Name == source))
        {
            return NotFound();
        }

        change();
        return Redirect($"/crawls?{done}=" + Uri.EscapeDataString(source));
    }

    private bool Known(string source) => Sources.Any(s => s.Name == source);

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

    /// <summary>
    /// The run's stats worth reading: non-zero numbers and non-empty values, nested objects
    /// flattened one level (entities by schema, HTTP statuses). Samples of failures are shown
    /// under failures instead.
    /// </summary>
    public static IEnumerable<(string, string)> Stats(string? json)
    {
        if (Apis.CrawlsApi.ParseStats(json) is not { ValueKind: JsonValueKind.Object } root)
        {
            yield break;
        }

        foreach (var p in root.EnumerateObject().Where(p => !IsFailureList(p.Name)).Take(40))
        {
            var values = p.Value.ValueKind == JsonValueKind.Object
                ? p.Value.EnumerateObject().Take(20).Select(i => ($"{p.Name}.{i.Name}", i.Value))
                : [(p.Name, p.Value)];
            foreach (var (name, value) in values.Where(v => !Empty(v.Value)))
            {
                yield return (name.Replace('_', ' '), Scalar(value));
            }
        }
    }

    /// <summary>Why a run failed, or what went wrong in it: the run's error, then failure and assertion samples from its stats.</summary>
    public static IEnumerable<string> Failures(Store.Runs.Run? run)
    {
        if (run is null)
        {
            yield break;
        }

        if (run.Error is { } error)
        {
            yield return error;
        }

        if (Apis.CrawlsApi.ParseStats(run.StatsJson) is not { ValueKind: JsonValueKind.Object } root)
        {
            yield break;
        }

        foreach (var p in root.EnumerateObject().Where(p => IsFailureList(p.Name) && p.Value.ValueKind == JsonValueKind.Array))
        {
            foreach (var item in p.Value.EnumerateArray().Take(5))
            {
                yield return Scalar(item);
            }
        }
    }

    private static bool IsFailureList(string name) => name.EndsWith("samples", StringComparison.Ordinal) || name == "assertion_failures";

    private static bool Empty(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => true,
        JsonValueKind.Number => v.TryGetDouble(out var d) && d == 0,
        JsonValueKind.String => v.GetString()!.Length == 0,
        JsonValueKind.Array => v.GetArrayLength() == 0,
        JsonValueKind.Object => !v.EnumerateObject().Any(),
        _ => false,
    };

    private static string Scalar(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString()!,
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
        JsonValueKind.Null => "—",
        _ => v.GetRawText().Length <= 80 ? v.GetRawText() : v.GetRawText()[..77] + "...",
    };
}
