using System.Text.Json;
using OsintResolver.Cli.Tests.Support;

namespace OsintResolver.Cli.Tests.Commands;

public sealed class ScheduleCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task PauseListResume_KnownSource_PlanShowsThePause()
    {
        var paused = await _cli.RunAsync("schedule", "--pause", "us_ofac_sdn", "--reason", "testing");
        var (_, during, _) = await _cli.RunAsync("schedule", "--list", "--json");
        var resumed = await _cli.RunAsync("schedule", "--resume", "us_ofac_sdn");
        var (_, after, _) = await _cli.RunAsync("schedule", "--list", "--json");

        Assert.Equal(0, paused.ExitCode);
        Assert.Contains("paused us_ofac_sdn", paused.Error, StringComparison.Ordinal);
        Assert.Equal(0, resumed.ExitCode);
        Assert.Equal(new Dictionary<string, bool> { ["un_sc_consolidated"] = false, ["us_ofac_sdn"] = true }, Plan(during));
        Assert.Equal(new Dictionary<string, bool> { ["un_sc_consolidated"] = false, ["us_ofac_sdn"] = false }, Plan(after));
    }

    [Fact]
    public async Task Pause_UnknownSource_FailsWithClearMessage()
    {
        var (exit, _, error) = await _cli.RunAsync("schedule", "--pause", "no_such_source");

        Assert.Equal(1, exit);
        Assert.Contains("no_such_source", error, StringComparison.Ordinal);
    }

    private static Dictionary<string, bool> Plan(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.EnumerateArray().ToDictionary(p => p.GetProperty("source").GetString()!, p => p.GetProperty("paused").GetBoolean());
    }
}
