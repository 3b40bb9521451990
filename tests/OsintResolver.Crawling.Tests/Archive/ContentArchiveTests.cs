using System.Security.Cryptography;
using OsintResolver.Crawling.Archive;
using OsintResolver.Testing;

namespace OsintResolver.Crawling.Tests.Archive;

public sealed class ContentArchiveTests
{
    [Fact]
    public void Put_SmallBody_IsReadBackByAnotherInstanceWithoutAFilePerBody()
    {
        using var dir = new TempDirectory("osint-archive");
        var body = "<html><title>small</title></html>"u8.ToArray();
        var sha = new ContentArchive(dir.Path).Put(body);

        var reopened = new ContentArchive(dir.Path);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(body)), sha);
        Assert.True(reopened.Contains(sha));
        Assert.Equal(body, reopened.TryGet(sha, 1 << 20));
        Assert.False(File.Exists(reopened.PathOf(sha)));
        Assert.Empty(Directory.GetFiles(reopened.Root, "*.gz", SearchOption.AllDirectories));
    }

    [Fact]
    public void Put_BodyLargerThanPackedLimit_IsStoredAsCompressedFile()
    {
        using var dir = new TempDirectory("osint-archive");
        var archive = new ContentArchive(dir.Path);
        var body = new byte[ContentArchive.PackedMaxBytes + 1];
        new Random(7).NextBytes(body);

        var sha = archive.Put(body);

        Assert.True(File.Exists(archive.PathOf(sha)));
        Assert.True(archive.Contains(sha));
        Assert.Equal(body, archive.TryGet(sha, body.Length));
        Assert.Empty(Directory.GetFiles(archive.Root, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Put_SameBodyTwice_KeepsOneCopy()
    {
        using var dir = new TempDirectory("osint-archive");
        var archive = new ContentArchive(dir.Path);
        var body = "same body"u8.ToArray();

        Assert.Equal(archive.Put(body), archive.Put(body));
        Assert.Equal(body, archive.TryGet(ContentArchive.Hash(body), 1024));
    }

    [Fact]
    public void TryGet_UnknownOrOverCap_ReturnsNull()
    {
        using var dir = new TempDirectory("osint-archive");
        var archive = new ContentArchive(dir.Path);
        var sha = archive.Put(new byte[4096]);

        Assert.Null(archive.TryGet(new string('0', 64), 1 << 20));
        Assert.False(archive.Contains(new string('0', 64)));
        Assert.Null(archive.TryGet(sha, 100));
    }
}
