using OsintResolver.Web;

var app = OsintWebHost.Create(OsintWebHostSettings.FromArgs(args));
await app.RunAsync();
