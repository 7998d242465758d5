using System.Reflection;
using CustomerService.Bot.Channels.DirectLine;
using CustomerService.Core.Activities;
using CustomerService.Data;
using CustomerService.Nlu;

namespace CustomerService.Bot.Tests;

public sealed class ArchitectureTests
{
    [Fact]
    public void Core_ReferencesNoOtherProjectNorInfrastructure()
    {
        var references = ReferencedNames(typeof(Activity).Assembly);

        Assert.DoesNotContain(references, name => name.StartsWith("CustomerService.", StringComparison.Ordinal));
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.ML.OnnxRuntime", StringComparison.Ordinal));
    }

    [Fact]
    public void Nlu_ReferencesCoreButNotDataNorAspNet()
    {
        var references = ReferencedNames(typeof(NluReadiness).Assembly);

        Assert.Contains("CustomerService.Core", references);
        Assert.DoesNotContain("CustomerService.Data", references);
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void Data_ReferencesCoreButNotNluNorAspNet()
    {
        var references = ReferencedNames(typeof(DatabaseOptions).Assembly);

        Assert.Contains("CustomerService.Core", references);
        Assert.DoesNotContain("CustomerService.Nlu", references);
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.ML.OnnxRuntime", StringComparison.Ordinal));
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void Bot_IsTheCompositionRoot()
    {
        var references = ReferencedNames(typeof(DirectLineOptions).Assembly);

        Assert.Contains("CustomerService.Core", references);
        Assert.Contains("CustomerService.Nlu", references);
        Assert.Contains("CustomerService.Data", references);
    }

    private static List<string> ReferencedNames(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
}
