using System.IO.Hashing;
using System.Text;

namespace OsintResolver.Resolution.Clustering;

/// <summary>
/// Stable canonical ids. A cluster keeps the id most of its members already had, so a cluster
/// that grows keeps its id; when a cluster splits, the largest part keeps it and the others get
/// new ids. An id once issued is never issued to another cluster. A lone entity's canonical id
/// is its own id.
/// </summary>
internal static class CanonicalIds
{
    public const string Prefix = "nk-";

    /// <summary>Entity id → canonical id for every member of the given clusters.</summary>
    public static Dictionary<string, string> Assign(IReadOnlyList<IReadOnlyList<string>> clusters, IReadOnlyDictionary<string, string> previous, ISet<string> issued)
    {
        var candidates = clusters.Select(members =>
        {
            var tally = members.Select(m => previous.GetValueOrDefault(m)).Where(c => c is not null)
                .GroupBy(c => c!, StringComparer.Ordinal)
                .Select(g => (Id: g.Key, Votes: g.Count()))
                .OrderByDescending(x => x.Votes).ThenBy(x => x.Id, StringComparer.Ordinal)
                .ToList();
            return (Members: members, Tally: tally);
        })
        .OrderByDescending(c => c.Tally.Count > 0 ? c.Tally[0].Votes : 0)
        .ThenByDescending(c => c.Members.Count)
        .ThenBy(c => c.Members.Min(StringComparer.Ordinal), StringComparer.Ordinal)
        .ToList();

        var taken = new HashSet<string>(StringComparer.Ordinal);
        var assignment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (members, tally) in candidates)
        {
            var id = tally.Select(t => t.Id).FirstOrDefault(taken.Add) ?? NewId(members, issued, taken);
            foreach (var member in members)
            {
                assignment[member] = id;
            }
        }

        return assignment;
    }

    private static string NewId(IReadOnlyList<string> members, ISet<string> issued, HashSet<string> taken)
    {
        var seed = string.Join('\u001f', members.Order(StringComparer.Ordinal));
        for (var salt = 0; ; salt++)
        {
            var hash = XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(salt == 0 ? seed : $"{seed}\u001f{salt}"));
            var id = $"{Prefix}{hash:x16}";
            if (!issued.Contains(id) && taken.Add(id))
            {
                return id;
            }
        }
    }
}
