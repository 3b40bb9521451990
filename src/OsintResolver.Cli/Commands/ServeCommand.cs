using System.CommandLine;
using Microsoft.Extensions.Hosting;
using OsintResolver.Web;

namespace OsintResolver.Cli.Commands;

internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen, e.g. http://127.0.0.1:5080 (loopback by default: the API has no sign-in of its own)",
            DefaultValueFactory = _ => OsintWebHostSettings.DefaultUrls,
        };

        var command = new Command("serve", "Serve the JSON API (search, entities, match) over HTTP") { urls };
        IndexBackendOptions.AddTo(command);
        command.SetAction(CliContext.Action(async (ctx, ct) =>
        {
            var settings = new OsintWebHostSettings
            {
                DataDir = ctx.DataDir,
                Urls = ctx.Parse.GetValue(urls)!,
                ConfigureIndex = index => IndexBackendOptions.Configure(ctx, index),
            };
            await using var app = OsintWebHost.Create(settings);
            await app.StartAsync(ct).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(new { urls = app.Urls, data_dir = ctx.DataDir });
            }
            else
            {
                ctx.Error.WriteLine($"serving {ctx.DataDir} on {string.Join(", ", app.Urls)} (Ctrl+C to stop)");
            }

            await app.WaitForShutdownAsync(ct).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }
}
