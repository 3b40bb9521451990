using YamlDotNet.RepresentationModel;

namespace OsintResolver.Cli.Tests.Commands;

/// <summary>
/// Docker cannot run in CI here, so the compose file is checked for what can be checked: it
/// parses, it has the three services, and the commands it gives the osint image parse as osint
/// commands (so a renamed verb or option breaks this test, not a deployment).
/// </summary>
public sealed class DockerComposeTests
{
    private static YamlMappingNode Services()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(RepositoryRoot.Combine("docker-compose.yml"))));
        return (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"];
    }

    private static string[] Command(YamlMappingNode services, string service) =>
        ((YamlSequenceNode)((YamlMappingNode)services[service])["command"]).Select(n => ((YamlScalarNode)n).Value!).ToArray();

    [Fact]
    public void Compose_Services_AreElasticsearchAppAndScheduler()
    {
        var services = Services();

        Assert.Equal(["app", "elasticsearch", "scheduler"], services.Children.Keys.Select(k => ((YamlScalarNode)k).Value).Order());
        Assert.StartsWith("elasticsearch:9.", ((YamlScalarNode)((YamlMappingNode)services["elasticsearch"])["image"]).Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_AppCommand_IsAValidServeCommandOnElasticsearch()
    {
        var args = Command(Services(), "app");

        var parse = OsintCli.Build().Parse(args);

        Assert.Empty(parse.Errors);
        Assert.Equal("serve", parse.CommandResult.Command.Name);
        Assert.Equal(Index.IndexBackend.Elasticsearch, parse.GetValue(OsintResolver.Cli.Commands.IndexBackendOptions.Backend));
    }

    [SkippableFact]
    public void Compose_SchedulerCommand_IsAValidOsintCommand()
    {
        var args = Command(Services(), "scheduler");
        var root = OsintCli.Build();
        Skip.IfNot(root.Subcommands.Any(c => c.Name == args[0]), $"the '{args[0]}' verb is not in this build yet (issue 3 adds it)");

        Assert.Empty(root.Parse(args).Errors);
    }
}
