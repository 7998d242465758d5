using CustomerService.Bot.Agents;

namespace CustomerService.Bot.Tests.Agents;

public sealed class AgentsOptionsValidatorTests
{
    private readonly AgentsOptionsValidator _validator = new();

    [Fact]
    public void Validate_HashedAccounts_Succeeds()
    {
        var options = AgentTestOptions.Create();

        var result = _validator.Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_PlainTextPassword_FailsNamingTheVariable()
    {
        var options = new AgentsOptions { Users = [new AgentUserOptions { UserName = "alice", PasswordHash = "my-password-in-plain-text-oops-1234567890" }] };

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Agents__Users__0__PasswordHash", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SameUserNameTwice_Fails()
    {
        var options = new AgentsOptions
        {
            Users =
            [
                new AgentUserOptions { UserName = "alice", PasswordHash = AgentTestOptions.AlicePasswordHash },
                new AgentUserOptions { UserName = "Alice", PasswordHash = AgentTestOptions.BobPasswordHash },
            ],
        };

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("configured twice", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("<script>")]
    public void Validate_BadUserName_Fails(string userName)
    {
        var options = new AgentsOptions { Users = [new AgentUserOptions { UserName = userName, PasswordHash = AgentTestOptions.AlicePasswordHash }] };

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
    }

    [Fact]
    public void Validate_ApiKeyGivenInsteadOfItsHash_Fails()
    {
        var options = new AgentsOptions { ApiKeys = [new AgentApiKeyOptions { Name = "crm", KeyHash = AgentTestOptions.ApiKey }] };

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("KeyHash", result.FailureMessage, StringComparison.Ordinal);
    }
}
