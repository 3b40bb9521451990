using System.CommandLine;
using OsintResolver.Resolution;
using OsintResolver.Resolution.Matching;
using OsintResolver.Store.Edges;
using Spectre.Console;

namespace OsintResolver.Cli.Commands;

/// <summary>
/// The terminal review loop, in the spirit of nomenklatura's dedupe tool: the two entities side
/// by side with their differences and the model's explanation, and one key per decision.
/// Reads lines from standard input, so it can be scripted (and tested) with redirected input.
/// </summary>
internal static class ReviewCommand
{
    public static Command Create()
    {
        var user = new Option<string?>("--user") { Description = "Who judges (default: the login name)" };
        var limit = new Option<int>("--limit") { Description = "Stop after this many decisions", DefaultValueFactory = _ => int.MaxValue };
        var command = new Command("review", "Judge the model's uncertain suggestions: y(es) n(o) u(nsure) s(kip) z (undo) q(uit)")
        {
            user, limit, ResolveCommand.Model,
        };
        command.SetAction(CliContext.Action((ctx, _) =>
        {
            var name = ctx.Parse.GetValue(user) ?? Environment.UserName;
            var card = Matcher.LoadOrShipped(ctx.Parse.GetValue(ResolveCommand.Model)).Card;
            var queue = ReviewQueue.For(ctx.Store, card);
            var loop = new ReviewLoop(queue, ctx.Console, Console.In, name);
            var decisions = loop.Run(ctx.Parse.GetValue(limit));
            ctx.Console.WriteLine($"{decisions} decisions recorded for {name}; {queue.Pending():N0} suggestions left between {queue.ReviewThreshold:0.00} and {queue.AutoMergeThreshold:0.00}");
            return Task.FromResult(0);
        }));
        return command;
    }
}

internal sealed class ReviewLoop(ReviewQueue queue, IAnsiConsole console, TextReader input, string user)
{
    public int Run(int limit)
    {
        var decisions = 0;
        while (decisions < limit)
        {
            var item = queue.Next(user);
            if (item is null)
            {
                console.MarkupLine("[green]The review queue is empty.[/]");
                return decisions;
            }

            Show(item);
            console.Markup("[bold]Same entity?[/] [[y]]es [[n]]o [[u]]nsure [[s]]kip [[z]] undo [[q]]uit: ");
            var line = input.ReadLine();
            console.WriteLine();
            if (line is null)
            {
                return decisions;
            }

            switch (line.Trim().ToLowerInvariant())
            {
                case "y" or "yes":
                    queue.Judge(item.Left.Id, item.Right.Id, Judgement.Positive, user);
                    console.MarkupLine("[green]merged[/]");
                    decisions++;
                    break;
                case "n" or "no":
                    queue.Judge(item.Left.Id, item.Right.Id, Judgement.Negative, user);
                    console.MarkupLine("[red]kept apart[/]");
                    decisions++;
                    break;
                case "u" or "unsure":
                    queue.Judge(item.Left.Id, item.Right.Id, Judgement.Unsure, user);
                    console.MarkupLine("[yellow]marked unsure[/]");
                    decisions++;
                    break;
                case "s" or "skip":
                    queue.Skip(user, item.Left.Id, item.Right.Id);
                    console.MarkupLine("skipped");
                    break;
                case "z" or "undo":
                    var undone = queue.Undo(user);
                    console.MarkupLine(undone is null
                        ? "nothing to undo"
                        : $"undid {Markup.Escape(undone.Judgement.ToString().ToLowerInvariant())} on {Markup.Escape(undone.LeftId)} / {Markup.Escape(undone.RightId)}");
                    break;
                case "q" or "quit":
                    return decisions;
                default:
                    console.MarkupLine($"[red]unknown key '{Markup.Escape(line.Trim())}'[/]");
                    break;
            }
        }

        return decisions;
    }

    private void Show(ReviewItem item)
    {
        var table = new Table().Border(TableBorder.Rounded).Expand();
        table.AddColumn("");
        table.AddColumn(new TableColumn($"[bold]{Markup.Escape(item.Left.Caption)}[/]\n{Markup.Escape(item.Left.Schema.Name)} {Markup.Escape(item.Left.Id)}"));
        table.AddColumn(new TableColumn($"[bold]{Markup.Escape(item.Right.Caption)}[/]\n{Markup.Escape(item.Right.Schema.Name)} {Markup.Escape(item.Right.Id)}"));
        foreach (var p in item.Properties)
        {
            // Same values dim, one-sided plain, differing values highlighted: the eye goes to conflicts.
            var style = p.Same ? "grey" : p.OneSided ? "default" : "yellow";
            table.AddRow(
                new Markup($"[{style}]{Markup.Escape(p.Label)}[/]"),
                new Markup($"[{style}]{Markup.Escape(string.Join("\n", p.Left))}[/]"),
                new Markup($"[{style}]{Markup.Escape(string.Join("\n", p.Right))}[/]"));
        }

        console.Write(table);
        console.MarkupLine($"score [bold]{item.Score:0.000}[/]: {Markup.Escape(item.Explanation ?? "")}");
    }
}
