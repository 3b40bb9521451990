using System.CommandLine;
using OsintResolver.Resolution;
using OsintResolver.Resolution.Matching;
using Spectre.Console;

namespace OsintResolver.Cli.Commands;

internal static class ResolveCommand
{
    public static readonly Option<string?> Model = new("--model")
    {
        Description = "Folder of a trained matcher (matcher.zip, matcher.json); default: the one shipped in models/matcher",
    };

    public static Command Create()
    {
        var full = new Option<bool>("--full") { Description = "Score every pair again, not only pairs with new or changed entities" };
        var auto = new Option<double?>("--auto-merge") { Description = "Merge pairs at or above this probability (default: the model card's)" };
        var review = new Option<double?>("--review") { Description = "Queue pairs at or above this probability for review (default: the model card's)" };
        var maxBlock = new Option<int>("--max-block") { Description = "Drop blocks with more entities than this", DefaultValueFactory = _ => 200 };

        var command = new Command("resolve", "Find, score and cluster duplicate entities in the store (incremental after the first run)")
        {
            full, auto, review, maxBlock, Model,
        };
        command.SetAction(CliContext.Action((ctx, ct) =>
        {
            var options = new ResolverOptions
            {
                Full = ctx.Parse.GetValue(full),
                AutoMergeThreshold = ctx.Parse.GetValue(auto),
                ReviewThreshold = ctx.Parse.GetValue(review),
                MaxBlockSize = ctx.Parse.GetValue(maxBlock),
                ModelDirectory = ctx.Parse.GetValue(Model),
            };
            Validate(options);
            var matcher = Matcher.LoadOrShipped(options.ModelDirectory);
            var report = new Resolver(ctx.Store, matcher, options).Run(new Progress<string>(m =>
            {
                if (!ctx.Json)
                {
                    ctx.Error.WriteLine(m);
                }
            }), ct);

            if (ctx.Json)
            {
                ctx.WriteJson(report);
                return Task.FromResult(0);
            }

            var table = new Table().AddColumns("", "");
            table.AddRow("entities", $"{report.Entities:N0} ({report.Changed:N0} new or changed, {report.Removed:N0} removed)");
            table.AddRow("run", report.Full ? $"full ({Markup.Escape(report.FullReason ?? "")})" : "incremental");
            table.AddRow("blocks", $"{report.Blocking.Blocks:N0} used, {report.Blocking.OversizedBlocks:N0} over the size guard");
            table.AddRow("candidate pairs", $"{report.PairsScored:N0} (reduction ratio {report.Blocking.ReductionRatio:F6})");
            table.AddRow("auto-merge edges", $"{report.AutoMergeEdges:N0} (≥ {report.AutoMergeThreshold:0.00})");
            table.AddRow("review queue", $"{report.ReviewEdges:N0} new suggestions (≥ {report.ReviewThreshold:0.00})");
            table.AddRow("clusters", $"{report.Clusters:N0} holding {report.ClusteredEntities:N0} entities");
            table.AddRow("merges refused", $"{report.RefusedMerges:N0} (analyst negatives or incompatible schemata)");
            table.AddRow("model", Markup.Escape(report.ModelVersion));
            table.AddRow("seconds", report.Elapsed.TotalSeconds.ToString("F1"));
            ctx.Console.Write(table);
            return Task.FromResult(0);
        }));
        return command;
    }

    internal static void Validate(ResolverOptions options) => OsintResolver.Model.Errors.OptionsValidation.Validate(options, "resolver options");
}
