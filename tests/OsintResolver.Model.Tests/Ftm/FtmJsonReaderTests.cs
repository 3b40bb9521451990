using System.Text;
using OsintResolver.Model.Entities;
using OsintResolver.Model.Ftm;

namespace OsintResolver.Model.Tests.Ftm;

public class FtmJsonReaderTests
{
    private static List<FtmRecord> Read(string text, int maxLineBytes = FtmJsonReader.DefaultMaxLineBytes) =>
        new FtmJsonReader(maxLineBytes: maxLineBytes).Read(new MemoryStream(Encoding.UTF8.GetBytes(text))).ToList();

    [Fact]
    public void Read_OpenSanctionsStyleLine_ParsesMetadata()
    {
        var record = Assert.Single(Read("""{"id":"NK-abc","caption":"X","schema":"Company","properties":{"name":["X Co"]},"referents":["ofac-1","un-2"],"datasets":["us_ofac_sdn"],"first_seen":"2020-01-02T03:04:05","last_seen":"2024-05-06T00:00:00","target":true}"""));
        var e = record.Entity!;
        Assert.Equal(["ofac-1", "un-2"], e.Referents);
        Assert.Equal(["us_ofac_sdn"], e.Datasets);
        Assert.Equal(new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.Zero), e.FirstSeen);
    }

    [Fact]
    public void Read_BlankLinesAndCrlfAndBom_AreTolerated()
    {
        var records = Read("\uFEFF{\"id\":\"a\",\"schema\":\"Person\",\"properties\":{\"name\":[\"A\"]}}\r\n\r\n{\"id\":\"b\",\"schema\":\"Person\",\"properties\":{\"name\":[\"B\"]}}");
        Assert.Equal(["a", "b"], records.Select(r => r.Entity!.Id));
        Assert.Equal([1L, 3L], records.Select(r => r.Line));
    }

    [Fact]
    public void Read_UnknownTopLevelField_IsCountedNotFatal()
    {
        var reader = new FtmJsonReader();
        var records = reader.Read(new MemoryStream("""{"id":"a","schema":"Person","properties":{"name":["A"]},"highlight":["x"]}"""u8.ToArray())).ToList();
        Assert.NotNull(Assert.Single(records).Entity);
        Assert.Equal(1, reader.IgnoredFields["highlight"]);
    }

    [Fact]
    public void Read_LineOverLimit_ReportsAndContinues()
    {
        var records = Read(new string(' ', 100) + "{}\n{\"id\":\"b\",\"schema\":\"Person\",\"properties\":{\"name\":[\"B\"]}}\n", maxLineBytes: 64);
        Assert.Contains("64-byte limit", records[0].Error!.Reason, StringComparison.Ordinal);
        Assert.Equal("b", records[1].Entity!.Id);
    }

    [Fact]
    public void Read_LineOverLimitAtEndOfFile_IsReported()
    {
        var records = Read(new string('x', 300), maxLineBytes: 64);
        Assert.Contains("limit", Assert.Single(records).Error!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_LargeFile_StreamsLinesAcrossBufferBoundaries()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < 20_000; i++)
        {
            sb.Append("{\"id\":\"e").Append(i).Append("\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Name ").Append(i).Append(" 名字\"]}}\n");
        }

        var records = Read(sb.ToString());
        Assert.Equal(20_000, records.Count);
        Assert.All(records, r => Assert.Null(r.Error));
        Assert.Equal("Name 19999 名字", records[^1].Entity!.First("name"));
    }

    [Fact]
    public void Writer_Entity_WritesOneLineThatReadsBack()
    {
        var e = new Entity("Vessel", "v1").Add("name", "CHON \"MA\" SAN").Add("imoNumber", "8660313").Add("flag", "kp");
        e.Datasets.Add("un");
        var stream = new MemoryStream();
        using (var writer = new FtmJsonWriter(stream))
        {
            writer.Write(e);
        }

        var text = Encoding.UTF8.GetString(stream.ToArray());
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        Assert.Single(text.Trim().Split('\n'));
        var back = Assert.Single(Read(text)).Entity!;
        Assert.Equal(e.Get("name"), back.Get("name"));
        Assert.Equal(["un"], back.Datasets);
    }
}
