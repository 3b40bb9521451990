using System.CommandLine;
using Microsoft.Extensions.Hosting;
using OsintResolver.Cli.Pipeline;
using OsintResolver.Store.Users;
using OsintResolver.Web;

namespace OsintResolver.Cli.Commands;

internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen, e.g. http://127.0.0.1:5080 (loopback by default; bind wider only behind TLS)",
            DefaultValueFactory = _ => OsintWebHostSettings.DefaultUrls,
        };
        var anonymous = new Option<bool>("--allow-anonymous-read")
        {
            Description = "Let visitors search and read without signing in (judging and admin still need a sign-in)",
        };

        var command = new Command("serve", "Serve the web app and JSON API (search, profiles, network, review, crawl status)") { urls, anonymous, ResolveCommand.Model };
        IndexBackendOptions.AddTo(command);
        command.SetAction(CliContext.Action(async (ctx, ct) =>
        {
            var settings = new OsintWebHostSettings
            {
                DataDir = ctx.DataDir,
                Urls = ctx.Parse.GetValue(urls)!,
                Args = ctx.Parse.GetValue(anonymous) ? ["--Web:Auth:AllowAnonymousRead=true"] : [],
                ConfigureIndex = index => IndexBackendOptions.Configure(ctx, index),
                MatcherDirectory = ctx.Parse.GetValue(ResolveCommand.Model),
            };
            // Analysts can crawl a source now from the crawl page (live URLs, as `osint crawl` does).
            var runner = CrawlHost.Runner(ctx, allowPrivateNetwork: false);
            await using var app = OsintWebHost.Create(settings, builder =>
                builder.Services.AddCrawlEngine(runner, s => new Crawling.Runs.CrawlRequest { Source = s.Name }));
            await app.StartAsync(ct).ConfigureAwait(false);
            var users = new UserStore(ctx.Store).Count();
            if (ctx.Json)
            {
                ctx.WriteJson(new { urls = app.Urls, data_dir = ctx.DataDir, users });
            }
            else
            {
                ctx.Error.WriteLine($"serving {ctx.DataDir} on {string.Join(", ", app.Urls)} (Ctrl+C to stop)");
                if (users == 0)
                {
                    ctx.Error.WriteLine("no users yet: create one with `osint users add NAME --role analyst`");
                }
            }

            await app.WaitForShutdownAsync(ct).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }
}
