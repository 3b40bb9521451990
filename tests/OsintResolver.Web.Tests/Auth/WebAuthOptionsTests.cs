using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OsintResolver.Web.Tests.Auth;

public sealed class WebAuthOptionsTests
{
    [Theory]
    [InlineData("--Web:Auth:SessionLifetime=00:00:01", "SessionLifetime")]
    [InlineData("--Web:Auth:CookieName=bad cookie;name", "CookieName")]
    [InlineData("--Web:Auth:SignInAttemptsPerMinute=0", "SignInAttemptsPerMinute")]
    public async Task Start_InvalidSetting_FailsNamingIt(string argument, string setting)
    {
        using var dir = new TempDirectory("osint-web-options");
        await using var app = OsintWebHost.Create(new OsintWebHostSettings
        {
            DataDir = dir.Path,
            Urls = "http://127.0.0.1:0",
            Args = [argument],
            LogLevel = LogLevel.None,
        });

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(setting, ex.Message, StringComparison.Ordinal);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
