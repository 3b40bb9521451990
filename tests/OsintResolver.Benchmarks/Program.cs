using OsintResolver.Benchmarks;

return await BenchmarkRunner.RunAsync(args);
