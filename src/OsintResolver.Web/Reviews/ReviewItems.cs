using OsintResolver.Store;

namespace OsintResolver.Web.Reviews;

/// <summary>A suggestion with both records loaded and compared, ready to show.</summary>
public sealed record ReviewItem(ReviewSuggestion Suggestion, PairComparison Comparison);

internal static class ReviewItems
{
    /// <summary>
    /// The next suggestions with their records. A suggestion whose records are gone from the
    /// store (a source dropped them) is skipped rather than shown half-empty.
    /// </summary>
    public static IReadOnlyList<ReviewItem> Load(IReviewQueue queue, EntityStore store, int count, IReadOnlySet<string> skip)
    {
        var items = new List<ReviewItem>();
        var skipped = new HashSet<string>(skip, StringComparer.Ordinal);
        for (var attempt = 0; attempt < 5 && items.Count < count; attempt++)
        {
            var batch = queue.Next(count - items.Count, skipped);
            if (batch.Count == 0)
            {
                break;
            }

            var entities = store.GetEntities(batch.SelectMany(s => new[] { s.LeftId, s.RightId })).ToDictionary(e => e.Id, StringComparer.Ordinal);
            foreach (var suggestion in batch)
            {
                skipped.Add(suggestion.Key);
                if (entities.TryGetValue(suggestion.LeftId, out var left) && entities.TryGetValue(suggestion.RightId, out var right))
                {
                    items.Add(new ReviewItem(suggestion, PairComparison.Build(left, right, store.Model)));
                }
            }
        }

        return items;
    }
}
