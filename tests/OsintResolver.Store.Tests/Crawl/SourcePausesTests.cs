using OsintResolver.Model.Errors;
using OsintResolver.Store.Crawl;
using OsintResolver.Store.Tests.Support;

namespace OsintResolver.Store.Tests.Crawl;

public sealed class SourcePausesTests
{
    [Fact]
    public void Pause_Twice_KeepsTheLatestWhoWhenAndWhy()
    {
        using var fx = new StoreFixture();
        var pauses = new SourcePauses(fx.Store);

        pauses.Pause("us_ofac_sdn", "ada", "first");
        fx.Time.Advance(TimeSpan.FromHours(1));
        pauses.Pause("us_ofac_sdn", "bob", "  ");

        var pause = Assert.Single(pauses.List()).Value;
        Assert.Equal(("bob", fx.Time.GetUtcNow(), (string?)null), (pause.PausedBy, pause.PausedAt, pause.Reason));
        Assert.True(pauses.Resume("us_ofac_sdn"));
        Assert.False(pauses.Resume("us_ofac_sdn"));
        Assert.False(pauses.IsPaused("us_ofac_sdn"));
    }

    [Fact]
    public void Pause_OverLongReason_IsRefusedAndNothingStored()
    {
        using var fx = new StoreFixture();
        var pauses = new SourcePauses(fx.Store);

        var error = Assert.Throws<InvalidInputException>(() => pauses.Pause("un_sc_consolidated", "ada", new string('x', SourcePauses.MaxReason + 1)));

        Assert.Contains("at most 500 characters", error.Message, StringComparison.Ordinal);
        Assert.Empty(pauses.List());
    }
}
