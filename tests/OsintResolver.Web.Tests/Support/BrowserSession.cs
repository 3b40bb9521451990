using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OsintResolver.Web.Tests.Support;

/// <summary>
/// What a browser does over HTTP, without a browser: keeps cookies, reads the antiforgery token
/// from each page's forms (or its meta tag) and sends it back, and does not follow redirects so
/// tests can see them.
/// </summary>
public sealed partial class BrowserSession : IDisposable
{
    private readonly CookieContainer _cookies = new();

    public BrowserSession(Uri baseAddress)
    {
        Client = new HttpClient(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        Client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
    }

    public HttpClient Client { get; }

    public CookieCollection Cookies => _cookies.GetAllCookies();

    public async Task<(HttpResponseMessage Response, string Html)> GetPageAsync(string path)
    {
        var response = await Client.GetAsync(path);
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Loads the page first (as a browser would) to get its antiforgery token, then posts the form.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields, string? fromPage = null, bool withToken = true)
    {
        var form = new Dictionary<string, string>(fields);
        if (withToken)
        {
            var (_, html) = await GetPageAsync(fromPage ?? path);
            form["__RequestVerificationToken"] = FormToken(html) ?? throw new InvalidOperationException($"no antiforgery token on {fromPage ?? path}");
        }

        using var content = new FormUrlEncodedContent(form);
        return await Client.PostAsync(path, content);
    }

    /// <summary>A JSON POST to the API with the session cookie, and the page's antiforgery token in the header unless told not to.</summary>
    public async Task<(HttpResponseMessage Response, JsonElement Body)> PostJsonAsync(string path, object? body, bool withToken = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Accept.ParseAdd("application/json");
        if (withToken)
        {
            var (_, html) = await GetPageAsync("/crawls");
            request.Headers.Add("RequestVerificationToken", MetaToken(html) ?? throw new InvalidOperationException("no csrf-token meta tag"));
        }

        var response = await Client.SendAsync(request);
        return (response, await WebHostFixture.ReadAsync(response));
    }

    public async Task<(HttpResponseMessage Response, JsonElement Body)> GetJsonAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Clear();
        request.Headers.Accept.ParseAdd("application/json");
        var response = await Client.SendAsync(request);
        return (response, await WebHostFixture.ReadAsync(response));
    }

    public static string? FormToken(string html) =>
        FormTokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    public static string? MetaToken(string html) =>
        MetaTokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormTokenPattern();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex MetaTokenPattern();
}
