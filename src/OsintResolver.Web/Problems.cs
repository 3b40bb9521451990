using Microsoft.AspNetCore.Mvc;

namespace OsintResolver.Web;

/// <summary>Writes a ProblemDetails body in the same shape as <see cref="OsintExceptionHandler"/>, for middleware that answers directly.</summary>
internal static class Problems
{
    public static async Task WriteAsync(HttpContext http, int status, string kind, string detail)
    {
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        http.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = OsintExceptionHandler.Title(status),
                Detail = detail,
                Type = OsintExceptionHandler.TypePrefix + kind,
            },
        }).ConfigureAwait(false);
    }
}
