using System.Xml;

namespace OsintResolver.Crawling.Parsing;

/// <summary>
/// XML reader settings for hostile input: DTDs prohibited (no entity expansion, no external
/// entities), no resolver, and a cap on characters, so a crafted document cannot read local
/// files or expand into gigabytes.
/// </summary>
public static class SafeXml
{
    public static XmlReaderSettings Settings(long maxCharacters) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = maxCharacters,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        Async = false,
        CloseInput = true,
    };

    public static XmlReader Open(Stream stream, long maxCharacters = 512L * 1024 * 1024) =>
        XmlReader.Create(stream, Settings(maxCharacters));
}
