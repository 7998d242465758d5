using CustomerService.Bot.Agents;

namespace CustomerService.Bot.Tests.Agents;

public sealed class AgentCredentialsCommandTests : IDisposable
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
    }

    [Fact]
    public void TryRun_NoArguments_ReturnsNullSoTheHostStarts()
    {
        var exitCode = AgentCredentialsCommand.TryRun([], new StringReader(""), _output, _error, interactive: false);

        Assert.Null(exitCode);
    }

    [Fact]
    public void TryRun_HashPassword_PrintsAHashThatSignsIn()
    {
        const string password = "a long enough password";

        var exitCode = AgentCredentialsCommand.TryRun(["hash-password"], new StringReader(password + "\n"), _output, _error, interactive: false);

        Assert.Equal(0, exitCode);
        var hash = _output.ToString().Trim();
        Assert.DoesNotContain(password, _output.ToString(), StringComparison.Ordinal);
        var options = new AgentsOptions { Users = [new AgentUserOptions { UserName = "carol", PasswordHash = hash }] };
        Assert.True(new AgentsOptionsValidator().Validate(null, options).Succeeded);
        Assert.NotNull(new AgentAccountStore(AgentTestOptions.Monitor(options)).VerifyPassword("carol", password));
    }

    [Fact]
    public void TryRun_HashPasswordTooShort_FailsWithoutOutput()
    {
        var exitCode = AgentCredentialsCommand.TryRun(["hash-password"], new StringReader("short\n"), _output, _error, interactive: false);

        Assert.Equal(1, exitCode);
        Assert.Empty(_output.ToString());
        Assert.Contains("12", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TryRun_HashPasswordInteractiveMismatch_Fails()
    {
        var exitCode = AgentCredentialsCommand.TryRun(["hash-password"], new StringReader("first password 123\nsecond password 456\n"), _output, _error, interactive: true);

        Assert.Equal(1, exitCode);
        Assert.Contains("do not match", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TryRun_HashApiKey_PrintsAKeyThatAuthenticates()
    {
        var exitCode = AgentCredentialsCommand.TryRun(["hash-api-key"], new StringReader(""), _output, _error, interactive: false);

        Assert.Equal(0, exitCode);
        var lines = _output.ToString().Split('\n', StringSplitOptions.TrimEntries);
        var key = lines.Single(l => l.StartsWith("key:", StringComparison.Ordinal))["key:".Length..].Trim();
        var hash = lines.Single(l => l.StartsWith("hash:", StringComparison.Ordinal))["hash:".Length..].Trim();
        var options = new AgentsOptions { ApiKeys = [new AgentApiKeyOptions { Name = "bot", KeyHash = hash }] };
        Assert.Equal("bot", new AgentAccountStore(AgentTestOptions.Monitor(options)).VerifyApiKey(key)?.Name);
    }
}
