using System.Xml.Linq;

namespace OsintResolver.Crawling;

/// <summary>
/// One record of a source (an XML element, a CSV row) whose fields a crawler takes as it uses
/// them. Whatever is left with a value at the end is reported by
/// <see cref="CrawlContext.AuditUnused"/>, so no source field is ignored without saying so:
/// fields a crawler deliberately skips are named with <see cref="Ignore"/>.
/// </summary>
public sealed class SourceRecord
{
    private readonly List<(string Name, string? Text, SourceRecord? Child)> _fields = [];
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    public SourceRecord(string name, string? key = null)
    {
        Name = name;
        Key = key ?? name;
    }

    /// <summary>The record type (element or file name), used to name unused fields.</summary>
    public string Name { get; }

    /// <summary>Identifies the record in messages (e.g. its reference number).</summary>
    public string Key { get; set; }

    public void AddField(string name, string? text) => _fields.Add((name, text, null));

    public void AddChild(string name, SourceRecord child) => _fields.Add((name, null, child));

    /// <summary>A record of an element's attributes (<c>@name</c>) and children; leaf elements become text fields.</summary>
    public static SourceRecord FromXml(XElement element, string? key = null)
    {
        var record = new SourceRecord(element.Name.LocalName, key);
        foreach (var attribute in element.Attributes())
        {
            if (!attribute.IsNamespaceDeclaration && attribute.Name.NamespaceName != XNamespace.Xmlns.NamespaceName &&
                attribute.Name.Namespace != "http://www.w3.org/2001/XMLSchema-instance")
            {
                record.AddField("@" + attribute.Name.LocalName, attribute.Value);
            }
        }

        foreach (var child in element.Elements())
        {
            if (child.HasElements || child.HasAttributes)
            {
                record.AddChild(child.Name.LocalName, FromXml(child, key));
            }
            else
            {
                record.AddField(child.Name.LocalName, child.Value);
            }
        }

        return record;
    }

    /// <summary>A record of named columns, e.g. a CSV row.</summary>
    public static SourceRecord FromColumns(string name, string key, IEnumerable<(string Column, string? Value)> columns)
    {
        var record = new SourceRecord(name, key);
        foreach (var (column, value) in columns)
        {
            record.AddField(column, value);
        }

        return record;
    }

    /// <summary>The first non-empty trimmed text of a field, or null; marks the field used.</summary>
    public string? Pop(string name)
    {
        _taken.Add(name);
        foreach (var (n, text, child) in _fields)
        {
            if (n == name)
            {
                var value = Clean(text ?? child?.InnerText());
                if (value is not null)
                {
                    return value;
                }
            }
        }

        return null;
    }

    /// <summary>Every non-empty trimmed text of a field; marks the field used.</summary>
    public List<string> PopAll(string name)
    {
        _taken.Add(name);
        var list = new List<string>();
        foreach (var (n, text, child) in _fields)
        {
            if (n == name && Clean(text ?? child?.InnerText()) is { } value)
            {
                list.Add(value);
            }
        }

        return list;
    }

    /// <summary>Child records of a field (elements with children); marks the field used, not the children's fields.</summary>
    public List<SourceRecord> PopChildren(string name)
    {
        _taken.Add(name);
        return _fields.Where(f => f.Name == name && f.Child is not null).Select(f => f.Child!).ToList();
    }

    /// <summary>Values nested one level down, e.g. <c>&lt;NATIONALITY&gt;&lt;VALUE&gt;…</c>.</summary>
    public List<string> PopNested(string name, string inner)
    {
        var values = new List<string>();
        foreach (var child in PopChildren(name))
        {
            values.AddRange(child.PopAll(inner));
        }

        // A nested field can also be written as a leaf (<NATIONALITY/>); it carries nothing.
        foreach (var (n, text, child) in _fields)
        {
            if (n == name && child is null && Clean(text) is { } value)
            {
                values.Add(value);
            }
        }

        return values;
    }

    /// <summary>Marks fields as deliberately not used (they are then not reported).</summary>
    public void Ignore(params string[] names)
    {
        foreach (var name in names)
        {
            _taken.Add(name);
        }
    }

    /// <summary>Fields with a value that were never taken, as <c>RECORD/FIELD</c> paths (children included).</summary>
    public IEnumerable<(string Path, string Value)> Unused(string? prefix = null)
    {
        var path = prefix is null ? Name : $"{prefix}/{Name}";
        foreach (var (name, text, child) in _fields)
        {
            if (child is not null)
            {
                if (_taken.Contains(name))
                {
                    foreach (var unused in child.Unused(path))
                    {
                        yield return unused;
                    }
                }
                else if (Clean(child.InnerText()) is { } value)
                {
                    yield return ($"{path}/{name}", value);
                }
            }
            else if (!_taken.Contains(name) && Clean(text) is { } value)
            {
                yield return ($"{path}/{name}", value);
            }
        }
    }

    private string InnerText() => string.Concat(_fields.Select(f => f.Text ?? f.Child?.InnerText() ?? ""));

    private static string? Clean(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var trimmed = text.Trim();
        return trimmed.Length == 0 || trimmed == "-0-" ? null : trimmed;
    }

    public override string ToString() => $"{Name} {Key}";
}
