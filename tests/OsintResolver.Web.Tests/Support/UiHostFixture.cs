using OsintResolver.Store;
using OsintResolver.Store.Edges;
using OsintResolver.Store.Resolution;

namespace OsintResolver.Web.Tests.Support;

/// <summary>
/// The host with what the UI tests need beyond the base fixture: a second dataset with
/// duplicates of fixture entities, hostile entities (script and attribute-breaking payloads in
/// names), a shipment, a news mention and an address entity, and model suggestions for the
/// review queue with known scores.
/// </summary>
public class UiHostFixture : WebHostFixture
{
    public const string ModelVersion = "test-model-1";

    /// <summary>Pairs the model suggests, with their scores: the review queue must order them by uncertainty.</summary>
    public static readonly IReadOnlyList<(string A, string B, double Score, string Explanation)> Suggestions =
    [
        ("co-hongxiang", "reg-hongxiang", 0.55, "The names agree once the Chinese name is transliterated; the registration numbers are identical."),
        ("co-golden", "reg-golden", 0.80, "The names differ only in punctuation; both are in the United Arab Emirates."),
        ("evil-script", "co-shipping", 0.85, "<script>alert('xss-explanation')</script> both are North Korean."),
    ];

    protected override IEnumerable<(string File, string Dataset)> Seeds =>
        [.. base.Seeds, ("duplicates.ftm.json", "registry"), ("hostile.ftm.json", "hostile"), ("trade.ftm.json", "trade")];

    /// <summary>The thresholds a resolve run would have left: suggestions from 0.2 up to 0.9 wait for review.</summary>
    public const double ReviewThreshold = 0.2;
    public const double AutoMergeThreshold = 0.9;

    protected override Task SeedAsync(EntityStore store)
    {
        var resolution = new ResolutionStore(store);
        resolution.SetState("review_threshold", ReviewThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture));
        resolution.SetState("auto_merge_threshold", AutoMergeThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var now = store.Time.GetUtcNow();
        store.Edges.UpsertModelEdges(Suggestions.Select(s =>
            new ResolverEdge(s.A, s.B, Judgement.Unsure, s.Score, ModelVersion, null, now, s.Explanation)));
        return Task.CompletedTask;
    }
}
