namespace OsintResolver.Store.Edges;

public enum Judgement
{
    Positive,
    Negative,
    Unsure,
    NoJudgement,
}

/// <summary>
/// A judgement that two entities are, or are not, the same: from the model (with a score and
/// model version) or from an analyst (with a user). Stored once per unordered pair.
/// </summary>
public sealed record ResolverEdge(
    string LeftId,
    string RightId,
    Judgement Judgement,
    double? Score,
    string? ModelVersion,
    string? User,
    DateTimeOffset CreatedAt,
    string? Explanation = null)
{
    public bool IsUserJudgement => User is not null;

    /// <summary>The pair in canonical order (left &lt; right, ordinal).</summary>
    public static (string Left, string Right) Order(string a, string b) =>
        string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);

    public string Other(string id) => id == LeftId ? RightId : LeftId;
}

/// <summary>One entry of the user judgement log.</summary>
public sealed record EdgeLogEntry(long Seq, string LeftId, string RightId, Judgement Judgement, string? User,
    DateTimeOffset CreatedAt, Judgement? Previous, DateTimeOffset? UndoneAt);

internal static class Judgements
{
    public static string ToSql(this Judgement j) => j switch
    {
        Judgement.Positive => "positive",
        Judgement.Negative => "negative",
        Judgement.Unsure => "unsure",
        _ => "no_judgement",
    };

    public static Judgement Parse(string s) => s switch
    {
        "positive" => Judgement.Positive,
        "negative" => Judgement.Negative,
        "unsure" => Judgement.Unsure,
        _ => Judgement.NoJudgement,
    };
}
