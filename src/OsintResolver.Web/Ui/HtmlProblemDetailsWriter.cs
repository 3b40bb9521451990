using System.Text.Encodings.Web;

namespace OsintResolver.Web.Ui;

/// <summary>
/// Errors for people: a browser asking for a page (not <c>/api</c>) that fails or does not exist
/// gets a short HTML page instead of ProblemDetails JSON. The detail is HTML-encoded: it may
/// echo what was asked for.
/// </summary>
internal sealed class HtmlProblemDetailsWriter : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context)
    {
        var request = context.HttpContext.Request;
        return !Auth.AuthServiceCollectionExtensions.IsApi(request) &&
               request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var status = context.ProblemDetails.Status ?? http.Response.StatusCode;
        var title = HtmlEncoder.Default.Encode(context.ProblemDetails.Title ?? OsintExceptionHandler.Title(status));
        var detail = HtmlEncoder.Default.Encode(context.ProblemDetails.Detail ?? "");
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{status} {title} · OsintResolver</title>
            <link rel="stylesheet" href="/css/site.css"></head>
            <body><main class="narrow"><h1>{status} {title}</h1><p class="problem-detail">{detail}</p>
            <p><a href="/">Back to search</a></p></main></body></html>
            """).ConfigureAwait(false);
    }
}
