using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OsintResolver.Store;
using OsintResolver.Store.Edges;
using OsintResolver.Web.Apis;
using OsintResolver.Web.Reviews;

namespace OsintResolver.Web.Pages;

/// <summary>
/// The analyst's main screen: one suggestion at a time, both records side by side. Each
/// decision is a form POST (antiforgery-checked) that stores a judgement and comes back here;
/// review.js adds the keyboard shortcuts by pressing the same buttons.
/// </summary>
public sealed class ReviewModel(IReviewQueue queue, EntityStore store) : PageModel
{
    public const int MaxSkipped = 200;

    public static readonly IReadOnlyList<(string Judgement, string Label, string Key)> Choices =
    [
        ("positive", "Same", "y"),
        ("negative", "Not the same", "n"),
        ("unsure", "Unsure", "u"),
    ];

    public ReviewItem? Item { get; private set; }
    public long Pending { get; private set; }
    public string Skip { get; private set; } = "";
    public string? Message { get; private set; }
    public string? MessageLink { get; private set; }

    public void OnGet(string? skip, string? done, string? left, string? right, string? canonical, string? undone)
    {
        Skip = CleanSkip(skip);
        if (done is not null && left is not null && right is not null)
        {
            Message = done switch
            {
                "positive" => $"Recorded: {left} and {right} are the same.",
                "negative" => $"Recorded: {left} and {right} are not the same.",
                _ => $"Recorded: unsure about {left} and {right}.",
            };
            MessageLink = canonical is not null && Model.Types.EntityType.IsValidId(canonical) ? "/entities/" + Uri.EscapeDataString(canonical) : null;
        }
        else if (undone is not null)
        {
            Message = undone == "none" ? "Nothing to undo." : $"Undone: your decision on {undone}.";
        }

        Load();
    }

    public async Task<IActionResult> OnPostJudgeAsync(string left, string right, string judgement, string? skip, CancellationToken ct)
    {
        var outcome = await queue.JudgeAsync(left, right, ReviewApi.ParseJudgement(judgement), User.Identity!.Name!, ct).ConfigureAwait(false);
        var canonical = outcome.Edge.Judgement == Judgement.Positive ? outcome.LeftCanonical : null;
        return Redirect($"/review?skip={Uri.EscapeDataString(CleanSkip(skip))}&done={ReviewApi.Name(outcome.Edge.Judgement)}" +
                        $"&left={Uri.EscapeDataString(left)}&right={Uri.EscapeDataString(right)}" +
                        (canonical is null ? "" : $"&canonical={Uri.EscapeDataString(canonical)}"));
    }

    public async Task<IActionResult> OnPostUndoAsync(string? skip, CancellationToken ct)
    {
        var entry = await queue.UndoAsync(User.Identity!.Name!, ct).ConfigureAwait(false);
        var undone = entry is null ? "none" : $"{entry.LeftId} and {entry.RightId}";
        return Redirect($"/review?skip={Uri.EscapeDataString(CleanSkip(skip))}&undone={Uri.EscapeDataString(undone)}");
    }

    public string SkipLink(string key)
    {
        var keys = Skip.Length == 0 ? key : $"{Skip},{key}";
        return "/review?skip=" + Uri.EscapeDataString(CleanSkip(keys));
    }

    public static string Css(Agreement agreement) => agreement switch
    {
        Agreement.Same => "same",
        Agreement.Partial => "partial",
        Agreement.Different => "different",
        Agreement.OnlyLeft => "only-left",
        _ => "only-right",
    };

    private void Load()
    {
        var skipped = Skip.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        Item = ReviewItems.Load(queue, store, 1, skipped).FirstOrDefault();
        Pending = queue.Pending();
    }

    /// <summary>Keeps the skip list to pair keys made of id characters, and bounded.</summary>
    private static string CleanSkip(string? skip) =>
        string.Join(",", (skip ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(k => k.Length <= 401 && k.Split('~') is [var a, var b] && Model.Types.EntityType.IsValidId(a) && Model.Types.EntityType.IsValidId(b))
            .TakeLast(MaxSkipped));
}
