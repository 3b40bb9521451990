namespace OsintResolver.Resolution.Evaluation;

/// <summary>Precision, recall and F1 with the counts behind them.</summary>
public sealed record PrecisionRecall(double Precision, double Recall, double F1, long TruePositives, long FalsePositives, long FalseNegatives)
{
    public static PrecisionRecall From(long tp, long fp, long fn)
    {
        var p = tp + fp == 0 ? 1.0 : (double)tp / (tp + fp);
        var r = tp + fn == 0 ? 1.0 : (double)tp / (tp + fn);
        return new PrecisionRecall(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), tp, fp, fn);
    }
}

/// <summary>How a predicted clustering compares with the truth.</summary>
public sealed record ClusterMetrics(long Records, long TrueClusters, long PredictedClusters, PrecisionRecall Pairwise, PrecisionRecall BCubed);

/// <summary>Scores of labelled pairs at a threshold, and the best F1 over thresholds.</summary>
public sealed record PairMetrics(long Pairs, long Positives, double Threshold, PrecisionRecall AtThreshold, double BestF1, double BestThreshold, double Auc);

/// <summary>Evaluation of clusterings (pairwise and B-cubed) and of scored pairs.</summary>
public static class Metrics
{
    /// <summary>
    /// Compares predicted clusters with true clusters over the records present in the truth.
    /// Pairwise: a pair of records is positive when both are in one cluster; counted from the
    /// contingency table, never by enumerating pairs. B-cubed: per record, the share of its
    /// predicted cluster that is truly its (precision) and of its true cluster it was put with
    /// (recall), averaged over records.
    /// </summary>
    public static ClusterMetrics Clusters(IReadOnlyDictionary<string, string> truth, Func<string, string> predicted)
    {
        var cells = new Dictionary<(string Truth, string Predicted), long>();
        var truthSizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var predictedSizes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (id, cluster) in truth)
        {
            var p = predicted(id);
            cells[(cluster, p)] = cells.GetValueOrDefault((cluster, p)) + 1;
            truthSizes[cluster] = truthSizes.GetValueOrDefault(cluster) + 1;
            predictedSizes[p] = predictedSizes.GetValueOrDefault(p) + 1;
        }

        static long Pairs(long n) => n * (n - 1) / 2;
        var tp = cells.Values.Sum(Pairs);
        var predictedPairs = predictedSizes.Values.Sum(Pairs);
        var truePairs = truthSizes.Values.Sum(Pairs);
        var pairwise = PrecisionRecall.From(tp, predictedPairs - tp, truePairs - tp);

        double precision = 0, recall = 0;
        foreach (var ((t, p), n) in cells)
        {
            // Each of the n records in this cell sees n correct companions in both clusters.
            precision += n * (double)n / predictedSizes[p];
            recall += n * (double)n / truthSizes[t];
        }

        var count = truth.Count;
        precision = count == 0 ? 1 : precision / count;
        recall = count == 0 ? 1 : recall / count;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        var bcubed = new PrecisionRecall(precision, recall, f1, 0, 0, 0);
        return new ClusterMetrics(count, truthSizes.Count, predictedSizes.Count, pairwise, bcubed);
    }

    /// <summary>Precision/recall/F1 of scored labelled pairs at a threshold, the best F1, and ROC AUC.</summary>
    public static PairMetrics Pairs(IReadOnlyList<(double Score, bool Match)> scored, double threshold)
    {
        long tp = 0, fp = 0, fn = 0;
        foreach (var (score, match) in scored)
        {
            if (score >= threshold)
            {
                if (match)
                {
                    tp++;
                }
                else
                {
                    fp++;
                }
            }
            else if (match)
            {
                fn++;
            }
        }

        var positives = scored.Count(s => s.Match);
        var sorted = scored.OrderByDescending(s => s.Score).ToList();
        double bestF1 = 0, bestThreshold = 1;
        long ctp = 0, cfp = 0;
        for (var i = 0; i < sorted.Count; i++)
        {
            if (sorted[i].Match)
            {
                ctp++;
            }
            else
            {
                cfp++;
            }

            // Only between distinct scores can a threshold separate the pairs.
            if (i + 1 < sorted.Count && sorted[i + 1].Score == sorted[i].Score)
            {
                continue;
            }

            var f1 = PrecisionRecall.From(ctp, cfp, positives - ctp).F1;
            if (f1 > bestF1)
            {
                bestF1 = f1;
                bestThreshold = sorted[i].Score;
            }
        }

        return new PairMetrics(scored.Count, positives, threshold, PrecisionRecall.From(tp, fp, fn), bestF1, bestThreshold, Auc(scored));
    }

    /// <summary>ROC AUC: the chance a random positive scores above a random negative (ties count half).</summary>
    public static double Auc(IReadOnlyList<(double Score, bool Match)> scored)
    {
        var positives = scored.Count(s => s.Match);
        var negatives = scored.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        var ordered = scored.OrderBy(s => s.Score).ToList();
        double rankSum = 0;
        var i = 0;
        while (i < ordered.Count)
        {
            var j = i;
            while (j + 1 < ordered.Count && ordered[j + 1].Score == ordered[i].Score)
            {
                j++;
            }

            var rank = (i + j) / 2.0 + 1;
            for (var k = i; k <= j; k++)
            {
                if (ordered[k].Match)
                {
                    rankSum += rank;
                }
            }

            i = j + 1;
        }

        return (rankSum - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }
}
