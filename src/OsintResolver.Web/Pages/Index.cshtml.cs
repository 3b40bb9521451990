using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OsintResolver.Web.Pages;

public sealed class IndexModel : PageModel
{
    public string? Query { get; private set; }

    public void OnGet(string? q) => Query = q;
}
