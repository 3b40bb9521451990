using OsintResolver.Model.Errors;
using OsintResolver.Model.Types;

namespace OsintResolver.Web.Profiles;

/// <summary>Checks ids that come from a request before they reach the store.</summary>
internal static class RequestedIds
{
    /// <summary>The id, or a 400 that quotes it (shortened: it may be anything a client sent).</summary>
    public static string Check(string id) =>
        EntityType.IsValidId(id) ? id : throw new InvalidInputException($"'{Shorten(id)}' is not an entity id");

    public static string Shorten(string value) => value.Length <= 80 ? value : value[..77] + "...";
}
