using OsintResolver.Model.Entities;

namespace OsintResolver.Resolution.Training;

/// <summary>
/// A pair of entities labelled as the same thing or not. The groups are the true clusters of
/// each side: training splits data by cluster, never by row, so no cluster is seen in both the
/// training and the test split.
/// </summary>
public sealed record LabelledPair(Entity Left, Entity Right, bool Match, string LeftGroup, string RightGroup, string Source);

/// <summary>Entities with their true cluster, from one labelled source.</summary>
public sealed record LabelledRecords(string Source, IReadOnlyList<(Entity Entity, string Cluster)> Records);
