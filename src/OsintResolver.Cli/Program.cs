using OsintResolver.Cli;

return await OsintCli.RunAsync(args);
