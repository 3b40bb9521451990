using Microsoft.Data.Sqlite;
using OsintResolver.Crawling.Runs;
using OsintResolver.Store;
using OsintResolver.Store.Crawl;
using OsintResolver.Store.Runs;
using OsintResolver.Testing;

namespace OsintResolver.Crawling.Tests.Runs;

public sealed class RunSinkTests
{
    [Fact]
    public void Flush_QueuedWritesFromManyThreads_AreAllCommittedInOrderPerPage()
    {
        using var dir = new TempDirectory("osint-sink");
        var store = EntityStore.Open(dir.Path);
        var state = new CrawlStateStore(store);
        var run = store.BeginRun("sink_test", RunKind.Crawl, WriteMode.Staged);
        using var sink = new RunSink(state.OpenWriter(run), new CrawlStats(), TimeProvider.System, TimeSpan.FromMilliseconds(5));
        var urls = Enumerable.Range(0, 400).Select(i => $"http://example.test/p{i}").ToArray();
        sink.Enqueue(urls.Select(u => (u, 0, (string?)null)).ToArray());

        Parallel.ForEach(urls, new ParallelOptions { MaxDegreeOfParallelism = 8 }, url =>
        {
            if (url.EndsWith('7'))
            {
                sink.FailPage(url, 404, 1, "HTTP 404 NotFound");
            }
            else
            {
                sink.CompletePage(url, new CrawlDocument(new Uri(url), new Uri(url), 200, "text/html", new string('a', 64), "<p>x</p>"u8.ToArray()),
                    [], [url + "/next"], []);
            }
        });
        sink.Flush();

        var counts = state.CountFrontier(run.Id);
        Assert.Equal(new FrontierCounts(0, 360, 40), counts);
        Assert.Equal(360, state.ListLinks(run.Id).Count);
        Assert.All(state.ListFailures(run.Id), f => Assert.Equal("HTTP 404 NotFound", f.Error));
    }

    [Fact]
    public void Flush_AfterAFailedWrite_ThrowsAndNothingQueuedAfterItCommits()
    {
        using var dir = new TempDirectory("osint-sink");
        var store = EntityStore.Open(dir.Path);
        var state = new CrawlStateStore(store);
        var run = store.BeginRun("sink_test", RunKind.Crawl, WriteMode.Staged);
        using var sink = new RunSink(state.OpenWriter(run), new CrawlStats(), TimeProvider.System, TimeSpan.FromHours(1));
        sink.Enqueue([("http://example.test/a", 0, null)]);
        sink.Flush();
        using (var c = store.OpenConnection())
        using (var cmd = c.CreateCommand())
        {
            // Makes the next link insert fail, as a full disk or a damaged file would.
            cmd.CommandText = "DROP TABLE crawl_links";
            cmd.ExecuteNonQuery();
        }

        sink.CompletePage("http://example.test/a", new CrawlDocument(new Uri("http://example.test/a"), new Uri("http://example.test/a"), 200, "text/html",
            new string('a', 64), "<p>x</p>"u8.ToArray()), [], ["http://example.test/b"], []);
        sink.FailPage("http://example.test/c", 500, 3, "HTTP 500");

        Assert.ThrowsAny<SqliteException>(sink.Flush);
        Assert.ThrowsAny<SqliteException>(() => sink.FailPage("http://example.test/d", 500, 3, "HTTP 500"));
        sink.FlushUnlessFaulted();
        sink.Dispose();
        Assert.Equal(new FrontierCounts(1, 0, 0), state.CountFrontier(run.Id));
    }
}
