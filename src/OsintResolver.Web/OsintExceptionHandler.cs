using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using OsintResolver.Model.Errors;

namespace OsintResolver.Web;

/// <summary>
/// The one place failures become HTTP: an <see cref="OsintException"/> becomes ProblemDetails with
/// the status it carries, a request the framework could not bind becomes a 400 that says why.
/// Anything else is a bug and falls through to the default 500 ProblemDetails (no details leak).
/// </summary>
internal sealed class OsintExceptionHandler(IProblemDetailsService problems, ILogger<OsintExceptionHandler> logger) : IExceptionHandler
{
    public const string TypePrefix = "urn:osintresolver:problem:";

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        ProblemDetails problem;
        switch (exception)
        {
            case OsintException osint:
                problem = new ProblemDetails
                {
                    Status = osint.StatusCode,
                    Title = Title(osint.StatusCode),
                    Detail = osint.Message,
                    Type = TypePrefix + osint.Kind,
                };
                if (osint.StatusCode >= 500)
                {
                    logger.LogError(osint, "request {Path} failed", http.Request.Path);
                }

                break;
            case BadHttpRequestException bad:
                problem = new ProblemDetails
                {
                    Status = bad.StatusCode,
                    Title = Title(bad.StatusCode),
                    Detail = bad.Message,
                    Type = TypePrefix + "bad-request",
                };
                break;
            default:
                return false;
        }

        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = problem,
            Exception = exception,
        }).ConfigureAwait(false);
    }

    internal static string Title(int status) => status switch
    {
        400 => "Bad request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not found",
        409 => "Conflict",
        413 => "Request too large",
        _ => status >= 500 ? "Server error" : "Request failed",
    };
}
