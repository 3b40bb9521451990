using System.Text.Json;
using OsintResolver.Cli.Tests.Support;
using OsintResolver.Store;
using OsintResolver.Store.Users;
using OsintResolver.Web.Auth;

namespace OsintResolver.Cli.Tests.Commands;

public sealed class UsersCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Add_WithPassword_CreatesAnalystWhoseHashVerifies()
    {
        var (code, output, _) = await _cli.RunAsync("users", "add", "alice", "--role", "analyst", "--password", "a long password");

        Assert.Equal(0, code);
        Assert.Contains("added alice (analyst)", output, StringComparison.Ordinal);
        var accounts = new UserAccounts(EntityStore.Open(_cli.DataDir));
        Assert.Equal(UserRole.Analyst, accounts.Verify("alice", "a long password")?.Role);
        Assert.Null(accounts.Verify("alice", "another password"));
    }

    [Fact]
    public async Task Add_NoPassword_GeneratesAndPrintsOne()
    {
        var (code, output, _) = await _cli.RunAsync("users", "add", "bob", "--json");

        Assert.Equal(0, code);
        var body = JsonDocument.Parse(output).RootElement;
        Assert.Equal("analyst", body.GetProperty("role").GetString());
        var password = body.GetProperty("password").GetString()!;
        Assert.Equal(16, password.Length);
        Assert.NotNull(new UserAccounts(EntityStore.Open(_cli.DataDir)).Verify("bob", password));
    }

    [Fact]
    public async Task Add_UnknownRoleOrShortPassword_FailsWithReason()
    {
        var (code1, _, error1) = await _cli.RunAsync("users", "add", "carol", "--role", "superuser", "--password", "a long password");
        var (code2, _, error2) = await _cli.RunAsync("users", "add", "carol", "--password", "short");

        Assert.Equal(1, code1);
        Assert.Contains("unknown role 'superuser'", error1, StringComparison.Ordinal);
        Assert.Equal(1, code2);
        Assert.Contains("a password has 10–256 characters", error2, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyListRevokeRemove_FullLifecycle()
    {
        await _cli.RunAsync("users", "add", "dave", "--role", "viewer", "--password", "a long password");

        var (keyCode, keyJson, _) = await _cli.RunAsync("users", "key", "dave", "--label", "export", "--json");
        var key = JsonDocument.Parse(keyJson).RootElement;
        var secret = key.GetProperty("key").GetString()!;
        var users = new UserStore(EntityStore.Open(_cli.DataDir));
        Assert.Equal(0, keyCode);
        Assert.Equal("dave", users.FindByApiKey(secret)?.Name);

        var (_, list, _) = await _cli.RunAsync("users", "list", "--json");
        var listed = JsonDocument.Parse(list).RootElement.EnumerateArray().Single();
        Assert.Equal("viewer", listed.GetProperty("role").GetString());
        Assert.Equal(key.GetProperty("id").GetString(), listed.GetProperty("api_keys")[0].GetProperty("id").GetString());

        Assert.Equal(0, (await _cli.RunAsync("users", "revoke", key.GetProperty("id").GetString()!)).ExitCode);
        Assert.Null(users.FindByApiKey(secret));
        Assert.Equal(0, (await _cli.RunAsync("users", "remove", "dave")).ExitCode);
        Assert.Null(users.Get("dave"));
        var (again, _, error) = await _cli.RunAsync("users", "remove", "dave");
        Assert.Equal(1, again);
        Assert.Contains("no user 'dave'", error, StringComparison.Ordinal);
    }
}
