using System.Text.Json;
using OsintResolver.Cli.Tests.Support;
using OsintResolver.Index;
using OsintResolver.Store;
using OsintResolver.Web.Auth;

namespace OsintResolver.Cli.Tests.Commands;

public sealed class DemoCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Demo_NoServe_RunsThePipelineAndCreatesTheAnalystItPrints()
    {
        var (code, output, error) = await _cli.RunAsync("demo", "--no-serve", "--json");

        Assert.True(code == 0, error);
        var body = JsonDocument.Parse(output).RootElement;
        var steps = body.GetProperty("steps").EnumerateArray().ToDictionary(s => s.GetProperty("step").GetString()!);
        Assert.All(steps.Values, s => Assert.True(s.GetProperty("succeeded").GetBoolean()));
        Assert.Contains("resolve", steps.Keys);
        var store = EntityStore.Open(_cli.DataDir);
        Assert.True(store.GetStats().Entities.Sum(e => e.Entities) >= 13);
        using var index = EntityIndexFactory.Open(new IndexOptions { DataDir = _cli.DataDir });
        var found = await index.SearchAsync(new Index.Querying.SearchQuery { Text = "Dandong Hongxiang" });
        Assert.Contains(found.Hits, h => h.Entity.Caption.Contains("Hongxiang", StringComparison.Ordinal));
        var user = new UserAccounts(store).Verify(body.GetProperty("user").GetString()!, body.GetProperty("password").GetString()!);
        Assert.Equal(Store.Users.UserRole.Analyst, user?.Role);
    }

    [Fact]
    public async Task Demo_RunTwice_KeepsOneAccountWithTheNewPassword()
    {
        await _cli.RunAsync("demo", "--no-serve", "--json");
        var (code, output, _) = await _cli.RunAsync("demo", "--no-serve", "--json");

        Assert.Equal(0, code);
        var body = JsonDocument.Parse(output).RootElement;
        var accounts = new UserAccounts(EntityStore.Open(_cli.DataDir));
        Assert.Single(accounts.Store.List());
        Assert.NotNull(accounts.Verify("demo", body.GetProperty("password").GetString()!));
    }
}
