using System.CommandLine;
using System.Text.Json;
using OsintResolver.Model.Errors;
using OsintResolver.Resolution.Evaluation;
using OsintResolver.Resolution.Matching;
using OsintResolver.Resolution.Training;
using OsintResolver.Store.Resolution;
using Spectre.Console;

namespace OsintResolver.Cli.Commands;

internal static class EvaluateCommand
{
    public static Command Create()
    {
        var truth = new Option<string?>("--truth") { Description = "Truth CSV (id,cluster): compare the store's clusters with it" };
        var dataset = new Option<string?>("--dataset") { Description = "Map the truth's record ids to entity ids as a CSV mapping's id_column does (<dataset>-<id>)" };
        var pairs = new Option<string?>("--pairs") { Description = "Labelled pairs (OpenSanctions JSON lines): score each pair with the matcher" };
        var output = new Option<string?>("--out") { Description = "With --pairs: write each pair's score (JSON lines)" };
        var threshold = new Option<double?>("--threshold") { Description = "With --pairs: the threshold to report at (default: the auto-merge threshold)" };
        var command = new Command("evaluate", "Measure resolution against ground truth: pairwise and B-cubed (--truth) or scored pairs (--pairs)")
        {
            truth, dataset, pairs, output, threshold, ResolveCommand.Model,
        };
        command.SetAction(CliContext.Action((ctx, _) =>
        {
            var truthFile = ctx.Parse.GetValue(truth);
            var pairsFile = ctx.Parse.GetValue(pairs);
            if ((truthFile is null) == (pairsFile is null))
            {
                throw new InvalidInputException("give either --truth FILE.csv or --pairs FILE.jsonl");
            }

            return Task.FromResult(truthFile is not null
                ? Clusters(ctx, truthFile, ctx.Parse.GetValue(dataset))
                : Pairs(ctx, pairsFile!, ctx.Parse.GetValue(output), ctx.Parse.GetValue(threshold), ctx.Parse.GetValue(ResolveCommand.Model)));
        }));
        return command;
    }

    private static int Clusters(CliContext ctx, string truthFile, string? dataset)
    {
        var truth = TruthFile.Read(truthFile, dataset);
        var clusters = new ResolutionStore(ctx.Store).LoadClusters();
        var known = ctx.Store.GetEntities(truth.Keys).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var missing = truth.Count - known.Count;
        var present = truth.Where(t => known.Contains(t.Key)).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        if (present.Count == 0)
        {
            throw new InvalidInputException($"none of the {truth.Count:N0} ids in {truthFile} is an entity in the store" +
                                            (dataset is null ? " (does the file use record ids? add --dataset NAME)" : ""));
        }

        var metrics = Metrics.Clusters(present, id => clusters.GetValueOrDefault(id) ?? id);
        var blocking = BlockingEvaluation.Evaluate(ctx.Store.GetEntities(present.Keys), present);
        if (ctx.Json)
        {
            ctx.WriteJson(new
            {
                records = metrics.Records, missing, true_clusters = metrics.TrueClusters, predicted_clusters = metrics.PredictedClusters,
                pairwise = metrics.Pairwise, bcubed = metrics.BCubed,
                blocking = new { pairs_completeness = blocking.PairsCompleteness, reduction_ratio = blocking.ReductionRatio, candidate_pairs = blocking.CandidatePairs },
            });
            return 0;
        }

        if (missing > 0)
        {
            ctx.Warn($"{missing:N0} ids of the truth file are not in the store; evaluated the other {present.Count:N0}");
        }

        var table = new Table().AddColumns("measure", "precision", "recall", "F1");
        table.AddRow("pairwise", metrics.Pairwise.Precision.ToString("F4"), metrics.Pairwise.Recall.ToString("F4"), metrics.Pairwise.F1.ToString("F4"));
        table.AddRow("B-cubed", metrics.BCubed.Precision.ToString("F4"), metrics.BCubed.Recall.ToString("F4"), metrics.BCubed.F1.ToString("F4"));
        ctx.Console.Write(table);
        ctx.Console.WriteLine($"{metrics.Records:N0} records, {metrics.TrueClusters:N0} true clusters, {metrics.PredictedClusters:N0} predicted; " +
                              $"pairs: {metrics.Pairwise.TruePositives:N0} right, {metrics.Pairwise.FalsePositives:N0} wrongly merged, {metrics.Pairwise.FalseNegatives:N0} missed");
        ctx.Console.WriteLine($"blocking: pairs completeness {blocking.PairsCompleteness:F4}, reduction ratio {blocking.ReductionRatio:F6} ({blocking.CandidatePairs:N0} candidate pairs)");
        return 0;
    }

    private static int Pairs(CliContext ctx, string file, string? output, double? threshold, string? model)
    {
        var matcher = Matcher.LoadOrShipped(model);
        var judged = PairsFile.Read(file).ToList();
        var at = threshold ?? matcher.Card.AutoMergeThreshold;
        // The file is the corpus: its names give the token frequencies for IDF weighting.
        var stats = Resolution.Profiles.TokenStatistics.FromEntities(judged.SelectMany(p => new[] { p.Left, p.Right }).DistinctBy(e => e.Id));
        var results = new List<MatchResult>(judged.Count);
        foreach (var chunk in judged.Chunk(2048))
        {
            results.AddRange(matcher.Score(chunk.Select(p => (p.Left, p.Right)).ToList(), stats, explain: output is not null));
        }

        var labelled = judged.Select((p, i) => (p, i)).Where(x => x.p.Match is not null).Select(x => (results[x.i].Score, x.p.Match!.Value)).ToList();
        if (output is not null)
        {
            using var writer = new StreamWriter(output);
            for (var i = 0; i < judged.Count; i++)
            {
                writer.WriteLine(JsonSerializer.Serialize(new
                {
                    left = judged[i].Left.Id,
                    right = judged[i].Right.Id,
                    judgement = judged[i].Match switch { true => "positive", false => "negative", null => "unsure" },
                    score = Math.Round(results[i].Score, 6),
                    explanation = results[i].Explanation,
                }));
            }
        }

        if (labelled.Count == 0)
        {
            throw new InvalidInputException($"{file} has no pair judged positive or negative");
        }

        var metrics = Metrics.Pairs(labelled, at);
        if (ctx.Json)
        {
            ctx.WriteJson(metrics);
            return 0;
        }

        var table = new Table().AddColumns("pairs", "positives", "threshold", "precision", "recall", "F1", "best F1", "at", "AUC");
        table.AddRow(metrics.Pairs.ToString("N0"), metrics.Positives.ToString("N0"), at.ToString("F2"), metrics.AtThreshold.Precision.ToString("F4"),
            metrics.AtThreshold.Recall.ToString("F4"), metrics.AtThreshold.F1.ToString("F4"), metrics.BestF1.ToString("F4"), metrics.BestThreshold.ToString("F3"), metrics.Auc.ToString("F4"));
        ctx.Console.Write(table);
        return 0;
    }
}
