namespace OsintResolver.Web.Profiles;

/// <summary>
/// How source entities are grouped into canonical (resolved) entities. The resolver owns the
/// clustering; the web app only asks which cluster an id is in. Profiles, networks and the
/// review screen show canonical entities through this seam.
/// </summary>
public interface IEntityClusters
{
    /// <summary>The canonical id of a source or canonical id (the id itself when it is not merged).</summary>
    string CanonicalOf(string id);

    /// <summary>The source ids merged into a canonical id; just the id when it is not a cluster.</summary>
    IReadOnlyList<string> MembersOf(string canonicalId);
}

/// <summary>
/// Used when no resolver is installed in the host: every entity stands alone. Analyst
/// judgements are still stored and shown on the profile, but nothing is merged.
/// </summary>
internal sealed class UnresolvedClusters : IEntityClusters
{
    public string CanonicalOf(string id) => id;

    public IReadOnlyList<string> MembersOf(string canonicalId) => [canonicalId];
}
