using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace OsintResolver.Web.Tests.Support;

/// <summary>Parses pages the way a browser's HTML parser would, to check what elements really exist.</summary>
public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static IDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>
    /// Fails if the document has anything that could run script outside our own files: an inline
    /// script, a script from elsewhere, an inline event handler, a javascript: URL, or an
    /// element of the kinds the hostile fixtures try to inject.
    /// </summary>
    public static void AssertNoInjectedContent(IDocument doc)
    {
        foreach (var script in doc.QuerySelectorAll("script"))
        {
            var src = script.GetAttribute("src");
            Assert.False(string.IsNullOrEmpty(src), $"inline script found: {script.OuterHtml}");
            Assert.StartsWith("/", src, StringComparison.Ordinal);
            Assert.Equal("", script.TextContent.Trim());
        }

        foreach (var element in doc.All)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase),
                    $"event handler attribute '{attribute.Name}' on <{element.LocalName}>");
                if (attribute.Name is "href" or "src" or "action")
                {
                    Assert.DoesNotContain("javascript:", attribute.Value, StringComparison.OrdinalIgnoreCase);
                }
            }
        }

        Assert.Empty(doc.QuerySelectorAll("img"));
        Assert.Empty(doc.QuerySelectorAll("svg"));
        Assert.Empty(doc.QuerySelectorAll("b"));
        Assert.Empty(doc.QuerySelectorAll("[data-x]"));
    }
}
