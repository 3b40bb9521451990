using System.CommandLine;
using OsintResolver.Cli.Commands;

namespace OsintResolver.Cli;

/// <summary>The <c>osint</c> command tree. Each capability adds its verb here.</summary>
internal static class OsintCli
{
    public static RootCommand Build()
    {
        var root = new RootCommand("OsintResolver: crawl, resolve and search entities for sanctions and trade investigations.");
        root.Options.Add(CliOptions.DataDir);
        root.Options.Add(CliOptions.Json);
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(StatsCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(ResolveCommand.Create());
        root.Subcommands.Add(ReviewCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(EvaluateCommand.Create());
        root.Subcommands.Add(IndexCommand.Create());
        root.Subcommands.Add(SearchCommand.Create());
        root.Subcommands.Add(UsersCommand.Create());
        root.Subcommands.Add(CrawlCommand.Create());
        root.Subcommands.Add(RunsCommand.Create());
        root.Subcommands.Add(ScheduleCommand.Create());
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var config = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
        };
        return await Build().Parse(args).InvokeAsync(config).ConfigureAwait(false);
    }
}
