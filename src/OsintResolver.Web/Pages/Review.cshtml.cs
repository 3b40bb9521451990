using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OsintResolver.Store.Edges;
using OsintResolver.Web.Apis;
using OsintResolver.Web.Reviews;

namespace OsintResolver.Web.Pages;

/// <summary>
/// The analyst's main screen: one suggestion at a time, both records side by side. Each
/// decision (and skip, and undo) is a form POST (antiforgery-checked) that comes back here;
/// review.js adds the keyboard shortcuts by pressing the same buttons.
/// </summary>
public sealed class ReviewModel(IReviewQueue queue) : PageModel
{
    public static readonly IReadOnlyList<(string Judgement, string Label, string Key)> Choices =
    [
        ("positive", "Same", "y"),
        ("negative", "Not the same", "n"),
        ("unsure", "Unsure", "u"),
    ];

    public ReviewItem? Item { get; private set; }
    public long Pending { get; private set; }
    public string? Message { get; private set; }
    public string? MessageLink { get; private set; }

    public void OnGet(string? done, string? left, string? right, string? canonical, string? undone)
    {
        if (done is not null && left is not null && right is not null)
        {
            Message = done switch
            {
                "positive" => $"Recorded: {left} and {right} are the same.",
                "negative" => $"Recorded: {left} and {right} are not the same.",
                "skipped" => $"Skipped {left} and {right}: they come back after the rest.",
                _ => $"Recorded: unsure about {left} and {right}.",
            };
            MessageLink = canonical is not null && Model.Types.EntityType.IsValidId(canonical) ? "/entities/" + Uri.EscapeDataString(canonical) : null;
        }
        else if (undone is not null)
        {
            Message = undone == "none" ? "Nothing to undo." : $"Undone: your decision on {undone}.";
        }

        Item = queue.Next(User.Identity!.Name!, 1).FirstOrDefault();
        Pending = queue.Pending();
    }

    public async Task<IActionResult> OnPostJudgeAsync(string left, string right, string judgement, CancellationToken ct)
    {
        var outcome = await queue.JudgeAsync(left, right, ReviewApi.ParseJudgement(judgement), User.Identity!.Name!, ct).ConfigureAwait(false);
        var canonical = outcome.Edge.Judgement == Judgement.Positive ? outcome.LeftCanonical : null;
        return Redirect(Done(ReviewApi.Name(outcome.Edge.Judgement), left, right, canonical));
    }

    public IActionResult OnPostSkip(string left, string right)
    {
        queue.Skip(User.Identity!.Name!, left, right);
        return Redirect(Done("skipped", left, right, null));
    }

    public async Task<IActionResult> OnPostUndoAsync(CancellationToken ct)
    {
        var entry = await queue.UndoAsync(User.Identity!.Name!, ct).ConfigureAwait(false);
        var undone = entry is null ? "none" : $"{entry.LeftId} and {entry.RightId}";
        return Redirect("/review?undone=" + Uri.EscapeDataString(undone));
    }

    public static string Css(Agreement agreement) => agreement switch
    {
        Agreement.Same => "same",
        Agreement.Partial => "partial",
        Agreement.Different => "different",
        Agreement.OnlyLeft => "only-left",
        _ => "only-right",
    };

    private static string Done(string what, string left, string right, string? canonical) =>
        $"/review?done={what}&left={Uri.EscapeDataString(left)}&right={Uri.EscapeDataString(right)}" +
        (canonical is null ? "" : $"&canonical={Uri.EscapeDataString(canonical)}");
}
