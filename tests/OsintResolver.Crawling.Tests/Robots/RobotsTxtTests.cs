using OsintResolver.Crawling.Robots;

namespace OsintResolver.Crawling.Tests.Robots;

public sealed class RobotsTxtTests
{
    private const string Text = """
        User-agent: OsintResolver
        Disallow: /private/
        Allow: /private/public$
        Crawl-delay: 3

        User-agent: *
        Disallow: /
        """;

    [Theory]
    [InlineData("/", true)]
    [InlineData("/private/x", false)]
    [InlineData("/private/public", true)]
    [InlineData("/private/public/more", false)]
    public void IsAllowed_OwnGroup_LongestMatchWins(string path, bool allowed) =>
        Assert.Equal(allowed, RobotsTxt.Parse(Text).For("OsintResolver/0.1 (+https://example.test)").IsAllowed(path));

    [Fact]
    public void For_OtherAgent_GetsTheStarGroup() =>
        Assert.False(RobotsTxt.Parse(Text).For("OtherBot/1.0").IsAllowed("/anything"));

    [Fact]
    public void For_OwnGroup_HasItsCrawlDelay() =>
        Assert.Equal(TimeSpan.FromSeconds(3), RobotsTxt.Parse(Text).For("OsintResolver/0.1").CrawlDelay);

    [Theory]
    [InlineData("/*.pdf$", "/a/b.pdf", true)]
    [InlineData("/*.pdf$", "/a/b.pdf?x=1", false)]
    [InlineData("/search*q=", "/search?q=x", true)]
    public void Matches_Wildcards(string pattern, string path, bool expected) =>
        Assert.Equal(expected, RobotsPolicy.Matches(pattern, path));
}
