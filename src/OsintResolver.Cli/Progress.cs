using System.Diagnostics;
using Spectre.Console;

namespace OsintResolver.Cli;

/// <summary>
/// Progress for long work: a live bar on a terminal, else a line on stderr every few seconds
/// (so logs of scheduled runs still show it), and nothing with --json.
/// </summary>
internal static class ProgressDisplay
{
    public static async Task<T> RunAsync<T>(CliContext ctx, string label, double total,
        Func<Action<double, string>, Task<T>> work)
    {
        if (ctx.Interactive)
        {
            return await ctx.ErrorConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                    new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async p =>
                {
                    var task = p.AddTask(label, maxValue: Math.Max(total, 1));
                    var result = await work((value, status) =>
                    {
                        task.Value = value;
                        task.Description = $"{label} {Markup.Escape(status)}";
                    }).ConfigureAwait(false);
                    task.Value = task.MaxValue;
                    return result;
                }).ConfigureAwait(false);
        }

        var last = Stopwatch.StartNew();
        return await work((value, status) =>
        {
            if (ctx.Json || last.Elapsed.TotalSeconds < 5)
            {
                return;
            }

            last.Restart();
            var pct = total > 0 ? $" {100 * value / total:F0}%" : "";
            ctx.Error.WriteLine($"{label}{pct} {status}");
        }).ConfigureAwait(false);
    }
}
