using OsintResolver.Resolution.Evaluation;
using OsintResolver.Resolution.Matching;
using OsintResolver.Resolution.Tests.Support;
using OsintResolver.Store.Import;
using OsintResolver.Store.Resolution;

namespace OsintResolver.Resolution.Tests;

/// <summary>
/// The accuracy goals, measured end to end on the real benchmark files (import, resolve,
/// compare clusters with the truth) with the shipped matcher. Skipped when ../shared/data is absent.
/// </summary>
public class SharedDataAccuracyTests
{
    [SkippableTheory]
    [InlineData("er_benchmarks/febrl/febrl_dataset2.csv", "febrl.yml", "febrl", 0.95)]
    [InlineData("er_benchmarks/splink/fake_1000.csv", "splink_fake_1000.yml", "splink", 0.90)]
    public async Task Resolve_BenchmarkFile_MeetsThePairwiseF1Goal(string file, string mapping, string dataset, double goal)
    {
        var path = SharedData.Require(file);
        using var t = new TestStore();
        var import = await new EntityImporter(t.Store).ImportAsync(new ImportRequest
        {
            Path = path,
            Dataset = dataset,
            MappingPath = RepositoryRoot.Combine("docs", "mappings", mapping),
        });
        Assert.True(import.Succeeded, import.Run.Error);

        new Resolver(t.Store, Matcher.LoadShipped()).Run();

        var truth = Truth(path, dataset);
        var clusters = new ResolutionStore(t.Store).LoadClusters();
        var metrics = Metrics.Clusters(truth, id => clusters.GetValueOrDefault(id) ?? id);
        Assert.True(metrics.Pairwise.F1 >= goal, $"pairwise F1 {metrics.Pairwise.F1:F4} (P {metrics.Pairwise.Precision:F4}, R {metrics.Pairwise.Recall:F4}) < {goal}");
    }

    /// <summary>The truth of each file, read from the file itself (FEBRL ids, Splink's cluster column).</summary>
    private static Dictionary<string, string> Truth(string path, string dataset)
    {
        var truth = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var cols = line.Split(',');
            if (dataset == "febrl")
            {
                var id = cols[0].Trim();
                truth[Model.Entities.EntityIds.MakeReadable(dataset, id)] = id.Split('-')[1];
            }
            else
            {
                truth[Model.Entities.EntityIds.MakeReadable(dataset, cols[0])] = cols[^1];
            }
        }

        return truth;
    }
}
