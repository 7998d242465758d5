namespace CustomerService.Bot.Tests.Hostile;

/// <summary>One concrete hostile request: its family (for the report), the endpoint it targets, and how to build it.</summary>
/// <param name="Family">e.g. html-injection, malformed-json, forged-token.</param>
/// <param name="Target">directline, webchat, slack-events, slack-interactions, agent, admin.</param>
/// <param name="Name">A short description, unique within the corpus.</param>
/// <param name="Expect">What the answer must be, beyond "never a 5xx".</param>
/// <param name="Build">Makes the request; called once, right before it is sent.</param>
public sealed record HostileCase(string Family, string Target, string Name, HostileExpectation Expect, Func<HostileContext, HttpRequestMessage> Build)
{
    public override string ToString() => $"{Target}/{Family}: {Name}";
}
