using Microsoft.AspNetCore.Http.HttpResults;
using OsintResolver.Model.Errors;
using OsintResolver.Store;

namespace OsintResolver.Web.Apis;

/// <summary><c>GET /api/entities/{id}</c>: one entity as the store assembles it.</summary>
internal static class EntitiesApi
{
    public static RouteGroupBuilder MapEntitiesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/entities");
        group.MapGet("/{id}", GetEntity);
        return group;
    }

    internal static Ok<EntityJson> GetEntity(string id, EntityStore store)
    {
        if (!Model.Types.EntityType.IsValidId(id))
        {
            throw new InvalidInputException($"'{Truncate(id)}' is not an entity id");
        }

        var entity = store.GetEntity(id) ?? throw new NotFoundException($"no entity '{id}'");
        return TypedResults.Ok(EntityJson.From(entity));
    }

    private static string Truncate(string value) => value.Length <= 80 ? value : value[..77] + "...";
}
