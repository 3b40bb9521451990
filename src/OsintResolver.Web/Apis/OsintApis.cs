namespace OsintResolver.Web.Apis;

/// <summary>
/// All JSON APIs live under one <c>/api</c> route group, each area in its own sub-group
/// (<c>Apis/*Api.cs</c>). The groups are returned so the web UI can layer authentication and
/// authorisation on them later (<c>app.MapOsintApis().RequireAuthorization(...)</c>) without
/// touching the handlers.
/// </summary>
public static class OsintApis
{
    public static RouteGroupBuilder MapOsintApis(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapStatusApi();
        api.MapEntitiesApi();
        api.MapSearchApi();
        api.MapMatchApi();
        return api;
    }
}
