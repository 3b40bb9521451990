using System.Text.Json;

namespace OsintResolver.Cli.Tests.Commands;

public sealed class ScheduleCommandTests
{
    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await OsintCli.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task PauseListResume_KnownSource_PlanShowsThePause()
    {
        using var dir = new TempDirectory();
        var data = dir.File("data");

        var paused = await Run("schedule", "--pause", "us_ofac_sdn", "--reason", "testing", "--data-dir", data);
        var (_, during, _) = await Run("schedule", "--list", "--json", "--data-dir", data);
        var resumed = await Run("schedule", "--resume", "us_ofac_sdn", "--data-dir", data);
        var (_, after, _) = await Run("schedule", "--list", "--json", "--data-dir", data);

        Assert.Equal(0, paused.Exit);
        Assert.Contains("paused us_ofac_sdn", paused.Error, StringComparison.Ordinal);
        Assert.Equal(0, resumed.Exit);
        Assert.Equal(new Dictionary<string, bool> { ["un_sc_consolidated"] = false, ["us_ofac_sdn"] = true }, Plan(during));
        Assert.Equal(new Dictionary<string, bool> { ["un_sc_consolidated"] = false, ["us_ofac_sdn"] = false }, Plan(after));
    }

    [Fact]
    public async Task Pause_UnknownSource_FailsWithClearMessage()
    {
        using var dir = new TempDirectory();

        var (exit, _, error) = await Run("schedule", "--pause", "no_such_source", "--data-dir", dir.File("data"));

        Assert.Equal(1, exit);
        Assert.Contains("no_such_source", error, StringComparison.Ordinal);
    }

    private static Dictionary<string, bool> Plan(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.EnumerateArray().ToDictionary(p => p.GetProperty("source").GetString()!, p => p.GetProperty("paused").GetBoolean());
    }
}
