using OsintResolver.Model.Errors;
using OsintResolver.Store.Tests.Support;
using OsintResolver.Store.Users;

namespace OsintResolver.Store.Tests.Users;

public sealed class UserStoreTests : IDisposable
{
    private readonly StoreFixture _fixture = new();
    private readonly UserStore _users;

    public UserStoreTests() => _users = new UserStore(_fixture.Store);

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void Add_NewUser_IsFoundCaseInsensitively()
    {
        _users.Add("Alice", UserRole.Analyst, "hash-1");

        var user = _users.Get("alice");

        Assert.NotNull(user);
        Assert.Equal("Alice", user.Name);
        Assert.Equal(UserRole.Analyst, user.Role);
        Assert.Equal("hash-1", user.PasswordHash);
        Assert.Equal(32, user.SecurityStamp.Length);
    }

    [Fact]
    public void Add_ExistingName_ThrowsConflict()
    {
        _users.Add("bob", UserRole.Viewer, "h");

        var ex = Assert.Throws<ConflictException>(() => _users.Add("BOB", UserRole.Admin, "h"));

        Assert.Contains("already exists", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("<script>")]
    public void Add_BadName_ThrowsInvalidInput(string name)
    {
        Assert.Throws<InvalidInputException>(() => _users.Add(name, UserRole.Viewer, "h"));
    }

    [Fact]
    public void Update_RoleOrPassword_ChangesSecurityStamp()
    {
        var before = _users.Add("carol", UserRole.Viewer, "h1");

        var promoted = _users.Update("carol", role: UserRole.Admin);
        var rehashed = _users.Update("carol", passwordHash: "h2");

        Assert.Equal(UserRole.Admin, promoted.Role);
        Assert.NotEqual(before.SecurityStamp, promoted.SecurityStamp);
        Assert.Equal("h2", rehashed.PasswordHash);
        Assert.Equal(UserRole.Admin, rehashed.Role);
        Assert.NotEqual(promoted.SecurityStamp, rehashed.SecurityStamp);
    }

    [Fact]
    public void ApiKey_Created_FindsItsUserAndStoresOnlyAHash()
    {
        _users.Add("dave", UserRole.Analyst, "h");

        var (key, secret) = _users.CreateApiKey("dave", "nightly export");

        Assert.StartsWith($"{UserStore.KeyPrefix}{key.Id}_", secret, StringComparison.Ordinal);
        Assert.Equal("dave", _users.FindByApiKey(secret)?.Name);
        Assert.NotNull(_users.ListApiKeys("dave").Single().LastUsedAt);
        using var c = _fixture.Store.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT secret_hash FROM api_keys";
        var stored = (string)cmd.ExecuteScalar()!;
        Assert.DoesNotContain(secret[^20..], stored, StringComparison.Ordinal);
        Assert.Equal(64, stored.Length);
    }

    [Fact]
    public void ApiKey_WrongSecretOrRevoked_FindsNobody()
    {
        _users.Add("erin", UserRole.Viewer, "h");
        var (key, secret) = _users.CreateApiKey("erin");

        Assert.Null(_users.FindByApiKey(secret[..^1] + (secret[^1] == 'A' ? 'B' : 'A')));
        Assert.Null(_users.FindByApiKey("osk_nothex_whatever-whatever"));
        Assert.True(_users.RevokeApiKey(key.Id));
        Assert.Null(_users.FindByApiKey(secret));
        Assert.False(_users.RevokeApiKey(key.Id));
    }

    [Fact]
    public void Remove_User_RemovesTheirKeys()
    {
        _users.Add("frank", UserRole.Viewer, "h");
        var (_, secret) = _users.CreateApiKey("frank");

        Assert.True(_users.Remove("frank"));

        Assert.Null(_users.Get("frank"));
        Assert.Null(_users.FindByApiKey(secret));
        Assert.Empty(_users.ListApiKeys());
        Assert.False(_users.Remove("frank"));
    }
}
