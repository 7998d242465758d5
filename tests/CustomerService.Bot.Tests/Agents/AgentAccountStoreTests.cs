using CustomerService.Bot.Agents;

namespace CustomerService.Bot.Tests.Agents;

public sealed class AgentAccountStoreTests
{
    private readonly AgentAccountStore _store = new(AgentTestOptions.Monitor(AgentTestOptions.Create()));

    [Fact]
    public void VerifyPassword_CorrectPassword_ReturnsAgentWithDisplayName()
    {
        var agent = _store.VerifyPassword("alice", AgentTestOptions.AlicePassword);

        Assert.Equal(new AgentIdentity("alice", "Alice Agent"), agent);
    }

    [Fact]
    public void VerifyPassword_UserNameInOtherCase_ReturnsConfiguredName()
    {
        var agent = _store.VerifyPassword("ALICE", AgentTestOptions.AlicePassword);

        Assert.Equal("alice", agent?.Name);
    }

    [Theory]
    [InlineData("alice", "wrong password")]
    [InlineData("alice", AgentTestOptions.BobPassword)]
    [InlineData("mallory", AgentTestOptions.AlicePassword)]
    [InlineData("alice", "")]
    public void VerifyPassword_WrongCredentials_ReturnsNull(string userName, string password)
    {
        var agent = _store.VerifyPassword(userName, password);

        Assert.Null(agent);
    }

    [Fact]
    public void VerifyPassword_OverlongPassword_ReturnsNullWithoutHashing()
    {
        var password = new string('x', AgentAccountStore.MaxSecretLength + 1);

        var agent = _store.VerifyPassword("alice", password);

        Assert.Null(agent);
    }

    [Fact]
    public void VerifyApiKey_ConfiguredKey_ReturnsKeyOwner()
    {
        var agent = _store.VerifyApiKey(AgentTestOptions.ApiKey);

        Assert.Equal(new AgentIdentity("crm-sync", "crm-sync"), agent);
    }

    [Theory]
    [InlineData("")]
    [InlineData("csk_not-a-configured-key")]
    [InlineData("CSK_TEST-KEY-FOR-AUTOMATION-0123456789ABCDEF")]
    public void VerifyApiKey_UnknownKey_ReturnsNull(string key)
    {
        var agent = _store.VerifyApiKey(key);

        Assert.Null(agent);
    }

    [Fact]
    public void HashPassword_SamePasswordTwice_ProducesDifferentSaltedHashes()
    {
        var first = AgentAccountStore.HashPassword("same password here");
        var second = AgentAccountStore.HashPassword("same password here");

        Assert.NotEqual(first, second);
    }
}
