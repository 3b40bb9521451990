using System.Net;
using System.Text;

namespace OsintResolver.Model.Types;

/// <summary>An e-mail address; the domain is lower-cased, the local part kept.</summary>
public sealed class EmailType : PropertyType
{
    internal EmailType()
    {
    }

    public override string Name => "email";
    public override int MaxLength => 254;

    private protected override bool TryCleanCore(string text, out string cleaned, out string? error)
    {
        cleaned = "";
        var value = text.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? text[7..] : text;
        var at = value.LastIndexOf('@');
        if (at <= 0 || at == value.Length - 1 || value.Any(char.IsWhiteSpace))
        {
            error = "not an e-mail address (local@domain)";
            return false;
        }

        var domain = value[(at + 1)..].TrimEnd('.').ToLowerInvariant();
        if (!domain.Contains('.', StringComparison.Ordinal) || domain.StartsWith('.') ||
            domain.Split('.').Any(l => l.Length == 0 || l.Length > 63))
        {
            error = $"e-mail domain '{domain}' is not a valid host name";
            return false;
        }

        cleaned = value[..at] + "@" + domain;
        error = null;
        return true;
    }

    public override double Compare(string left, string right) =>
        string.Equals(left, right, StringComparison.OrdinalIgnoreCase) ? 1.0 : 0.0;

    public override string? Key(string value) => value.ToLowerInvariant();
}

/// <summary>
/// A phone number. Formatting is removed; a leading 00 becomes +. Numbers without a country code
/// are kept as digits, since the country cannot be known from the value alone.
/// </summary>
public sealed class PhoneType : PropertyType
{
    internal PhoneType()
    {
    }

    public override string Name => "phone";
    public override int MaxLength => 32;

    private protected override bool TryCleanCore(string text, out string cleaned, out string? error)
    {
        cleaned = "";
        var value = text.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) ? text[4..] : text;
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                sb.Append(c);
            }
            else if (c == '+' && sb.Length == 0)
            {
                sb.Append(c);
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')' or '/'))
            {
                error = $"unexpected character '{c}' in a phone number";
                return false;
            }
        }

        var number = sb.ToString();
        if (number.StartsWith("00", StringComparison.Ordinal))
        {
            number = "+" + number[2..];
        }

        var digits = number.TrimStart('+').Length;
        if (digits is < 5 or > 15)
        {
            error = $"a phone number has 5 to 15 digits (got {digits})";
            return false;
        }

        cleaned = number;
        error = null;
        return true;
    }

    /// <summary>Numbers agree when their last 9 digits do (the national significant number).</summary>
    public override double Compare(string left, string right) => Key(left) == Key(right) ? 1.0 : 0.0;

    public override string? Key(string value)
    {
        var digits = new string(value.Where(char.IsAsciiDigit).ToArray());
        return digits.Length > 9 ? digits[^9..] : digits;
    }
}

/// <summary>An absolute http(s) or ftp URL.</summary>
public sealed class UrlType : PropertyType
{
    internal UrlType()
    {
    }

    public override string Name => "url";
    public override int MaxLength => 4096;

    private protected override bool TryCleanCore(string text, out string cleaned, out string? error)
    {
        cleaned = "";
        var value = text.Contains("://", StringComparison.Ordinal) ? text : "http://" + text;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) ||
            uri.Scheme is not ("http" or "https" or "ftp") || uri.Host.Length == 0 ||
            value.Any(char.IsWhiteSpace))
        {
            error = "not an absolute http(s) or ftp URL";
            return false;
        }

        cleaned = value;
        error = null;
        return true;
    }

    public override string? Key(string value) => Domain(value);

    /// <summary>The host without a leading www., lower case; a shared website is a strong link.</summary>
    public static string? Domain(string value)
    {
        if (!Uri.TryCreate(value.Contains("://", StringComparison.Ordinal) ? value : "http://" + value, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var host = uri.Host.ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }

    public override double Compare(string left, string right) =>
        Domain(left) is { } l && l == Domain(right) ? 1.0 : 0.0;
}

/// <summary>An IPv4 or IPv6 address.</summary>
public sealed class IpType : PropertyType
{
    internal IpType()
    {
    }

    public override string Name => "ip";
    public override int MaxLength => 45;

    private protected override bool TryCleanCore(string text, out string cleaned, out string? error)
    {
        if (IPAddress.TryParse(text, out var ip) && (text.Contains(':', StringComparison.Ordinal) || text.Count(c => c == '.') == 3))
        {
            cleaned = ip.ToString();
            error = null;
            return true;
        }

        cleaned = "";
        error = "not an IP address";
        return false;
    }

    public override string? Key(string value) => value;
}
