using System.Security.Cryptography;
using System.Text;

namespace OsintResolver.Model.Entities;

/// <summary>
/// Stable entity ids derived from source keys: <c>&lt;dataset&gt;-&lt;hash of key parts&gt;</c>.
/// The same source record always gets the same id, so re-crawls update rather than duplicate.
/// </summary>
public static class EntityIds
{
    /// <summary>An id from the dataset and the parts that identify the record in its source.</summary>
    public static string Make(string dataset, params ReadOnlySpan<string?> keyParts)
    {
        var sb = new StringBuilder();
        var any = false;
        foreach (var part in keyParts)
        {
            if (string.IsNullOrWhiteSpace(part))
            {
                continue;
            }

            if (any)
            {
                sb.Append('\u001f');
            }

            sb.Append(part.Trim());
            any = true;
        }

        if (!any)
        {
            throw new ArgumentException("an entity id needs at least one non-empty key part", nameof(keyParts));
        }

        var hash = SHA1.HashData(Encoding.UTF8.GetBytes(sb.ToString()));
        return $"{Slug(dataset)}-{Convert.ToHexStringLower(hash)[..24]}";
    }

    /// <summary>An id that keeps a readable source key, e.g. <c>un-sc-KPi.033</c>, when it is id-safe.</summary>
    public static string MakeReadable(string prefix, string key)
    {
        var candidate = $"{Slug(prefix)}-{key.Trim()}";
        return Types.EntityType.IsValidId(candidate) ? candidate : Make(prefix, key);
    }

    private static string Slug(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value.ToLowerInvariant())
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        return sb.ToString().Trim('-');
    }
}
