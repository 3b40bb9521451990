using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OsintResolver.Model.Errors;
using OsintResolver.Store.Edges;
using OsintResolver.Web.Auth;
using OsintResolver.Web.Reviews;

namespace OsintResolver.Web.Apis;

/// <summary>
/// <c>/api/review/*</c>: the review queue for analysts (and scripts with an analyst's API key).
/// Every decision is stored as a judgement under the signed-in user and can be undone.
/// </summary>
internal static class ReviewApi
{
    public const int MaxCount = 50;

    public sealed record ValueJson(string Value, string? Label, bool Matched);

    public sealed record RowJson(string Property, string Label, string Agreement, IReadOnlyList<ValueJson> Left, IReadOnlyList<ValueJson> Right);

    public sealed record SideJson(string Id, string Schema, string Caption, IReadOnlyList<string> Datasets);

    public sealed record SuggestionJson(string Key, SideJson Left, SideJson Right, double? Score, string? Explanation, IReadOnlyList<RowJson> Rows);

    public sealed record QueueJson(long Pending, IReadOnlyList<SuggestionJson> Items);

    public sealed record JudgeRequest(string LeftId, string RightId, string Judgement);

    public sealed record PairRequest(string LeftId, string RightId);

    public sealed record JudgementJson(string LeftId, string RightId, string Judgement, string? User, DateTimeOffset CreatedAt, string LeftCanonical, string RightCanonical);

    public sealed record UndoJson(bool Undone, string? LeftId, string? RightId, string? Judgement, string? Restored);

    public static RouteGroupBuilder MapReviewApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/review").RequireAuthorization(Roles.JudgePolicy);
        group.MapGet("/next", Next);
        group.MapPost("/judgements", JudgeAsync);
        group.MapPost("/skip", Skip);
        group.MapPost("/undo", UndoAsync);
        return group;
    }

    internal static Ok<QueueJson> Next(IReviewQueue queue, ClaimsPrincipal user, int? count)
    {
        var n = count ?? 1;
        if (n is < 1 or > MaxCount)
        {
            throw new InvalidInputException($"count must be 1–{MaxCount} (got {n})");
        }

        var items = queue.Next(UserName(user), n)
            .Select(i => new SuggestionJson(i.Suggestion.Key, Side(i.Comparison.Left), Side(i.Comparison.Right),
                i.Suggestion.Score, i.Suggestion.Explanation,
                i.Comparison.Rows.Select(r => new RowJson(r.Property, r.Label, Name(r.Agreement),
                    r.Left.Select(v => new ValueJson(v.Value, v.Label, v.Matched)).ToList(),
                    r.Right.Select(v => new ValueJson(v.Value, v.Label, v.Matched)).ToList())).ToList()))
            .ToList();
        return TypedResults.Ok(new QueueJson(queue.Pending(), items));
    }

    internal static NoContent Skip(PairRequest request, IReviewQueue queue, ClaimsPrincipal user)
    {
        queue.Skip(UserName(user), request.LeftId ?? "", request.RightId ?? "");
        return TypedResults.NoContent();
    }

    internal static async Task<Ok<JudgementJson>> JudgeAsync(JudgeRequest request, IReviewQueue queue, ClaimsPrincipal user, CancellationToken ct)
    {
        var judgement = ParseJudgement(request.Judgement);
        var outcome = await queue.JudgeAsync(request.LeftId ?? "", request.RightId ?? "", judgement, UserName(user), ct).ConfigureAwait(false);
        var e = outcome.Edge;
        return TypedResults.Ok(new JudgementJson(e.LeftId, e.RightId, Name(e.Judgement), e.User, e.CreatedAt, outcome.LeftCanonical, outcome.RightCanonical));
    }

    internal static async Task<Ok<UndoJson>> UndoAsync(IReviewQueue queue, ClaimsPrincipal user, CancellationToken ct)
    {
        var entry = await queue.UndoAsync(UserName(user), ct).ConfigureAwait(false);
        return TypedResults.Ok(entry is null
            ? new UndoJson(false, null, null, null, null)
            : new UndoJson(true, entry.LeftId, entry.RightId, Name(entry.Judgement), entry.Previous is { } p ? Name(p) : null));
    }

    public static Judgement ParseJudgement(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "positive" or "yes" => Judgement.Positive,
        "negative" or "no" => Judgement.Negative,
        "unsure" => Judgement.Unsure,
        _ => throw new InvalidInputException($"judgement must be positive, negative or unsure (got '{value}')"),
    };

    public static string Name(Judgement judgement) => judgement switch
    {
        Judgement.Positive => "positive",
        Judgement.Negative => "negative",
        Judgement.Unsure => "unsure",
        _ => "no_judgement",
    };

    private static string Name(Agreement agreement) => agreement switch
    {
        Agreement.Same => "same",
        Agreement.Partial => "partial",
        Agreement.Different => "different",
        Agreement.OnlyLeft => "only_left",
        _ => "only_right",
    };

    private static string UserName(ClaimsPrincipal user) =>
        user.Identity?.Name ?? throw new ForbiddenException("judging needs a signed-in user");

    private static SideJson Side(Model.Entities.Entity e) => new(e.Id, e.Schema.Name, e.Caption, e.Datasets.ToList());
}
