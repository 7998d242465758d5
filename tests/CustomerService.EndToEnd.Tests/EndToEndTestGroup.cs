namespace CustomerService.EndToEnd.Tests;

/// <summary>The end-to-end tests share one host and browser and run one at a time (2 cores, real models).</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndTestGroup : ICollectionFixture<EndToEndFixture>
{
    public const string Name = "EndToEnd";
}
