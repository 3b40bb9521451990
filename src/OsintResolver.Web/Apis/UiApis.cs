namespace OsintResolver.Web.Apis;

/// <summary>The APIs behind the UI pages, mapped into the shared <c>/api</c> group.</summary>
internal static class UiApis
{
    public static RouteGroupBuilder MapOsintUiApis(this RouteGroupBuilder api)
    {
        api.MapGraphApi();
        api.MapReviewApi();
        api.MapCrawlsApi();
        api.MapUsersApi();
        return api;
    }
}
