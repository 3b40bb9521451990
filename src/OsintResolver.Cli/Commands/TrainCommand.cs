using System.CommandLine;
using OsintResolver.Model.Errors;
using OsintResolver.Resolution.Training;
using OsintResolver.Store.Edges;
using Spectre.Console;

namespace OsintResolver.Cli.Commands;

internal static class TrainCommand
{
    public static Command Create()
    {
        var ofac = new Option<string?>("--ofac") { Description = "Folder with the OFAC SDN list in CSV form (sdn*.csv, alt*.csv, add*.csv): alias groups as positives" };
        var records = new Option<string[]>("--records") { Description = "Labelled CSV records (repeatable; each with a --mapping and a --truth, in order)" };
        var mappings = new Option<string[]>("--mapping") { Description = "Mapping YAML for the --records file at the same position" };
        var truths = new Option<string[]>("--truth") { Description = "Truth CSV (id,cluster) for the --records file at the same position" };
        var pairs = new Option<string[]>("--pairs") { Description = "Labelled pairs in the OpenSanctions format (JSON lines; repeatable)" };
        var noJudgements = new Option<bool>("--no-judgements") { Description = "Leave out the analyst judgements in the store" };
        var output = new Option<string>("--out") { Description = "Where to write matcher.zip and matcher.json", DefaultValueFactory = _ => Path.Combine("models", "matcher") };
        var holdout = new Option<string?>("--holdout-out") { Description = "Write the test split's pairs here (JSON lines) for 'osint evaluate --pairs'" };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 42 };
        var testFraction = new Option<double>("--test-fraction") { Description = "Share of clusters held out for testing", DefaultValueFactory = _ => 0.2 };
        var iterations = new Option<int>("--iterations") { Description = "Boosting rounds", DefaultValueFactory = _ => 300 };

        var command = new Command("train", "Train the matcher from analyst judgements and labelled data; split by cluster")
        {
            ofac, records, mappings, truths, pairs, noJudgements, output, holdout, seed, testFraction, iterations,
        };
        command.SetAction(CliContext.Action((ctx, _) =>
        {
            var options = new TrainingOptions
            {
                Seed = ctx.Parse.GetValue(seed),
                TestFraction = ctx.Parse.GetValue(testFraction),
                Iterations = ctx.Parse.GetValue(iterations),
            };
            var labelled = new List<LabelledPair>();
            var sources = new List<string>();
            void Log(string m)
            {
                if (!ctx.Json)
                {
                    ctx.Error.WriteLine(m);
                }
            }

            if (ctx.Parse.GetValue(ofac) is { } dir)
            {
                var groups = OfacAliasGroups.Read(dir, options.Seed);
                var sampled = PairSampler.Sample(groups, options.Seed, variantsOnly: true);
                labelled.AddRange(sampled);
                sources.Add($"OFAC SDN alias groups ({dir}): {groups.Records.Count:N0} names in {groups.Records.Select(r => r.Cluster).Distinct().Count():N0} entries, with synthetic variants; positives limited to name variants ");
                Log($"ofac: {sampled.Count(p => p.Match):N0} positive, {sampled.Count(p => !p.Match):N0} negative pairs");
            }

            var csvs = ctx.Parse.GetValue(records) ?? [];
            var maps = ctx.Parse.GetValue(mappings) ?? [];
            var truthFiles = ctx.Parse.GetValue(truths) ?? [];
            if (csvs.Length != maps.Length || csvs.Length != truthFiles.Length)
            {
                throw new InvalidInputException($"each --records file needs a --mapping and a --truth (got {csvs.Length}, {maps.Length} and {truthFiles.Length})");
            }

            for (var i = 0; i < csvs.Length; i++)
            {
                var set = LabelledCsv.Read(csvs[i], maps[i], truthFiles[i]);
                var sampled = PairSampler.Sample(set, options.Seed + i + 1);
                labelled.AddRange(sampled);
                sources.Add($"{set.Source}: {csvs[i]} ({set.Records.Count:N0} records) with truth {truthFiles[i]}");
                Log($"{set.Source}: {sampled.Count(p => p.Match):N0} positive, {sampled.Count(p => !p.Match):N0} negative pairs");
            }

            foreach (var file in ctx.Parse.GetValue(pairs) ?? [])
            {
                var read = PairsFile.ToLabelled(PairsFile.Read(file), Path.GetFileNameWithoutExtension(file));
                labelled.AddRange(read);
                sources.Add($"pairs {file}: {read.Count:N0}");
            }

            if (!ctx.Parse.GetValue(noJudgements))
            {
                var judged = Judgements(ctx);
                labelled.AddRange(judged);
                if (judged.Count > 0)
                {
                    sources.Add($"analyst judgements in the store: {judged.Count:N0}");
                }
            }

            var commandLine = "osint " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1));
            var result = MatcherTrainer.Train(labelled, options, sources, commandLine, Log);
            var outDir = ctx.Parse.GetValue(output)!;
            result.Save(outDir);
            if (ctx.Parse.GetValue(holdout) is { } holdoutFile)
            {
                PairsFile.Write(holdoutFile, labelled.Where(p => MatcherTrainer.SplitOf(p.LeftGroup, options) == "test" && MatcherTrainer.SplitOf(p.RightGroup, options) == "test"));
            }

            if (ctx.Json)
            {
                ctx.WriteJson(result.Card);
                return Task.FromResult(0);
            }

            var table = new Table().AddColumns("split", "source", "pairs", "positives", "precision", "recall", "F1", "best F1", "AUC");
            foreach (var m in result.Card.Metrics)
            {
                table.AddRow(m.Split, Markup.Escape(m.Source), m.Pairs.ToString("N0"), m.Positives.ToString("N0"), m.Precision.ToString("F3"),
                    m.Recall.ToString("F3"), m.F1.ToString("F3"), m.BestF1.ToString("F3"), m.Auc.ToString("F3"));
            }

            ctx.Console.Write(table);
            ctx.Console.WriteLine($"thresholds: {result.Card.ThresholdRationale}");
            ctx.Console.WriteLine($"wrote {result.Card.Version} to {Path.GetFullPath(outDir)}");
            return Task.FromResult(0);
        }));
        return command;
    }

    private static List<LabelledPair> Judgements(CliContext ctx)
    {
        var edges = ctx.Store.Edges.All(usersOnly: true).Where(e => e.Judgement is Judgement.Positive or Judgement.Negative).ToList();
        if (edges.Count == 0)
        {
            return [];
        }

        var entities = ctx.Store.GetEntities(edges.SelectMany(e => new[] { e.LeftId, e.RightId })).ToDictionary(e => e.Id);
        var judged = edges.Where(e => entities.ContainsKey(e.LeftId) && entities.ContainsKey(e.RightId))
            .Select(e => new JudgedPair(entities[e.LeftId], entities[e.RightId], e.Judgement == Judgement.Positive, 0));
        return PairsFile.ToLabelled(judged, "judgements");
    }
}
