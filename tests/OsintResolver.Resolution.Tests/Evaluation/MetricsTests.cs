using OsintResolver.Resolution.Evaluation;

namespace OsintResolver.Resolution.Tests.Evaluation;

public class MetricsTests
{
    [Fact]
    public void Clusters_HandComputedExample_GivesPairwiseAndBCubed()
    {
        // Truth {a,b,c} {d,e}; predicted {a,b} {c,d,e}.
        var truth = new Dictionary<string, string> { ["a"] = "1", ["b"] = "1", ["c"] = "1", ["d"] = "2", ["e"] = "2" };
        var predicted = new Dictionary<string, string> { ["a"] = "x", ["b"] = "x", ["c"] = "y", ["d"] = "y", ["e"] = "y" };

        var m = Metrics.Clusters(truth, id => predicted[id]);

        // Predicted pairs: ab, cd, ce, de = 4; true pairs: ab, ac, bc, de = 4; right: ab, de = 2.
        Assert.Equal(2, m.Pairwise.TruePositives);
        Assert.Equal(2, m.Pairwise.FalsePositives);
        Assert.Equal(2, m.Pairwise.FalseNegatives);
        Assert.Equal(0.5, m.Pairwise.Precision, 9);
        Assert.Equal(0.5, m.Pairwise.Recall, 9);
        // B-cubed precision: a,b 2/2; c 1/3; d,e 2/3 → (1+1+1/3+2/3+2/3)/5 = 11/15.
        Assert.Equal(11.0 / 15, m.BCubed.Precision, 9);
        // B-cubed recall: a,b 2/3; c 1/3; d,e 2/2 → (2/3+2/3+1/3+1+1)/5 = 11/15.
        Assert.Equal(11.0 / 15, m.BCubed.Recall, 9);
        Assert.Equal(2, m.TrueClusters);
        Assert.Equal(2, m.PredictedClusters);
    }

    [Fact]
    public void Clusters_Perfect_IsOne()
    {
        var truth = new Dictionary<string, string> { ["a"] = "1", ["b"] = "1", ["c"] = "2" };

        var m = Metrics.Clusters(truth, id => truth[id] + "p");

        Assert.Equal(1.0, m.Pairwise.F1);
        Assert.Equal(1.0, m.BCubed.F1);
    }

    [Fact]
    public void Pairs_HandComputedExample_GivesThresholdAndBestF1()
    {
        (double, bool)[] scored = [(0.9, true), (0.8, false), (0.7, true), (0.4, true), (0.2, false)];

        var m = Metrics.Pairs(scored, 0.5);

        // At 0.5: tp 2 (0.9, 0.7), fp 1 (0.8), fn 1 (0.4).
        Assert.Equal(2.0 / 3, m.AtThreshold.Precision, 9);
        Assert.Equal(2.0 / 3, m.AtThreshold.Recall, 9);
        // Best: threshold 0.4 → tp 3, fp 1, fn 0 → F1 = 6/7.
        Assert.Equal(6.0 / 7, m.BestF1, 9);
        Assert.Equal(0.4, m.BestThreshold, 9);
        // AUC: 0.9 beats both negatives, 0.7 and 0.4 beat only 0.2: 4 of 6 comparisons.
        Assert.Equal(4.0 / 6, m.Auc, 9);
    }
}
