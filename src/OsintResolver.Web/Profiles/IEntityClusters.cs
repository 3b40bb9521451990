using OsintResolver.Store;
using OsintResolver.Store.Resolution;

namespace OsintResolver.Web.Profiles;

/// <summary>
/// How source entities are grouped into canonical (resolved) entities. The resolver owns the
/// clustering; profiles, networks and the review screen ask this which cluster an id is in.
/// </summary>
public interface IEntityClusters
{
    /// <summary>The canonical id of a source or canonical id (the id itself when it is not merged).</summary>
    string CanonicalOf(string id);

    /// <summary>The source ids merged into a canonical id; just the id when it is not a cluster.</summary>
    IReadOnlyList<string> MembersOf(string canonicalId);
}

/// <summary>The resolver's clusters as the store holds them (updated by <c>osint resolve</c> and by each judgement).</summary>
internal sealed class ResolvedClusters(EntityStore store) : IEntityClusters
{
    private readonly ResolvedEntities _resolved = new(store);

    public string CanonicalOf(string id) => _resolved.CanonicalOf(id);

    public IReadOnlyList<string> MembersOf(string canonicalId) => _resolved.Members(canonicalId);
}
